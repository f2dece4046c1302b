#pragma once
// A polygon coverage cut into shared arcs, the way TopoJSON and mapshaper store it, so that a
// border between two neighbours exists once and is simplified once for both of them.
#include <cstdint>
#include <vector>

#include "geo/boundary_set.h"

namespace cm {

// Reference to an arc from a ring: the arc's index, or ~index when the ring walks it backwards.
using ArcRef = std::int32_t;
inline std::uint32_t arcIndex(ArcRef r) { return r < 0 ? std::uint32_t(~r) : std::uint32_t(r); }
inline bool arcReversed(ArcRef r) { return r < 0; }

struct ArcTopology {
  // Every arc's vertices, one contiguous run per arc (Ring reused as {first, count}). An arc runs
  // from junction to junction; a ring with no junction is one closed arc whose last point repeats
  // its first.
  std::vector<Point2> points;
  std::vector<Ring> arcs;
  std::vector<std::uint8_t> arcUses;  // ring traversals per arc, capped at 255: 1 on the coverage's edge
  // Per ring of the source BoundarySet (same indices): its arcs in walking order.
  std::vector<ArcRef> ringArcs;
  std::vector<Ring> ringArcRanges;  // {first, count} into ringArcs; count 0 for a degenerate ring
  std::size_t junctions = 0;        // distinct vertices where arcs meet
  std::size_t snappedPoints = 0;    // source points merged into a vertex at other coordinates

  bool arcClosed(std::uint32_t a) const {
    const Ring& r = arcs[a];
    return r.count > 2 && points[r.first].x == points[r.first + r.count - 1].x && points[r.first].y == points[r.first + r.count - 1].y;
  }
};

// Builds the arcs of `set`. Points are one vertex when their coordinates are equal or, with
// snap > 0, round to the same point of a `snap`-metre grid (the vertex keeps one point's
// coordinates). The 2013 wards need it: 152 points of borders between councils differ from their
// neighbours' by up to 6e-9 m. A vertex is a junction where the neighbours of its visits differ: where three
// areas meet, where a border leaves the coverage's edge, or where a ring touches itself.
ArcTopology buildArcTopology(const BoundarySet& set, double snap = 0);

}  // namespace cm
