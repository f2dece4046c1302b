#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/csv_table.h"
#include "base/dates.h"
#include "base/diagnostics.h"

namespace cm {

// Councillors' parties per ward as at September 2018 (Open Data Manchester, England only).
struct WardCouncillors {
  std::vector<std::string> names;  // as given, e.g. "Labour & Co-operative"
  std::vector<std::string> codes;  // party codes via the alias table
  std::string representation;      // the source's summary: a party, or NOC for a split ward
};

class WardCouncillors2018 {
 public:
  static WardCouncillors2018 fromTable(const CsvTable& t, Diagnostics& diag);  // Open Data Manchester's ward table
  const WardCouncillors* find(const std::string& wardCode) const;
  std::size_t size() const { return byWard_.size(); }
  // The election period the data describes: May 2018 to May 2019.
  static bool covers(Date d);

 private:
  std::unordered_map<std::string, WardCouncillors> byWard_;
};

}  // namespace cm
