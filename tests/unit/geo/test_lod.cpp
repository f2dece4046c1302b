// Levels of detail on small shapes whose answers are known: arcs, junctions, guards and repair.
#include <cmath>

#include <gtest/gtest.h>

#include "geo/arc_topology.h"
#include "geo/lod.h"
#include "geo/segment_crossings.h"

using namespace cm;

namespace {

Feature& addFeature(BoundarySet& set, const std::string& code, const std::vector<std::vector<Point2>>& rings) {
  set.features.push_back({});
  Feature& f = set.features.back();
  f.code = f.name = code;
  set.addPart(f, rings);
  return f;
}

// A wiggly line from (0, 0) to (1000, 0): amplitude 3 m, so it simplifies away at 5 m and stays at 1 m.
std::vector<Point2> wiggle() {
  std::vector<Point2> pts;
  for (int i = 0; i <= 100; ++i) pts.push_back({i * 10.0, (i % 2 ? 3.0 : -3.0) * (i > 0 && i < 100)});
  return pts;
}

// Two squares sharing the wiggly border y ~ 0: A above, B below.
BoundarySet twoNeighbours() {
  BoundarySet set;
  const auto border = wiggle();
  std::vector<Point2> a = {{0, 0}, {0, 1000}, {1000, 1000}};
  a.insert(a.end(), border.rbegin(), border.rend() - 1);  // back along the border, (1000,0) to just before (0,0)
  std::vector<Point2> b = border;
  b.insert(b.end(), {{1000, -1000}, {0, -1000}});
  addFeature(set, "A", {a});
  addFeature(set, "B", {b});
  return set;
}

std::vector<Point2> ringOf(const BoundarySet& set, std::uint32_t feature, std::uint32_t ring = 0) {
  const auto pts = set.ringPoints(set.rings[set.parts[set.features[feature].firstPart].firstRing + ring]);
  return {pts.begin(), pts.end()};
}

std::vector<Point2> closed(std::vector<Point2> ring) {
  ring.push_back(ring.front());
  return ring;
}

std::vector<Point2> onLine(const std::vector<Point2>& pts, double y0, double y1) {
  std::vector<Point2> out;
  for (const Point2& p : pts)
    if (p.y >= y0 && p.y <= y1) out.push_back(p);
  std::sort(out.begin(), out.end(), [](Point2 a, Point2 b) { return a.x < b.x; });
  return out;
}

double area(const std::vector<Point2>& pts) {
  double a = 0;
  for (std::size_t i = 0, j = pts.size() - 1; i < pts.size(); j = i++) a += (pts[j].x - pts[i].x) * (pts[j].y + pts[i].y);
  return std::abs(a) / 2;
}

}  // namespace

TEST(ArcTopology, SharedBorderIsOneArcUsedTwice) {
  const BoundarySet set = twoNeighbours();
  const ArcTopology t = buildArcTopology(set);
  // Junctions where the border meets the outer edge: (0,0) and (1000,0).
  EXPECT_EQ(t.junctions, 2u);
  ASSERT_EQ(t.arcs.size(), 3u);  // the shared border, A's outer edge, B's outer edge
  std::size_t shared = 0;
  for (std::size_t a = 0; a < t.arcs.size(); ++a)
    if (t.arcUses[a] == 2) {
      ++shared;
      EXPECT_EQ(t.arcs[a].count, 101u);
    }
  EXPECT_EQ(shared, 1u);
}

TEST(ArcTopology, EnclaveAndItsHoleShareOneClosedArc) {
  BoundarySet set;
  const std::vector<Point2> inner = {{40, 40}, {60, 40}, {60, 60}, {40, 60}};
  addFeature(set, "outer", {{{0, 0}, {100, 0}, {100, 100}, {0, 100}}, std::vector<Point2>(inner.rbegin(), inner.rend())});
  addFeature(set, "enclave", {std::vector<Point2>{{60, 60}, {40, 60}, {40, 40}, {60, 40}}});  // starts elsewhere
  const ArcTopology t = buildArcTopology(set);
  EXPECT_EQ(t.junctions, 0u);
  ASSERT_EQ(t.arcs.size(), 2u);
  EXPECT_TRUE(t.arcClosed(1));
  EXPECT_EQ(t.arcUses[1], 2);
  EXPECT_NE(arcReversed(t.ringArcs[t.ringArcRanges[1].first]), arcReversed(t.ringArcs[t.ringArcRanges[2].first]));
}

TEST(ArcTopology, SnappingMergesNearlySharedVertices) {
  BoundarySet set;
  addFeature(set, "A", {{{0, 0}, {10, 0}, {10, 10}, {0, 10}}});
  addFeature(set, "B", {{{10.004, 0.003}, {20, 0}, {20, 10}, {10.002, 9.998}}});
  EXPECT_EQ(buildArcTopology(set).junctions, 0u);  // not shared: two closed rings
  const ArcTopology snapped = buildArcTopology(set, 0.1);
  EXPECT_EQ(snapped.junctions, 2u);
  EXPECT_GT(snapped.snappedPoints, 0u);
}

