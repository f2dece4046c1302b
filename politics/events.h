#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/csv_table.h"
#include "base/dates.h"
#include "base/diagnostics.h"

namespace cm {

// The fixed vocabulary of event types.
inline constexpr std::string_view kEventTypes[] = {"deselection",
                                                   "selection_contest",
                                                   "national_party_intervention",
                                                   "budget_dispute",
                                                   "policy_dispute",
                                                   "leadership_change",
                                                   "control_change",
                                                   "open_letter",
                                                   "conference_campaign",
                                                   "factional_organising",
                                                   "pension_disinvestment_dispute",
                                                   "devolution_deal",
                                                   "party_internal_election"};
bool isEventType(std::string_view type);
// What a person reads for a type: "national_party_intervention" is "National party intervention".
// Identifiers stay in JSON and CSV.
std::string eventTypeLabel(std::string_view type);
// Types that put a council in dispute (a fight inside or over its ruling group), as opposed to
// events that merely happened there (a leadership change, a devolution deal, a conference).
bool isDisputeType(std::string_view type);

struct Event {
  std::string id;
  Date date;
  std::string precision;  // day, week, month or year
  std::optional<Date> end;
  std::string type;
  std::vector<std::string> councils;  // GSS codes; empty for national events
  std::string ward, actors;
  std::vector<std::string> factions;
  std::string title, summary;
  std::vector<std::string> sources;
  std::string confidence, notes;
  int line = 0;
  // The last day the event covers: its end date, else the end of its stated period.
  Date lastDay() const;
};

struct DisputeStatus {
  std::vector<const Event*> events;  // dispute-type events open at the date or within the window after
  bool inDispute() const { return !events.empty(); }
};

// Events read from the project's own table (data/tables/events.csv), indexed by council.
class EventLog {
 public:
  // From a CSV file, or (with `table`) a table of a GeoPackage such as the compiled dataset.
  // From the events table (data/tables/events.csv, or the compiled dataset's `events`), read by store/.
  static EventLog fromTable(const CsvTable& t, Diagnostics& diag);
  const std::vector<Event>& all() const { return events_; }
  const std::vector<const Event*>& forCouncil(std::string_view code) const;
  // In dispute while a dispute-type event is open or up to `windowDays` after it ended.
  DisputeStatus disputeAt(std::string_view council, Date d, int windowDays = 180) const;

 private:
  std::vector<Event> events_;
  std::unordered_map<std::string, std::vector<const Event*>> byCouncil_;
};

}  // namespace cm
