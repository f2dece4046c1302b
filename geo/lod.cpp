#include "geo/lod.h"

#include <algorithm>
#include <cmath>
#include <future>
#include <limits>
#include <semaphore>
#include <thread>

#include "geo/arc_topology.h"
#include "geo/box_grid.h"
#include "geo/segment_crossings.h"
#include "geo/swept_regions.h"

namespace cm {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// An arc still in conflict at this fraction of the level's tolerance keeps every vertex.
constexpr double kFinestRefinement = 64;

// Squared, so that finding the farthest vertex takes no square roots (std::hypot, careful about
// overflow that map coordinates never reach, was a tenth of simplifying's time).
double segmentDistanceSquared(Point2 p, Point2 a, Point2 b) {
  const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
  const double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
  const double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
  return ex * ex + ey * ey;
}

// Each vertex strictly between lo and hi gets its distance at the split that chose it, capped by
// the importance of the split above it, so the levels nest: a vertex is kept only with its parents.
void splitRange(std::span<const Point2> line, std::size_t lo, std::size_t hi, double cap, std::vector<double>& imp) {
  struct Range {
    std::size_t lo, hi;
    double cap;
  };
  std::vector<Range> stack{{lo, hi, cap}};
  while (!stack.empty()) {
    const Range r = stack.back();
    stack.pop_back();
    if (r.hi <= r.lo + 1) continue;
    std::size_t best = r.lo + 1;
    double bestD2 = -1;
    for (std::size_t k = r.lo + 1; k < r.hi; ++k)
      if (const double d2 = segmentDistanceSquared(line[k], line[r.lo], line[r.hi]); d2 > bestD2) bestD2 = d2, best = k;
    imp[best] = std::min(std::sqrt(bestD2), r.cap);
    stack.push_back({r.lo, best, imp[best]});
    stack.push_back({best, r.hi, imp[best]});
  }
}

double polygonArea(std::span<const Point2> pts) {
  double a = 0;
  for (std::size_t i = 0, j = pts.size() - 1; i < pts.size(); j = i++) a += (pts[j].x - pts[i].x) * (pts[j].y + pts[i].y);
  return std::abs(a) / 2;
}

void addStats(const BoundarySet& set, LevelStats& s) {
  s.vertices = set.points.size();
  s.rings = set.rings.size();
  s.parts = set.parts.size();
  s.area = 0;
  for (const Part& p : set.parts)
    for (std::uint32_t r = p.firstRing; r < p.firstRing + p.ringCount; ++r)
      s.area += (r == p.firstRing ? 1 : -1) * polygonArea(set.ringPoints(set.rings[r]));
}

// Makes sure every ring keeps three distinct points at any tolerance: a ward bounded by two arcs
// would otherwise fold to a line between its two junctions.
void protectRings(const ArcTopology& topo, std::vector<double>& imp) {
  std::vector<std::uint32_t> candidates;
  std::vector<Point2> kept;
  auto keep = [&](Point2 p) {
    for (const Point2& q : kept)
      if (q.x == p.x && q.y == p.y) return;
    kept.push_back(p);
  };
  for (const Ring& rr : topo.ringArcRanges) {
    kept.clear();
    candidates.clear();
    for (std::uint32_t k = rr.first; k < rr.first + rr.count && kept.size() < 3; ++k) {
      const Ring& arc = topo.arcs[arcIndex(topo.ringArcs[k])];
      for (std::uint32_t v = arc.first; v < arc.first + arc.count; ++v) {
        if (imp[v] == kInf)
          keep(topo.points[v]);
        else
          candidates.push_back(v);
      }
    }
    if (kept.size() >= 3) continue;
    std::sort(candidates.begin(), candidates.end(), [&](auto a, auto b) { return imp[a] > imp[b]; });
    for (std::size_t c = 0; kept.size() < 3 && c < candidates.size(); ++c) {
      imp[candidates[c]] = kInf;
      keep(topo.points[candidates[c]]);
    }
  }
}

// Rebuilds every feature from its rings' arcs as they stand in `lines`.
BoundarySet assemble(const BoundarySet& full, const ArcTopology& topo, const std::vector<std::vector<Point2>>& lines) {
  BoundarySet set;
  set.source = full.source;
  set.layer = full.layer;
  set.crsNote = full.crsNote;
  set.hasYears = full.hasYears;
  set.features.reserve(full.features.size());
  std::vector<std::vector<Point2>> partRings;
  for (const Feature& src : full.features) {
    Feature f = src;
    f.firstPart = f.partCount = 0;
    f.bbox = Box{};
    for (std::uint32_t p = src.firstPart; p < src.firstPart + src.partCount; ++p) {
      const Part& part = full.parts[p];
      partRings.assign(part.ringCount, {});
      for (std::uint32_t r = 0; r < part.ringCount; ++r) {
        const std::uint32_t ri = part.firstRing + r;
        const Ring& rr = topo.ringArcRanges[ri];
        auto& ring = partRings[r];
        if (rr.count == 0) {  // degenerate in the source: kept as it was
          const auto pts = full.ringPoints(full.rings[ri]);
          ring.assign(pts.begin(), pts.end());
          continue;
        }
        for (std::uint32_t k = rr.first; k < rr.first + rr.count; ++k) {
          const ArcRef ref = topo.ringArcs[k];
          const auto& line = lines[arcIndex(ref)];
          if (arcReversed(ref))
            ring.insert(ring.end(), line.rbegin(), line.rend() - 1);
          else
            ring.insert(ring.end(), line.begin(), line.end() - 1);
        }
      }
      set.addPart(f, partRings);
    }
    set.features.push_back(std::move(f));
  }
  return set;
}

// Each arc's vertices as simplified for one level; a negative tolerance keeps them all.
struct ArcLines {
  ArcLines(const ArcTopology& topo, const std::vector<double>& imp)
      : topo(topo), imp(imp), kept(topo.arcs.size()), lines(topo.arcs.size()) {}
  void set(std::size_t a, double tol) {
    const Ring& arc = topo.arcs[a];
    kept[a].clear();
    lines[a].clear();
    for (std::uint32_t v = 0; v < arc.count; ++v)
      if (tol < 0 || imp[arc.first + v] > tol) {
        kept[a].push_back(v);
        lines[a].push_back(topo.points[arc.first + v]);
      }
  }
  const ArcTopology& topo;
  const std::vector<double>& imp;
  std::vector<std::vector<std::uint32_t>> kept;
  std::vector<std::vector<Point2>> lines;
};

// What every level is made from; read only but for the crossings' record, so levels can be made on
// several threads at once.
struct LevelInputs {
  const BoundarySet& full;
  const ArcTopology& topo;
  const std::vector<double>& imp;  // Douglas-Peucker importance of every arc vertex
  const std::vector<std::span<const Point2>>& arcPoints;
  const std::vector<Box>& arcBox;
  const BoxGrid& arcGrid;       // over arcBox
  ArcCrossings& crossInSource;  // at full detail
  bool repairIntersections, countCrossings;
};

std::pair<BoundarySet, LevelStats> simplifyLevel(const LevelInputs& in, double tol) {
  const ArcTopology& topo = in.topo;
  ArcLines arcs(topo, in.imp);
  // Arcs that may conflict with the given ones: those whose boxes overlap theirs, ascending.
  std::vector<char> isNear(topo.arcs.size(), 0);
  auto near = [&](const std::vector<std::uint32_t>& changed) {
    std::vector<std::uint32_t> out;
    for (const std::uint32_t c : changed) {
      const Box& cb = in.arcBox[c];
      in.arcGrid.forEachNear(cb, [&](std::uint32_t a) {
        if (!isNear[a] && in.arcBox[a].meets(cb)) {
          isNear[a] = 1;
          out.push_back(a);
        }
      });
    }
    for (const std::uint32_t a : out) isNear[a] = 0;
    std::sort(out.begin(), out.end());
    return out;
  };
  std::vector<double> arcTol(topo.arcs.size(), tol);
  for (std::size_t a = 0; a < topo.arcs.size(); ++a) arcs.set(a, tol);
  // Arcs among `subset` that cross one another, or swept over a vertex, as simplified now; the
  // crossings the source already has are left alone (keeping more vertices cannot mend them).
  std::vector<std::span<const Point2>> subPoints;
  std::vector<std::vector<std::uint32_t>> subKept;
  std::vector<std::vector<Point2>> subLines;
  auto conflicts = [&](const std::vector<std::uint32_t>& subset, std::size_t& crossings) {
    subPoints.clear();
    subKept.clear();
    subLines.clear();
    for (const std::uint32_t a : subset) {
      subPoints.push_back(in.arcPoints[a]);
      subKept.push_back(arcs.kept[a]);
      subLines.push_back(arcs.lines[a]);
    }
    std::vector<std::uint32_t> found;
    for (const std::uint32_t i : linesSweepingVertices(subPoints, subKept)) found.push_back(subset[i]);
    for (const auto& [i, j] : crossingLines(subLines, &crossings)) {
      const std::pair<std::uint32_t, std::uint32_t> pair = std::minmax(subset[i], subset[j]);
      if (in.crossInSource(pair.first, pair.second)) continue;
      found.push_back(pair.first);
      found.push_back(pair.second);
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
  };
  std::vector<std::uint32_t> all(topo.arcs.size());
  for (std::uint32_t a = 0; a < all.size(); ++a) all[a] = a;

  LevelStats stats;
  stats.tolerance = tol;
  // Simplifying can push a border across another, or over an island; such arcs get a finer
  // tolerance (both sides of a border share it, so this never opens a gap) until they do not. After
  // the first check of everything, only the neighbourhood of what was refined is checked again: a
  // new conflict involves an arc that changed, and the arcs near it are those whose boxes meet its.
  auto refinable = [&](const std::vector<std::uint32_t>& subset, std::size_t& crossings) {
    auto found = conflicts(subset, crossings);
    std::erase_if(found, [&](std::uint32_t a) { return arcTol[a] < 0; });
    return found;
  };
  for (std::vector<std::uint32_t> check = all; in.repairIntersections;) {
    std::size_t crossings = 0;
    const auto refine = refinable(check, crossings);
    if (refine.empty()) break;
    for (const std::uint32_t a : refine) {
      if (arcTol[a] == tol) ++stats.refinedArcs;
      arcTol[a] = arcTol[a] / 2 < tol / kFinestRefinement ? -1 : arcTol[a] / 2;
      arcs.set(a, arcTol[a]);
    }
    check = near(refine);
  }
  if (in.countCrossings) stats.conflictsLeft = refinable(all, stats.crossings).size();
  BoundarySet level = assemble(in.full, topo, arcs.lines);
  addStats(level, stats);
  return {std::move(level), stats};
}

}  // namespace

std::vector<double> douglasPeuckerImportance(std::span<const Point2> line) {
  const std::size_t n = line.size();
  std::vector<double> imp(n, 0.0);
  if (n == 0) return imp;
  imp.front() = imp.back() = kInf;
  const bool closed = n > 3 && line.front().x == line.back().x && line.front().y == line.back().y;
  if (!closed) {
    splitRange(line, 0, n - 1, kInf, imp);
    return imp;
  }
  // A closed arc (an island, or an enclave and its hole) keeps the point farthest from its start
  // and then the most important of the rest: at least a triangle, whatever the tolerance.
  std::size_t far = 1;
  for (std::size_t k = 1; k + 1 < n; ++k)
    if (segmentDistanceSquared(line[k], line[0], line[0]) > segmentDistanceSquared(line[far], line[0], line[0])) far = k;
  imp[far] = kInf;
  splitRange(line, 0, far, kInf, imp);
  splitRange(line, far, n - 1, kInf, imp);
  std::size_t second = 0;
  double best = -1;
  for (std::size_t k = 1; k + 1 < n; ++k)
    if (k != far && imp[k] > best) best = imp[k], second = k;
  if (second) imp[second] = kInf;
  return imp;
}

std::size_t pickLevel(std::span<const double> tolerances, double metresPerPixel, double maxErrorPixels) {
  for (std::size_t i = 0; i < tolerances.size(); ++i)
    if (tolerances[i] <= metresPerPixel * maxErrorPixels) return i;
  return tolerances.empty() ? 0 : tolerances.size() - 1;
}

CoverageLevels simplifyCoverage(const BoundarySet& full, const SimplifyOptions& options) {
  CoverageLevels out;
  const ArcTopology topo = buildArcTopology(full, options.snap);
  out.arcs = topo.arcs.size();
  out.sharedArcs = std::size_t(std::count_if(topo.arcUses.begin(), topo.arcUses.end(), [](auto u) { return u > 1; }));
  out.junctions = topo.junctions;
  out.snappedPoints = topo.snappedPoints;

  std::vector<double> imp(topo.points.size());
  for (std::size_t a = 0; a < topo.arcs.size(); ++a) {
    const Ring& arc = topo.arcs[a];
    const auto arcImp = douglasPeuckerImportance({topo.points.data() + arc.first, arc.count});
    std::copy(arcImp.begin(), arcImp.end(), imp.begin() + arc.first);
  }
  protectRings(topo, imp);

  std::vector<std::span<const Point2>> arcPoints(topo.arcs.size());
  for (std::size_t a = 0; a < topo.arcs.size(); ++a) arcPoints[a] = {topo.points.data() + topo.arcs[a].first, topo.arcs[a].count};
  std::vector<Box> arcBox(topo.arcs.size());
  for (std::size_t a = 0; a < topo.arcs.size(); ++a)
    for (const Point2& p : arcPoints[a]) arcBox[a].add(p);
  Box extent;
  for (const Box& b : arcBox) extent.add(b);
  // About one arc to a cell, as far as a 512 by 512 grid goes.
  const BoxGrid arcGrid(arcBox, extent, std::clamp(int(std::sqrt(double(arcBox.size()))), 1, 512));
  ArcCrossings crossInSource(arcPoints, arcBox);
  const LevelInputs in{full, topo, imp, arcPoints, arcBox, arcGrid, crossInSource, options.repairIntersections, options.countCrossings};

  // The levels are independent of one another and of the full one: they are made side by side, as
  // many at once as there are cores (the 2013 wards: 1.8 s to about 0.8 s on two).
  std::counting_semaphore<64> cores(std::clamp<std::ptrdiff_t>(std::thread::hardware_concurrency(), 1, 64));
  auto onACore = [&cores](auto work) {
    return std::async(std::launch::async, [&cores, work] {
      cores.acquire();
      auto result = work();
      cores.release();
      return result;
    });
  };
  std::vector<double> tolerances;
  std::vector<std::future<std::pair<BoundarySet, LevelStats>>> levels;
  for (const double tol : options.tolerances) {
    // Arc vertices stand in for the level's (a shared arc counts once here, twice there): 4/5, not
    // 3/4, leaves a margin, and a level made in vain is only time lost.
    if (options.skipNearFull &&
        5 * std::size_t(std::count_if(imp.begin(), imp.end(), [tol](double i) { return i > tol; })) > 4 * topo.points.size())
      continue;
    tolerances.push_back(tol);
    levels.push_back(onACore([&in, tol] { return simplifyLevel(in, tol); }));
  }
  LevelStats fullStats;
  auto fullLevel = onACore([&] {
    ArcLines fullLines(topo, imp);
    for (std::size_t a = 0; a < topo.arcs.size(); ++a) fullLines.set(a, -1);  // every vertex
    if (options.countCrossings) crossingLines(fullLines.lines, &fullStats.crossings);
    BoundarySet level = assemble(full, topo, fullLines.lines);
    addStats(level, fullStats);
    return level;
  });
  for (std::size_t l = 0; l < levels.size(); ++l) {
    auto [level, stats] = levels[l].get();
    out.tolerances.push_back(tolerances[l]);
    out.sets.push_back(std::move(level));
    out.stats.push_back(stats);
  }
  out.tolerances.push_back(0);
  out.sets.push_back(fullLevel.get());
  out.stats.push_back(fullStats);
  return out;
}

}  // namespace cm
