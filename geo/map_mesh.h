#pragma once
#include <cstdint>
#include <vector>

#include "geo/boundary_set.h"

namespace cm {

// Marks a vertex that closes a ring: the border segment starting there would jump to the next ring.
inline constexpr std::uint32_t kRingEndFlag = 0x80000000u;

// One vertex shared by fills (through the index list) and borders (as consecutive pairs).
struct MeshVertex {
  float x = 0, y = 0;         // metres relative to MapMesh::origin, so floats keep centimetre precision
  std::uint32_t feature = 0;  // feature index, with kRingEndFlag on ring-closing vertices
};

struct IndexRange {
  std::uint32_t first = 0, count = 0;
};

// GPU-ready geometry of a whole BoundarySet, built once. Styles live elsewhere, keyed by feature.
struct MapMesh {
  Point2 origin;
  std::vector<MeshVertex> vertices;
  std::vector<std::uint32_t> triangles;  // indices into vertices, 3 per triangle
  std::vector<IndexRange> fillRanges;    // per feature: its triangles' index range
  std::vector<IndexRange> borderRanges;  // per feature: its vertex range (border segments)
  std::size_t featureCount() const { return fillRanges.size(); }
};

MapMesh buildMapMesh(const BoundarySet& set);
// buildMapMesh's vertices and border ranges, without triangles (fill ranges all empty), for a
// caller that has the triangles already: a mesh stored in the compiled dataset.
MapMesh buildMapMeshVertices(const BoundarySet& set);

}  // namespace cm
