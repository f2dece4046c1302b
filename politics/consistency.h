#pragma once
#include "base/diagnostics.h"
#include "geo/boundary_set.h"
#include "politics/control_history.h"
#include "politics/events.h"
#include "politics/leadership.h"

namespace cm {

// The cross-checks `councilmap check` runs on top of what loading reports (dates that parse,
// seats that add up, events with a source): every code exists on its date in the boundaries,
// and no council has two leadership periods at once. Problems are errors unless noted.
struct ConsistencyInputs {
  std::vector<const BoundarySet*> boundaries;  // every tier; a code must exist in one of them
  const ControlHistory* control = nullptr;
  std::string controlFile;
  const EventLog* events = nullptr;
  std::string eventsFile;
  const LeadershipRecord* leadership = nullptr;
  std::string leadershipFile;
};

void checkConsistency(const ConsistencyInputs& in, Diagnostics& diag);

}  // namespace cm
