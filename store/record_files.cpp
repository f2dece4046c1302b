#include "store/record_files.h"

#include "store/dataset_layout.h"
#include "store/tables.h"

namespace cm {

ControlHistory readControlHistory(const std::string& compositionCsv, const std::string& changesCsv, const std::string& lookupCsv,
                                  Diagnostics& diag, const std::string& projectTables) {
  const CsvTable composition = readCsv(compositionCsv, diag), changes = readCsv(changesCsv, diag), lookup = readCsv(lookupCsv, diag);
  const auto project = [&](const char* file) { return projectTables.empty() ? CsvTable{} : readCsv(projectTables + "/" + file, diag); };
  return ControlHistory::fromTables(composition, changes, lookup, project(kNamedGroupsFile), project(kNiCompositionFile), diag);
}

ControlHistory readCompiledControl(const std::string& gpkg, Diagnostics& diag) {
  return ControlHistory::fromCompiled(readTable(gpkg, compiled::kControlPeriods, diag), diag);
}

EventLog readEvents(const std::string& path, Diagnostics& diag, const std::string& table) {
  return EventLog::fromTable(readTable(path, table, diag), diag);
}

LeadershipRecord readLeadership(const std::string& path, Diagnostics& diag, const std::string& table) {
  return LeadershipRecord::fromTable(readTable(path, table, diag), diag);
}

WardCouncillors2018 readWardCouncillors(const std::string& path, Diagnostics& diag, const std::string& table) {
  return WardCouncillors2018::fromTable(readTable(path, table, diag), diag);
}

}  // namespace cm
