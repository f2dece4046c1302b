#pragma once
// Finds polylines whose segments cross or touch one another, through a uniform grid, so that
// simplification can refine the borders it pushed across their neighbours.
#include <cstdint>
#include <vector>

#include "data/geometry.h"

namespace cm {

// The pairs of lines (first <= second) whose segments intersect anywhere other than at an end
// point both segments share (where borders meet at a junction), or run along one another; a line
// may pair with itself. `segmentPairs`, when given, receives the number of intersecting segment pairs.
std::vector<std::pair<std::uint32_t, std::uint32_t>> crossingLines(const std::vector<std::vector<Point2>>& lines,
                                                                   std::size_t* segmentPairs = nullptr);

// True if segments ab and cd share any point other than an end point common to both, or overlap.
bool segmentsConflict(Point2 a, Point2 b, Point2 c, Point2 d);

}  // namespace cm
