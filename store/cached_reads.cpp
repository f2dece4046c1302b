// The readers callers use: each looks in the user's cache before reading through GDAL
// (store/gdal/gdal_readers.h), and keeps what it read for next time.
#include <algorithm>
#include <vector>

#include "store/cache/cache_entry.h"
#include "store/gdal/gdal_readers.h"
#include "store/cache/geometry_cache.h"
#include "store/lod_cache.h"
#include "store/cache/table_cache.h"
#include "store/tables.h"

namespace cm {
namespace {

// What holdOpen promised: the file, opened through GDAL once this thread first reads it that way.
struct HeldFile {
  std::string path;
  std::shared_ptr<void> dataset;
};
thread_local std::vector<std::weak_ptr<HeldFile>> tHeldFiles;

void openHeldFile(const std::string& path) {
  for (const auto& weak : tHeldFiles)
    if (const auto held = weak.lock(); held && !held->dataset && held->path == path) held->dataset = holdOpenWithGdal(path);
}

}  // namespace

std::shared_ptr<void> holdOpen(const std::string& path) {
  std::erase_if(tHeldFiles, [](const auto& weak) { return weak.expired(); });
  auto held = std::make_shared<HeldFile>(HeldFile{path, nullptr});
  tHeldFiles.push_back(held);
  return held;
}

void prepareThreadForLoading(bool loadGdal) {
  programFile();
  // This library's thread-local storage is made on a thread's first use, under the dynamic linker's lock.
  tHeldFiles.reserve(1);
  if (loadGdal) prepareThreadForGdal();
}

BoundarySet loadBoundaries(const BoundarySource& src, Diagnostics& diag, std::optional<std::pair<double, double>> onlyAt) {
  // A layer loaded before comes back from the user's cache, reprojected (store/cache/geometry_cache.h).
  if (onlyAt) return readBoundariesWithGdal(src, diag, onlyAt);
  if (auto cached = readCachedBoundaries(src, diag)) return std::move(*cached);
  const std::size_t firstDiagnostic = diag.items().size();
  openHeldFile(src.path);
  BoundarySet set = readBoundariesWithGdal(src, diag, std::nullopt);
  if (src.alwaysCache || set.vertexCount() >= kCachedLayerMinVertices) storeCachedBoundaries(src, set, diag, firstDiagnostic);
  return set;
}

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

std::optional<LevelsOfDetail> readLevelsOfDetail(const std::string& datasetPath, const std::string& layer, const BoundarySet& full) {
  if (auto cached = readCachedLevels(full)) return cached;
  openHeldFile(datasetPath);
  auto stored = readStoredLevelsWithGdal(datasetPath, layer, full);
  if (stored) storeCachedLevels(full, *stored);
  return stored;
}

}  // namespace cm
