#pragma once
// The record read from its files: the politics/ classes built from tables that store/ reads.
#include <string>

#include "base/diagnostics.h"
#include "politics/control_history.h"
#include "politics/events.h"
#include "politics/leadership.h"
#include "politics/wards.h"

namespace cm {

// Control from Open Council Data UK's composition CSV, the ONS list of changes and the LTLA lookup, and
// the project's tables in `projectTables` (data/tables: the named groups and Northern Ireland's results;
// without them, no majority of others is control and Northern Ireland has only the source's rows).
ControlHistory readControlHistory(const std::string& compositionCsv, const std::string& changesCsv, const std::string& lookupCsv,
                                  Diagnostics& diag, const std::string& projectTables = {});
// Control from the compiled dataset's control_periods table.
ControlHistory readCompiledControl(const std::string& gpkg, Diagnostics& diag);
// Each from a CSV file, or (with `table`) that table of the compiled dataset.
EventLog readEvents(const std::string& path, Diagnostics& diag, const std::string& table = "");
LeadershipRecord readLeadership(const std::string& path, Diagnostics& diag, const std::string& table = "");
WardCouncillors2018 readWardCouncillors(const std::string& path, Diagnostics& diag, const std::string& table = "");

}  // namespace cm
