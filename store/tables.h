#pragma once
// Tables read from files: a CSV file, or a table of a GeoPackage (the compiled dataset), each value as
// text (base/csv_table.h). Read through the user's cache where it holds them (store/tables.cpp).
#include <string>

#include "base/csv_table.h"
#include "base/diagnostics.h"

namespace cm {

// Reads a whole CSV file (as parseCsv parses it); a missing or unreadable file is an error in `diag`
// and an empty table.
CsvTable readCsv(const std::string& path, Diagnostics& diag);
// The same from any OGR source: a CSV file, or the named layer of a GeoPackage (the compiled dataset).
// Rows are numbered from 1 by feature id in GeoPackage tables.
CsvTable readTable(const std::string& path, const std::string& layer, Diagnostics& diag);

}  // namespace cm
