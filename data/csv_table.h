#pragma once
#include <map>
#include <string>
#include <vector>

#include "data/diagnostics.h"

namespace cm {

// A CSV file read through GDAL's CSV driver (byte-order marks, quoting and CRLF handled there),
// every value kept as text, each row knowing its line in the file for error messages.
struct CsvTable {
  std::string path;
  std::vector<std::string> columns;
  struct Row {
    int line = 0;
    std::vector<std::string> values;
  };
  std::vector<Row> rows;

  int column(const std::string& name) const;  // -1 if absent
  const std::string& get(const Row& r, int column) const;
  std::string where(const Row& r) const { return "line " + std::to_string(r.line); }
};

// Reads the whole table; a missing or unreadable file is an error in `diag` and an empty table.
CsvTable readCsv(const std::string& path, Diagnostics& diag);
// The same from any OGR source: a CSV file, or the named layer of a GeoPackage (the compiled dataset).
// Rows are numbered from 1 by feature id in GeoPackage tables.
CsvTable readTable(const std::string& path, const std::string& layer, Diagnostics& diag);

// Reports, as errors, the required columns the table lacks. Returns true if all are there.
bool requireColumns(const CsvTable& t, const std::vector<std::string>& names, Diagnostics& diag);

}  // namespace cm
