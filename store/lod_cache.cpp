// The levels of detail callers use: the user's cache, else the compiled dataset's table, else built.
#include "store/lod_cache.h"

#include "store/cache/geometry_cache.h"
#include "store/gdal/gdal_readers.h"
#include "store/held_files.h"

namespace cm {

std::optional<LevelsOfDetail> readLevelsOfDetail(const std::string& datasetPath, const std::string& layer, const BoundarySet& full) {
  if (auto cached = readCachedLevels(full)) return cached;
  openHeldFile(datasetPath);
  auto stored = readStoredLevelsWithGdal(datasetPath, layer, full);
  if (stored) storeCachedLevels(full, *stored);
  return stored;
}

LevelsOfDetail levelsOfDetailFor(const BoundarySet& full, const std::string& datasetPath, const std::string& layer, bool* fromCache) {
  if (!datasetPath.empty() && !layer.empty())
    if (auto stored = readLevelsOfDetail(datasetPath, layer, full)) {
      if (fromCache) *fromCache = true;
      return std::move(*stored);
    }
  if (fromCache) *fromCache = false;
  return buildLevelsOfDetail(full);
}

std::optional<LevelsOfDetail> storedLevels(const BoundarySet& full, const std::optional<std::string>& datasetPath,
                                           const std::string& layer) {
  auto stored = datasetPath ? readLevelsOfDetail(*datasetPath, layer, full) : readCachedLevels(full);
  if (stored && stored->empty()) stored.reset();
  return stored;
}

LevelsOfDetail storedLevelsOrFullDetail(const BoundarySet& full, const std::optional<std::string>& datasetPath, const std::string& layer) {
  if (auto stored = storedLevels(full, datasetPath, layer)) return std::move(*stored);
  return fullDetailOnly(full);
}

}  // namespace cm
