#pragma once
// Polygon-with-holes to triangles, for filling council areas.
//
// The algorithm follows mapbox/earcut (ISC licence): ear clipping over a doubly linked ring, holes
// bridged into the shell, z-order hashing for large rings, and three fallback passes for rings that
// are not simple. It is reimplemented here rather than packaged because nothing in Debian fits:
// GLU's tessellator is about ten times slower on our boundary files, and GEOS's constrained
// Delaunay refuses the self-touching and self-intersecting rings that real boundary data contains.
// Unlike earcut, this version normalises coordinates, rejects non-finite input and never recurses,
// so garbage in gives (possibly incomplete) triangles out rather than a crash or a hang.
#include <cstdint>
#include <span>
#include <vector>

#include "geo/point.h"

namespace cm {

// A polygon: rings[0] is the outer ring, the rest are holes. Rings are open or closed
// (a closing point equal to the first is ignored). Orientation of input does not matter.
// Returns triangle vertex indices into the concatenation of the rings *as given*
// (ring 0's points first, then ring 1's, ... including any closing duplicate point in the counting,
// so index k refers to the k-th point of the flattened input). Appends to `out`; returns number of
// triangles added. A polygon with any NaN or infinite coordinate yields no triangles.
std::size_t tessellate(std::span<const std::vector<Point2>> rings, std::vector<std::uint32_t>& out, std::uint32_t indexBase = 0);

// Area helpers used by tests and callers.
double ringArea(const std::vector<Point2>& ring);  // absolute area of one ring (shoelace)
// Sum of absolute triangle areas; triangles whose indices fall outside flatPoints are ignored.
double trianglesArea(std::span<const Point2> flatPoints, std::span<const std::uint32_t> triangles);

}  // namespace cm
