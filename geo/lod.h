#pragma once
// Levels of detail of a polygon coverage that never open a gap or an overlap between neighbours:
// each shared border (arc) is simplified once and reused on both sides.
#include <cstddef>
#include <span>
#include <vector>

#include "geo/boundary_set.h"

namespace cm {

// Levels the compiled dataset stores, in metres, coarsest first; the full detail comes last.
// At 1280x800 the whole UK is about 1,500 m a pixel, a city about 20-50 m.
inline constexpr double kDefaultLodTolerances[] = {500, 100, 20};

struct SimplifyOptions {
  std::vector<double> tolerances{std::begin(kDefaultLodTolerances), std::end(kDefaultLodTolerances)};
  double snap = 0.001;              // metres: vertices closer than this are one (0: only equal ones)
  bool repairIntersections = true;  // refine arcs whose simplified segments cross
  // Leave out a level that would keep over 4/5 of the full detail's vertices even before any
  // refining (which only adds vertices): buildLevelsOfDetail, keeping none over 3/4, would drop it. The 2013 wards,
  // already generalised to about 20 m, lose their 20 m level this way: 450 ms not spent.
  bool skipNearFull = false;
  // Check each finished level once more, all of it, for crossings (LevelStats::crossings and
  // conflictsLeft): for tests, since repairing already checked every arc near each one it refined.
  bool countCrossings = false;
};

struct LevelStats {
  double tolerance = 0;
  std::size_t vertices = 0, rings = 0, parts = 0;
  std::size_t refinedArcs = 0;  // arcs given a finer tolerance because they crossed another
  // Only with SimplifyOptions::countCrossings, for the full detail too:
  std::size_t crossings = 0;      // pairs of crossing segments left, counting those of the source
  std::size_t conflictsLeft = 0;  // arcs crossing or swept over others that refining could still mend
  double area = 0;                // sum over parts of outer area minus holes, m^2
};

// The same coverage at several tolerances. Every level holds the same features in the same order
// (so one style table serves them all), and coarser levels keep a subset of the finer ones'
// vertices. Junctions between arcs are never moved or dropped and every ring keeps at least a
// triangle, so small islands and wards shrink but never vanish. The last level has every source
// vertex, rebuilt from the arcs: rings may start elsewhere and lose repeated points.
struct CoverageLevels {
  std::vector<double> tolerances;  // coarsest first; the last is 0, every vertex of the source
  std::vector<BoundarySet> sets;
  std::vector<LevelStats> stats;
  std::size_t arcs = 0, sharedArcs = 0, junctions = 0, snappedPoints = 0;
};

CoverageLevels simplifyCoverage(const BoundarySet& full, const SimplifyOptions& options = {});

// The coarsest level whose tolerance is at most `maxErrorPixels` pixels at `metresPerPixel`
// (the full detail, the last, when none is); tolerances ordered as in CoverageLevels.
std::size_t pickLevel(std::span<const double> tolerances, double metresPerPixel, double maxErrorPixels = 1.0);

// Douglas-Peucker importance of each vertex of an open or closed polyline: a vertex is kept at
// tolerance t exactly when its importance exceeds t. Ends (and, on a closed line, the two points
// that make it a triangle) are infinitely important. Exposed for tests.
std::vector<double> douglasPeuckerImportance(std::span<const Point2> line);

}  // namespace cm
