#pragma once
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/dates.h"
#include "politics/council_state.h"
#include "politics/events.h"

namespace cm {

// Event confidence as a rank: verified 2, partly 1, article-only 0; -1 when not one of those.
int confidenceRank(std::string_view confidence);
inline constexpr std::string_view kConfidenceLevels[] = {"article-only", "partly", "verified"};  // by rank

// Which events count: for the details list, and for filtering councils by their events.
struct EventCriteria {
  std::set<std::string> types;  // empty: every type
  int minConfidence = 0;        // a rank from confidenceRank
  std::optional<Date> from, to;
  bool active() const { return !types.empty() || minConfidence > 0 || from || to; }
  bool matches(const Event& e) const;
};

// What a council is, for filtering: its state at the date plus where it is and what kind it is.
struct CouncilFacts {
  std::string_view code;
  const CouncilState* state = nullptr;
  std::string region, type;
  const std::vector<const Event*>* events = nullptr;  // every event naming the council
};

// Councils outside the filter are dimmed on the map and left out of the statistics. Each set is
// one criterion (empty: no constraint); a council must meet every criterion, and within one set
// any value will do.
struct CouncilFilter {
  std::set<std::string> control;        // party codes, NOC, "" for no data
  std::set<std::string> factions;       // faction codes, "unknown"
  std::set<std::string> disputeLevels;  // "0".."3": open dispute events, capped at 3
  std::set<std::string> regions;
  std::set<std::string> councilTypes;
  EventCriteria events;  // when active: councils with at least one matching event up to the date

  bool empty() const {
    return control.empty() && factions.empty() && disputeLevels.empty() && regions.empty() && councilTypes.empty() && !events.active();
  }
  bool matches(const CouncilFacts& c, Date date) const;
};

std::string disputeLevelOf(const CouncilState& s);  // "0".."3"
std::string controlOf(const CouncilState& s);       // party code, NOC, or "" for no data

// Toggles one value in a set: removes it if present, else adds it.
void toggle(std::set<std::string>& set, const std::string& value);

}  // namespace cm
