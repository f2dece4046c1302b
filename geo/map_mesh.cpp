#include "geo/map_mesh.h"

#include "geo/tessellator.h"

namespace cm {

namespace {

// Lays out every ring closed (first point repeated) so consecutive vertices form every border
// segment, calling `perPart` with each part's rings and the index of its first vertex.
template <class PerPart>
MapMesh layOut(const BoundarySet& set, PerPart perPart) {
  MapMesh mesh;
  mesh.origin = set.extent.empty() ? Point2{} : set.extent.centre();
  mesh.vertices.reserve(set.points.size() + set.rings.size());
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
      closedRings.resize(part.ringCount);
      for (std::uint32_t r = 0; r < part.ringCount; ++r) {
        const auto pts = set.ringPoints(set.rings[part.firstRing + r]);
        closedRings[r].assign(pts.begin(), pts.end());
        if (pts.empty()) continue;  // never from loading (addPart drops rings under 3 points); no closing point to repeat
        closedRings[r].push_back(pts.front());
        for (const Point2& p : closedRings[r]) mesh.vertices.push_back({float(p.x - mesh.origin.x), float(p.y - mesh.origin.y), fi});
        mesh.vertices.back().feature |= kRingEndFlag;
      }
      perPart(closedRings, partBase, mesh);
    }
    mesh.fillRanges[fi].count = static_cast<std::uint32_t>(mesh.triangles.size()) - mesh.fillRanges[fi].first;
    mesh.borderRanges[fi].count = static_cast<std::uint32_t>(mesh.vertices.size()) - mesh.borderRanges[fi].first;
  }
  return mesh;
}

}  // namespace

MapMesh buildMapMesh(const BoundarySet& set) {
  // The tessellator counts the closing repeat too, so its indices map straight onto the layout.
  return layOut(set, [&](const std::vector<std::vector<Point2>>& rings, std::uint32_t base, MapMesh& mesh) {
    if (mesh.triangles.empty()) mesh.triangles.reserve(set.points.size() * 3);
    tessellate(rings, mesh.triangles, base);
  });
}

MapMesh buildMapMeshVertices(const BoundarySet& set) {
  return layOut(set, [](const std::vector<std::vector<Point2>>&, std::uint32_t, MapMesh&) {});
}

}  // namespace cm
