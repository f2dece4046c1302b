#pragma once
// The tables of a local GeoPackage (the compiled dataset's control periods, events, names…), as
// readTable returns them, kept in the user's cache folder (store/cache/cache_file.h) beside the geometry
// cache. Not for speed alone: a start that finds every table and layer it reads in the cache never
// loads GDAL and its 130 or so libraries (store/gdal/gdal_module.h). Keyed by the file's path, size and
// modification time, the table's name and this program; the problems reading reported come back
// with the table.
#include <cstddef>
#include <optional>
#include <string>

#include "base/csv_table.h"
#include "base/diagnostics.h"

namespace cm {

// The cached table `layer` of the file at `path`, its diagnostics added to `diag`; nullopt when
// there is none (or no cache folder, or the path is not a local file).
std::optional<CsvTable> readCachedTable(const std::string& path, const std::string& layer, Diagnostics& diag);
bool hasCachedTable(const std::string& path, const std::string& layer);  // without reading it
// Keeps `table`, read from `layer` of `path`, with the diagnostics reading it added from `firstDiagnostic` on.
void storeCachedTable(const std::string& path, const std::string& layer, const CsvTable& table, const Diagnostics& diag,
                      std::size_t firstDiagnostic);

}  // namespace cm
