#include "data/map_mesh.h"

namespace cm {

MapMesh buildMapMesh(const BoundarySet& set) {
  MapMesh mesh;
  mesh.origin = set.extent.empty() ? Point2{} : set.extent.centre();
  mesh.vertices.reserve(set.points.size() + set.rings.size());
  mesh.triangles.reserve(set.points.size() * 3);
  mesh.fillRanges.resize(set.features.size());
  mesh.borderRanges.resize(set.features.size());

  std::vector<std::vector<Point2>> closedRings;
  for (std::uint32_t fi = 0; fi < set.features.size(); ++fi) {
    const Feature& f = set.features[fi];
    mesh.fillRanges[fi].first = static_cast<std::uint32_t>(mesh.triangles.size());
    mesh.borderRanges[fi].first = static_cast<std::uint32_t>(mesh.vertices.size());
    for (std::uint32_t pi = f.firstPart; pi < f.firstPart + f.partCount; ++pi) {
      const Part& part = set.parts[pi];
      const auto partBase = static_cast<std::uint32_t>(mesh.vertices.size());
      // Rings go in closed (first point repeated) so consecutive vertices form every border segment;
      // the tessellator counts the repeat too, so its indices map straight onto this layout.
      closedRings.resize(part.ringCount);
      for (std::uint32_t r = 0; r < part.ringCount; ++r) {
        const auto pts = set.ringPoints(set.rings[part.firstRing + r]);
        closedRings[r].assign(pts.begin(), pts.end());
        closedRings[r].push_back(pts.front());
        for (const Point2& p : closedRings[r])
          mesh.vertices.push_back({float(p.x - mesh.origin.x), float(p.y - mesh.origin.y), fi});
        mesh.vertices.back().feature |= kRingEndFlag;
      }
      tessellate(closedRings, mesh.triangles, partBase);
    }
    mesh.fillRanges[fi].count = static_cast<std::uint32_t>(mesh.triangles.size()) - mesh.fillRanges[fi].first;
    mesh.borderRanges[fi].count = static_cast<std::uint32_t>(mesh.vertices.size()) - mesh.borderRanges[fi].first;
  }
  return mesh;
}

}  // namespace cm
