// Boundaries as callers read them: from the user's cache where it holds them, else through GDAL
// (store/gdal/gdal_readers.h), keeping what was read for next time.
#include "store/boundary_loader.h"

#include <algorithm>
#include <vector>

#include "store/cache/cache_entry.h"
#include "store/cache/geometry_cache.h"
#include "store/gdal/gdal_readers.h"
#include "store/held_files.h"

namespace cm {

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

}  // namespace cm
