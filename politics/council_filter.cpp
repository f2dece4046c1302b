#include "politics/council_filter.h"

#include <algorithm>

namespace cm {

int confidenceRank(std::string_view c) {
  for (int i = 0; i < 3; ++i)
    if (c == kConfidenceLevels[i]) return i;
  return -1;
}

bool EventCriteria::matches(const Event& e) const {
  if (!types.empty() && !types.count(e.type)) return false;
  if (confidenceRank(e.confidence) < minConfidence) return false;
  // An event matches a range it overlaps, so a year-precision event counts within that year.
  if (from && e.lastDay() < *from) return false;
  if (to && *to < e.date) return false;
  return true;
}

std::string disputeLevelOf(const CouncilState& s) { return std::to_string(std::min<std::size_t>(s.disputes.events.size(), 3)); }
std::string controlOf(const CouncilState& s) { return s.composition ? s.composition->control : std::string(); }

bool CouncilFilter::matches(const CouncilFacts& c, Date date) const {
  const CouncilState none;
  const CouncilState& s = c.state ? *c.state : none;
  if (!control.empty() && !control.count(controlOf(s))) return false;
  if (!factions.empty() && !factions.count(std::string(s.faction()))) return false;
  if (!disputeLevels.empty() && !disputeLevels.count(disputeLevelOf(s))) return false;
  if (!regions.empty() && !regions.count(c.region)) return false;
  if (!councilTypes.empty() && !councilTypes.count(c.type)) return false;
  if (events.active()) {
    if (!c.events) return false;
    // Without an end to the range, events after the date shown have not happened yet.
    const bool any = std::any_of(c.events->begin(), c.events->end(),
                                 [&](const Event* e) { return events.matches(*e) && (events.to || !(date < e->date)); });
    if (!any) return false;
  }
  return true;
}

void toggle(std::set<std::string>& set, const std::string& value) {
  if (!set.erase(value)) set.insert(value);
}

}  // namespace cm
