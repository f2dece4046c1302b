#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/csv_table.h"
#include "base/dates.h"
#include "base/diagnostics.h"

namespace cm {

// A council's seats after one year's elections, in force from that year's election day until the next.
struct Composition {
  std::string council;  // GSS code as in the boundary layer
  std::string name;
  int year = 0;
  std::vector<std::pair<std::string, int>> seats;  // party code and seats, most first, none zero
  int totalSeats = 0;
  std::string control;         // party holding more than half the seats, else NOC (OTH only with controlGroup)
  std::string controlGroup;    // with control OTH: the one named group that holds the majority (named_groups.csv)
  std::string largest;         // party with most seats; empty on a tie for first place
  std::string sourceLabel;     // the source's own label, kept verbatim
  std::string administration;  // from 2025 the source describes the administration ("LAB min", "LD/LAB/GRN")
  std::string note;            // how this record was derived when it is not a source row as-is
  std::string source;          // file and line
};

// Local elections fall on the first Thursday of May.
Date electionDay(int year);
// The year whose election period contains `d` (before May's election day, the previous year's).
int electionYearFor(Date d);
// Control by seats: the party with more than half of them, else NOC.
std::string controlFromSeats(const std::vector<std::pair<std::string, int>>& seats, int total);

class ControlHistory {
 public:
  // composition: Open Council Data UK rows with GSS codes (ocd_council_composition_2016_2026_gss.csv);
  // changes and lookup: the ONS merger list and LTLA-to-county lookup, used to fill the source's two
  // documented gaps (see control_history.cpp). Problems go to `diag` with file and line. The tables are
  // read by store/ (store/record_files.h).
  // namedGroups: the project's table of councils where one named group of independents or local party
  // holds a majority (data/tables/named_groups.csv). Elsewhere a majority of the source's lumped
  // "others" is no overall control, with the others the largest group: they are not one party.
  // electionResults: the project's seats per party after elections the source lacks (Northern Ireland's:
  // data/tables/ni_composition.csv), each in force until the council's next listed election, replacing
  // the source's rows for those years.
  static ControlHistory fromTables(const CsvTable& composition, const CsvTable& changes, const CsvTable& lookup,
                                   const CsvTable& namedGroups, const CsvTable& electionResults, Diagnostics& diag);

  // From the compiled dataset's control_periods table, whose rows are already resolved.
  static ControlHistory fromCompiled(const CsvTable& controlPeriods, Diagnostics& diag);

  const Composition* at(std::string_view council, Date d) const;
  const Composition* inYear(std::string_view council, int year) const;
  int firstYear() const { return firstYear_; }
  int lastYear() const { return lastYear_; }
  std::size_t size() const { return count_; }
  std::vector<std::string> councils() const;  // every council code with at least one year

 private:
  void put(Composition c);
  void addElectionResults(const CsvTable& results, Diagnostics& diag);
  std::unordered_map<std::string, std::vector<Composition>> byCouncil_;  // index: year - firstYear_
  int firstYear_ = 0, lastYear_ = -1;
  std::size_t count_ = 0;
};

}  // namespace cm
