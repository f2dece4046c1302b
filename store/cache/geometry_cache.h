#pragma once
// What is slow to make from a large boundary file and quick to read back, kept in the user's cache
// folder (store/cache/cache_file.h) between runs:
//  - the layer as loadBoundaries returns it (reprojected, repaired, with the problems it reported),
//    keyed by the file's path, size and modification time and the layer and fields asked for;
//  - its levels of detail, simplified and tessellated, keyed by geometryHash of the layer, as the
//    compiled dataset keys its own (store/lod_cache.h).
// The 2013 GB wards (1.1 million vertices) load in about 30 ms instead of 400, and their levels
// cost a read instead of 1.7 s of simplifying. Tables have a cache of their own (store/cache/table_cache.h). Entries are written by this
// build only for the machine they were made on, checked on reading, and the folder is kept under 1 GB.
#include <cstddef>
#include <filesystem>
#include <optional>

#include "geo/detail_levels.h"
#include "store/boundary_loader.h"

namespace cm {

// Layers with fewer vertices load about as fast as they are read back; not worth the disk, unless
// the layer is the compiled dataset's (BoundarySource::alwaysCache): reading only what is cached,
// the program starts without loading GDAL at all (store/gdal/gdal_module.h).
inline constexpr std::size_t kCachedLayerMinVertices = 200'000;

// The cached layer for `source`, with the diagnostics its loading reported added to `diagnostics`;
// nullopt when there is none (or no cache, or the source is not a local file).
std::optional<BoundarySet> readCachedBoundaries(const BoundarySource& source, Diagnostics& diagnostics);
bool hasCachedBoundaries(const BoundarySource& source);  // without reading it
// Keeps `set`, loaded from `source`, and the diagnostics its loading added from `firstDiagnostic` on.
void storeCachedBoundaries(const BoundarySource& source, const BoundarySet& set, const Diagnostics& diagnostics,
                           std::size_t firstDiagnostic);

// Whether levels of detail made for `set` (a --boundaries layer, not the compiled dataset) are kept in
// the cache: a cache folder exists and the layer is large. Export and the window make them for such
// a layer when they meet it first, and read them back after.
bool levelsWorthCaching(const BoundarySet& set);
// The levels of detail made from exactly this geometry, if cached.
std::optional<LevelsOfDetail> readCachedLevels(const BoundarySet& set);
bool hasCachedLevels(const BoundarySet& set);  // without reading them
void storeCachedLevels(const BoundarySet& set, const LevelsOfDetail& levels);

}  // namespace cm