TEST(DouglasPeucker, ImportanceNestsAndKeepsEnds) {
  const auto line = wiggle();
  const auto imp = douglasPeuckerImportance(line);
  EXPECT_TRUE(std::isinf(imp.front()));
  EXPECT_TRUE(std::isinf(imp.back()));
  for (std::size_t k = 1; k + 1 < imp.size(); ++k) EXPECT_LE(imp[k], 6.0 + 1e-9);
  std::vector<Point2> straight = {{0, 0}, {1, 0}, {2, 0}, {3, 0}};
  const auto flat = douglasPeuckerImportance(straight);
  EXPECT_EQ(flat[1], 0);
  EXPECT_EQ(flat[2], 0);
}

TEST(DouglasPeucker, ClosedLineKeepsATriangle) {
  std::vector<Point2> circle;
  for (int i = 0; i < 64; ++i) circle.push_back({std::cos(i * M_PI / 32), std::sin(i * M_PI / 32)});
  circle.push_back(circle.front());
  const auto imp = douglasPeuckerImportance(circle);
  EXPECT_EQ(std::count_if(imp.begin(), imp.end(), [](double v) { return std::isinf(v); }), 4);  // start, end, two more
}

TEST(Lod, SharedBorderIsIdenticalOnBothSides) {
  const BoundarySet set = twoNeighbours();
  const CoverageLevels lv = simplifyCoverage(set, {.tolerances = {5, 1}, .countCrossings = true});
  ASSERT_EQ(lv.sets.size(), 3u);
  EXPECT_EQ(lv.tolerances.back(), 0);
  // At 5 m the wiggle goes; at 1 m it stays; both sides always agree.
  for (std::size_t l = 0; l < lv.sets.size(); ++l) {
    const auto a = onLine(ringOf(lv.sets[l], 0), -3, 3), b = onLine(ringOf(lv.sets[l], 1), -3, 3);
    ASSERT_EQ(a.size(), b.size()) << "level " << l;
    for (std::size_t k = 0; k < a.size(); ++k) EXPECT_TRUE(a[k].x == b[k].x && a[k].y == b[k].y);
    EXPECT_EQ(a.size(), l == 0 ? 2u : 101u) << "level " << l;
  }
  EXPECT_NEAR(lv.stats[0].area, 2e6, 1e-6);
  EXPECT_EQ(lv.stats[0].crossings, 0u);
}

TEST(Lod, WardBetweenTwoJunctionsKeepsATriangle) {
  // A thin lens between two junctions, bounded by two arcs shared with the areas above and below.
  BoundarySet set;
  std::vector<Point2> top = {{0, 0}}, bottom = {{0, 0}};
  for (int i = 1; i < 20; ++i) {
    top.push_back({i * 5.0, 2 * std::sin(i * M_PI / 20)});
    bottom.push_back({i * 5.0, -2 * std::sin(i * M_PI / 20)});
  }
  top.push_back({100, 0});
  bottom.push_back({100, 0});
  std::vector<Point2> lens(top);
  lens.insert(lens.end(), bottom.rbegin() + 1, bottom.rend() - 1);
  std::vector<Point2> above(top.rbegin(), top.rend());
  above.insert(above.begin(), {{-50, 0}, {-50, 50}, {150, 50}, {150, 0}});
  std::vector<Point2> below = bottom;
  below.insert(below.end(), {{150, 0}, {150, -50}, {-50, -50}, {-50, 0}});
  addFeature(set, "above", {above});
  addFeature(set, "lens", {lens});
  addFeature(set, "below", {below});
  const CoverageLevels lv = simplifyCoverage(set, {.tolerances = {50}, .countCrossings = true});
  const auto ring = ringOf(lv.sets[0], 1);
  EXPECT_GE(ring.size(), 3u);
  EXPECT_GT(area(ring), 0);
  EXPECT_EQ(lv.stats[0].crossings, 0u);
}

TEST(Lod, IslandsShrinkToTrianglesButStay) {
  BoundarySet set;
  std::vector<Point2> island;
  for (int i = 0; i < 40; ++i) island.push_back({1e4 + 30 * std::cos(i * M_PI / 20), 30 * std::sin(i * M_PI / 20)});
  addFeature(set, "islet", {island});
  const CoverageLevels lv = simplifyCoverage(set, {.tolerances = {500, 100}});
  for (std::size_t l = 0; l < 2; ++l) {
    EXPECT_EQ(lv.sets[l].parts.size(), 1u);
    EXPECT_EQ(ringOf(lv.sets[l], 0).size(), 3u);
    EXPECT_GT(lv.stats[l].area, 0.25 * lv.stats.back().area);
  }
}

