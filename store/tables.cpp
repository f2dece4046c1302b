// Tables callers use: the user's cache first, then GDAL (store/gdal/gdal_readers.h).
#include "store/tables.h"

#include "store/cache/table_cache.h"
#include "store/gdal/gdal_readers.h"
#include "store/held_files.h"

namespace cm {

CsvTable readTable(const std::string& path, const std::string& layer, Diagnostics& diag) {
  if (layer.empty()) return readTableWithGdal(path, layer, diag);  // a CSV file: quick to parse again
  if (auto cached = readCachedTable(path, layer, diag)) return std::move(*cached);
  const std::size_t firstDiagnostic = diag.items().size();
  openHeldFile(path);
  CsvTable table = readTableWithGdal(path, layer, diag);
  if (!table.columns.empty()) storeCachedTable(path, layer, table, diag, firstDiagnostic);
  return table;
}

CsvTable readCsv(const std::string& path, Diagnostics& diag) { return readTable(path, "", diag); }

}  // namespace cm
