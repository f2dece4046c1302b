#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"

namespace cm {

// A table read from a CSV file or a GeoPackage, every value kept as text, each row knowing its line
// in the file (or its feature id in a GeoPackage) for error messages.
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

// Parses CSV text; `path` names it in messages. Accepts a UTF-8 byte-order mark, CRLF or CR line ends,
// quoted values spanning lines, and ';' or tab separators when the header has no comma. Blank lines are
// skipped but counted. Rows with too few values are padded, extra values dropped, invalid UTF-8
// replaced, each with a warning naming the line; a quote that is never closed costs only its own row,
// reported as an error. (Files are read by store/tables.h.)
CsvTable parseCsv(std::string_view text, const std::string& path, Diagnostics& diag);

// Reports, as errors, the required columns the table lacks. Returns true if all are there.
bool requireColumns(const CsvTable& t, const std::vector<std::string>& names, Diagnostics& diag);

}  // namespace cm
