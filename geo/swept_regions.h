#pragma once
// Saalfeld's test for simplifying a line without changing its topology: the region between a run
// of dropped vertices and the segment that replaces it must hold no vertex of any other line.
// A segment that swept over an island is found here though no two segments cross.
#include <cstdint>
#include <span>
#include <vector>

#include "geo/geometry.h"

namespace cm {

// `lines[i]` is a polyline at full detail and `kept[i]` the ascending indices of its vertices kept
// (first and last always). Returns the lines, ascending, whose dropped runs enclose a kept vertex
// of another line, or of another part of the same line.
std::vector<std::uint32_t> linesSweepingVertices(const std::vector<std::span<const Point2>>& lines,
                                                 const std::vector<std::vector<std::uint32_t>>& kept);

}  // namespace cm
