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

// Who led a council and with which faction, where the facts say (data/tables/leadership_periods.csv).
struct LeadershipPeriod {
  std::string council, councilName, leader, party, faction;
  std::optional<Date> start;           // first day; none = before the record begins
  std::string startPrecision = "day";  // day, month or year
  std::optional<Date> end;             // first day no longer in office; none = still current in the record
  std::string basis, confidence;
  std::vector<std::string> sources;
  int line = 0;
  bool covers(Date d) const { return (!start || *start <= d) && (!end || d < *end); }
};

class LeadershipRecord {
 public:
  static LeadershipRecord fromTable(const CsvTable& t, Diagnostics& diag);  // the leadership_periods table
  // The period covering `d`, or null when the record is silent (shown as unknown, never guessed).
  const LeadershipPeriod* at(std::string_view council, Date d) const;
  const std::vector<LeadershipPeriod>& all() const { return periods_; }

 private:
  std::vector<LeadershipPeriod> periods_;
  std::unordered_map<std::string, std::vector<std::size_t>> byCouncil_;
};

}  // namespace cm
