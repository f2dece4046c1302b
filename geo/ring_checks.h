#pragma once
// Checks on the rings of one polygon that the loader runs on every feature, so that a broken ring is
// named in a warning instead of surfacing as a strange fill or a wrong answer to a click.
#include <span>

#include "base/diagnostics.h"
#include "geo/boundary_set.h"

namespace cm {

// Beyond this many metres from the grid's origin a point is not on Earth: 10^8 m is two and a half
// times round it. Such points come from unit mix-ups and corrupt files, and would wreck the map extent.
inline constexpr double kAbsurdMapCoordinate = 1e8;

// True if the closed ring (stored open) has two non-adjacent edges that cross or touch, or two
// adjacent ones that fold back along each other. Repeated vertices are ignored. Expected
// O(n log n); rings past `maxPoints` are not examined and report false.
bool ringCrossesItself(std::span<const Point2> ring, std::size_t maxPoints = 200000);

// True if every point of the ring lies on one line (within rounding), so it encloses nothing. Unlike
// a zero signed area, this does not catch a bow-tie, whose lobes cancel.
bool ringIsFlat(std::span<const Point2> ring);

// True if some vertex of `hole` lies strictly inside `shell` (even-odd), i.e. the hole is not
// wholly outside its shell. A hole that only touches the shell from outside counts as outside.
bool holeInsideShell(std::span<const Point2> hole, std::span<const Point2> shell);

// Notes each feature with rings that cross or touch themselves: harmless to draw (the tessellator
// and picking cope) but worth knowing when checking a file. `councilmap check` runs it; loading
// does not, as it would add about a sixth to the load.
void noteSelfCrossings(const BoundarySet& set, Diagnostics& diag);

}  // namespace cm
