#pragma once
#include <string>
#include <vector>

#include "geo/boundary_set.h"
#include "politics/control_history.h"
#include "politics/events.h"
#include "politics/leadership.h"

namespace cm {

// Everything known about one council on one date.
struct CouncilState {
  const Composition* composition = nullptr;  // null: no data (never guessed)
  const LeadershipPeriod* leadership = nullptr;
  DisputeStatus disputes;
  std::string_view faction() const { return leadership ? std::string_view(leadership->faction) : std::string_view("unknown"); }
};

// The political data beside the boundaries: control, events and leadership, each optional.
struct PoliticalData {
  const ControlHistory* control = nullptr;
  const EventLog* events = nullptr;
  const LeadershipRecord* leadership = nullptr;
  int disputeWindowDays = 180;

  CouncilState stateOf(std::string_view code, Date d) const;
  // One call for every feature of `set` (index-aligned; features not existing at `d` get an empty state).
  // Fast enough to run every frame while the timeline scrubs (see bench_core BM_StateAtDate).
  std::vector<CouncilState> stateAt(const BoundarySet& set, Date d) const;
};

}  // namespace cm
