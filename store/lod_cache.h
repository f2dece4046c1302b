#pragma once
// Levels of detail stored in the compiled GeoPackage (table lod_meshes, one row per layer and
// level), so that opening it neither simplifies nor tessellates again.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "geo/detail_levels.h"
#include "store/dataset_layout.h"

namespace cm {

inline constexpr const char* kLodTable = compiled::kLevelsOfDetail;

// The stored levels of `layer` if they were made from exactly `full`, the layer as loadBoundaries
// reads it (compared by geometryHash); nullopt for an older dataset, other geometry or a damaged row.
std::optional<LevelsOfDetail> readLevelsOfDetail(const std::string& datasetPath, const std::string& layer, const BoundarySet& full);

// The levels of `full` (read from `layer` of the dataset): the stored ones when they match its
// geometry, else built now. An empty path or layer always builds.
LevelsOfDetail levelsOfDetailFor(const BoundarySet& full, const std::string& datasetPath, const std::string& layer,
                                 bool* fromCache = nullptr);

// The levels to draw `full` from without simplifying anything now: the compiled dataset's stored levels of
// `layer` where a dataset is given, else levels an earlier run kept in the user's cache; nullopt if neither.
std::optional<LevelsOfDetail> storedLevels(const BoundarySet& full, const std::optional<std::string>& datasetPath,
                                           const std::string& layer);
// The same, else the full detail alone: what the window draws from, as simplifying while it opens would
// cost more than drawing the full detail saves.
LevelsOfDetail storedLevelsOrFullDetail(const BoundarySet& full, const std::optional<std::string>& datasetPath, const std::string& layer);

struct LodLayerReport {
  std::string layer;
  LodBuildReport build;
  std::vector<double> kept;            // tolerances stored
  std::vector<std::size_t> vertices;   // mesh vertices per level stored
  std::vector<std::size_t> triangles;  // per level stored
  std::size_t bytes = 0;               // compressed size stored
};

// Reads each boundary layer of the GeoPackage at `path` (closed, writable), builds its levels and
// writes them into lod_meshes. Returns false, with the reason in `diag`, if it could not.
bool storeLevelsOfDetail(const std::string& path, const std::vector<std::string>& layers, Diagnostics& diag,
                         const std::function<void(double, const std::string&)>& progress = {},
                         std::vector<LodLayerReport>* report = nullptr);

}  // namespace cm
