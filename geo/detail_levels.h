#pragma once
// Ready-to-draw levels of detail of one boundary layer: a mesh per level, picked from the zoom.
#include <cstdint>
#include <vector>

#include "geo/lod.h"
#include "geo/map_mesh.h"

namespace cm {

struct LevelsOfDetail {
  std::vector<double> tolerances;  // metres, coarsest first; the last is 0, the full detail
  // One mesh per tolerance, every one with the same features in the same order as the BoundarySet
  // it came from, so one style table serves them all. The last is buildMapMesh(full) exactly.
  std::vector<MapMesh> meshes;
  // The level to draw at this many metres a pixel: its error stays under `maxErrorPixels`.
  std::size_t pick(double metresPerPixel, double maxErrorPixels = 1.0) const {
    return pickLevel(tolerances, metresPerPixel, maxErrorPixels);
  }
  const MapMesh& meshFor(double metresPerPixel, double maxErrorPixels = 1.0) const { return meshes[pick(metresPerPixel, maxErrorPixels)]; }
  bool empty() const { return meshes.empty(); }
};

struct LodBuildReport {
  std::vector<LevelStats> levels;  // every tolerance tried, kept or not; the full detail last
  // Wall-clock ms of the two stages; the full detail's tessellation overlaps the first, so the second
  // counts the coarser levels and whatever of the full detail was left.
  double simplifyMs = 0, tessellateMs = 0;
};

// Simplifies and tessellates every level. A level is kept only if it has at most 3/4 of the
// vertices of the next finer level kept: a 20 m level of wards already generalised to 20 m would
// cost memory and gain nothing.
LevelsOfDetail buildLevelsOfDetail(const BoundarySet& full, const SimplifyOptions& options = {}, LodBuildReport* report = nullptr);

// The full detail as the only level: for a layer with no stored levels.
LevelsOfDetail fullDetailOnly(const BoundarySet& set);

// A fingerprint of a BoundarySet's geometry (parts, rings and coordinates), so a stored mesh is
// used only with the geometry it was made from.
std::uint64_t geometryHash(const BoundarySet& set);

}  // namespace cm