TEST(Lod, CrossingsMadeBySimplifyingAreRepaired) {
  // A coast with a deep narrow bay and an islet inside it: cutting the bay off at 400 m would run
  // the coast straight through the islet.
  BoundarySet set;
  addFeature(set, "land", {{{0, 0}, {1000, 0}, {1000, -300}, {1100, -300}, {1100, 0}, {2000, 0}, {2000, -2000}, {0, -2000}}});
  addFeature(set, "islet", {{{1040, -20}, {1060, -20}, {1060, 20}, {1040, 20}}});
  const CoverageLevels off = simplifyCoverage(set, {.tolerances = {400}, .repairIntersections = false});
  ASSERT_EQ(ringOf(off.sets[0], 0).size(), 4u);  // the bay is gone...
  std::size_t crossings = 0;
  crossingLines({closed(ringOf(off.sets[0], 0)), closed(ringOf(off.sets[0], 1))}, &crossings);
  EXPECT_GT(crossings, 0u);  // ...straight through the islet
  const CoverageLevels on = simplifyCoverage(set, {.tolerances = {400}, .countCrossings = true});
  EXPECT_EQ(on.stats[0].crossings, 0u);
  EXPECT_EQ(on.stats[0].conflictsLeft, 0u);
  EXPECT_GE(on.stats[0].refinedArcs, 1u);
  EXPECT_GT(ringOf(on.sets[0], 0).size(), 4u);
}

TEST(Lod, IsletsAreNotSwallowedByASimplifiedCoast) {
  // The islet sits in the bay without touching the coast: cutting the bay off crosses nothing,
  // yet would put the islet inside the land.
  BoundarySet set;
  addFeature(set, "land", {{{0, 0}, {1000, 0}, {1000, -300}, {1100, -300}, {1100, 0}, {2000, 0}, {2000, -2000}, {0, -2000}}});
  addFeature(set, "islet", {{{1040, -200}, {1060, -200}, {1060, -100}, {1040, -100}}});
  const CoverageLevels off = simplifyCoverage(set, {.tolerances = {400}, .repairIntersections = false});
  EXPECT_EQ(ringOf(off.sets[0], 0).size(), 4u);
  EXPECT_NEAR(off.stats[0].area, 2000.0 * 2000 + 20 * 100 * 0.5, 1e-6);  // land swallowed the bay; the islet overlaps it
  const CoverageLevels on = simplifyCoverage(set, {.tolerances = {400}, .countCrossings = true});
  EXPECT_GE(on.stats[0].refinedArcs, 1u);
  EXPECT_EQ(on.stats[0].conflictsLeft, 0u);
  EXPECT_LT(on.stats[0].area, 2000.0 * 2000 - 10000);  // the bay is kept
}

TEST(Lod, SegmentConflicts) {
  EXPECT_TRUE(segmentsConflict({0, 0}, {2, 2}, {0, 2}, {2, 0}));   // a cross
  EXPECT_FALSE(segmentsConflict({0, 0}, {1, 0}, {1, 0}, {1, 1}));  // joined at an end
  EXPECT_TRUE(segmentsConflict({0, 0}, {2, 0}, {1, 0}, {1, 1}));   // a T
  EXPECT_TRUE(segmentsConflict({0, 0}, {2, 0}, {0, 0}, {1, 0}));   // folding back
  EXPECT_FALSE(segmentsConflict({0, 0}, {1, 0}, {2, 0}, {3, 0}));  // collinear, apart
}

TEST(Lod, ArcCrossingsComparesOnlyWhereBoxesMeet) {
  const std::vector<Point2> ab{{0, 0}, {10, 10}}, cd{{0, 10}, {10, 0}}, far{{20, 0}, {30, 0}};
  const std::vector<Point2> loop{{0, 0}, {4, 0}, {4, 4}, {2, -2}};  // crosses itself
  const std::vector<Point2> joined{{10, 10}, {20, 20}};             // meets ab only at its end
  const std::vector<std::span<const Point2>> arcs{ab, cd, far, loop, joined};
  std::vector<Box> boxes;
  for (const auto& arc : arcs) {
    Box b;
    for (const Point2 p : arc) b.add(p);
    boxes.push_back(b);
  }
  ArcCrossings crosses(arcs, boxes);
  EXPECT_TRUE(crosses(0, 1));
  EXPECT_TRUE(crosses(0, 1));  // asked again: remembered, the same answer
  EXPECT_FALSE(crosses(0, 2));
  EXPECT_TRUE(crosses(3, 3));
  EXPECT_FALSE(crosses(0, 0));
  EXPECT_FALSE(crosses(0, 4));
}

TEST(Lod, PickLevelKeepsErrorUnderAPixel) {
  const double tol[] = {500, 100, 20, 0};
  EXPECT_EQ(pickLevel(tol, 1500), 0u);  // whole UK at 1280x800
  EXPECT_EQ(pickLevel(tol, 499), 1u);
  EXPECT_EQ(pickLevel(tol, 100), 1u);
  EXPECT_EQ(pickLevel(tol, 30), 2u);  // a city
  EXPECT_EQ(pickLevel(tol, 5), 3u);   // streets: the full detail
  EXPECT_EQ(pickLevel(tol, 60, 0.5), 2u);
}
