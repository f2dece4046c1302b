// Levels of detail of the real ward files: every pair of neighbours keeps the same border at
// every level, and the union of each level covers the area of the full detail.
// The checks below use their own vertex and edge index, not the arc code they are checking.
#include <chrono>
#include <cmath>
#include <unordered_map>

#include <geos_c.h>
#include <gtest/gtest.h>

#include "geo/lod.h"
#include "store/boundary_loader.h"
#include "unit/test_support.h"

using namespace cm;

namespace {

// Vertices are compared on a 1 mm grid, as the simplifier merges them: the 2013 wards have 152
// border points that differ from their neighbours' by a few nanometres.
struct PointKey {
  std::int64_t x, y;
  bool operator==(const PointKey&) const = default;
};
struct PointHash {
  std::size_t operator()(const PointKey& k) const { return std::size_t(k.x) * 0x9e3779b97f4a7c15ull ^ std::size_t(k.y); }
};
PointKey keyOf(Point2 p) { return {std::llround(p.x * 1000), std::llround(p.y * 1000)}; }

template <class Fn>
void forEachRingOfFeature(const BoundarySet& set, std::uint32_t f, Fn fn) {
  const Feature& feat = set.features[f];
  for (std::uint32_t p = feat.firstPart; p < feat.firstPart + feat.partCount; ++p)
    for (std::uint32_t r = set.parts[p].firstRing; r < set.parts[p].firstRing + set.parts[p].ringCount; ++r)
      fn(set.ringPoints(set.rings[r]));
}

// Neighbours are features sharing an edge at full detail; their border's vertices are the ends of
// those shared edges. A level keeps the border identical on both sides exactly when each of the
// two keeps the same subset of those vertices (simplifying only ever drops vertices).
class BorderIndex {
 public:
  explicit BorderIndex(const BoundarySet& full) {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> edges;  // (edge, feature)
    for (std::uint32_t f = 0; f < full.features.size(); ++f)
      forEachRingOfFeature(full, f, [&](std::span<const Point2> pts) {
        for (std::size_t i = 0; i < pts.size(); ++i) {
          const std::uint32_t u = idOf(pts[i]), v = idOf(pts[(i + 1) % pts.size()]);
          if (u != v) edges.push_back({(std::uint64_t(std::min(u, v)) << 32) | std::max(u, v), f});
        }
      });
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    std::vector<std::pair<std::uint32_t, std::uint32_t>> vertexPair;  // (vertex, pair)
    std::unordered_map<std::uint64_t, std::uint32_t> pairIds;
    for (std::size_t i = 0; i < edges.size();) {
      std::size_t j = i;
      while (j < edges.size() && edges[j].first == edges[i].first) ++j;
      for (std::size_t a = i; a < j; ++a)
        for (std::size_t b = a + 1; b < j; ++b) {
          const std::uint64_t key = (std::uint64_t(edges[a].second) << 32) | edges[b].second;
          const auto [it, added] = pairIds.emplace(key, std::uint32_t(pairs_.size()));
          if (added) pairs_.push_back({edges[a].second, edges[b].second});
          vertexPair.push_back({std::uint32_t(edges[i].first >> 32), it->second});
          vertexPair.push_back({std::uint32_t(edges[i].first), it->second});
        }
      i = j;
    }
    std::sort(vertexPair.begin(), vertexPair.end());
    vertexPair.erase(std::unique(vertexPair.begin(), vertexPair.end()), vertexPair.end());
    firstPair_.assign(ids_.size() + 1, 0);
    for (const auto& [v, p] : vertexPair) ++firstPair_[v + 1];
    for (std::size_t v = 0; v < ids_.size(); ++v) firstPair_[v + 1] += firstPair_[v];
    for (const auto& [v, p] : vertexPair) pairOf_.push_back(p);
  }

  std::size_t pairs() const { return pairs_.size(); }

  // Pairs of neighbours whose border differs between the two sides at this level; `moved` counts
  // vertices that are not vertices of the full detail.
  std::size_t mismatchedPairs(const BoundarySet& level, std::size_t& moved) const {
    std::vector<std::tuple<std::uint32_t, std::uint32_t, std::uint8_t>> seen;  // (pair, vertex, side)
    moved = 0;
    for (std::uint32_t f = 0; f < level.features.size(); ++f)
      forEachRingOfFeature(level, f, [&](std::span<const Point2> pts) {
        for (const Point2& p : pts) {
          const auto it = ids_.find(keyOf(p));
          if (it == ids_.end()) {
            ++moved;
            continue;
          }
          for (std::uint32_t k = firstPair_[it->second]; k < firstPair_[it->second + 1]; ++k) {
            const auto [a, b] = pairs_[pairOf_[k]];
            if (a == f || b == f) seen.push_back({pairOf_[k], it->second, std::uint8_t(a == f ? 0 : 1)});
          }
        }
      });
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    std::vector<std::uint8_t> bad(pairs_.size(), 0);
    for (std::size_t i = 0; i < seen.size();) {
      const bool bothSides =
          i + 1 < seen.size() && std::get<0>(seen[i + 1]) == std::get<0>(seen[i]) && std::get<1>(seen[i + 1]) == std::get<1>(seen[i]);
      if (!bothSides) bad[std::get<0>(seen[i])] = 1;
      i += bothSides ? 2 : 1;
    }
    return std::size_t(std::count(bad.begin(), bad.end(), 1));
  }

 private:
  std::uint32_t idOf(Point2 p) { return ids_.emplace(keyOf(p), std::uint32_t(ids_.size())).first->second; }
  std::unordered_map<PointKey, std::uint32_t, PointHash> ids_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs_;
  std::vector<std::uint32_t> firstPair_, pairOf_;
};

// GEOS's coverage union assumes what is being tested (neighbours share their edges exactly), so its
// area is checked against the plain sum of the parts: they differ if any level overlaps itself.
struct Geos {
  GEOSContextHandle_t h = [] {
    auto ctx = GEOS_init_r();
    GEOSContext_setErrorMessageHandler_r(
        ctx, [](const char* message, void*) { std::fprintf(stderr, "GEOS: %s\n", message); }, nullptr);
    return ctx;
  }();
  ~Geos() { GEOS_finish_r(h); }
  GEOSGeometry* collection(const BoundarySet& set) {
    std::vector<GEOSGeometry*> polys;
    for (const Part& part : set.parts) {
      std::vector<GEOSGeometry*> rings;
      for (std::uint32_t r = part.firstRing; r < part.firstRing + part.ringCount; ++r) {
        const auto pts = set.ringPoints(set.rings[r]);
        GEOSCoordSequence* cs = GEOSCoordSeq_create_r(h, unsigned(pts.size() + 1), 2);
        for (unsigned i = 0; i <= pts.size(); ++i) GEOSCoordSeq_setXY_r(h, cs, i, pts[i % pts.size()].x, pts[i % pts.size()].y);
        rings.push_back(GEOSGeom_createLinearRing_r(h, cs));
      }
      polys.push_back(GEOSGeom_createPolygon_r(h, rings[0], rings.data() + 1, unsigned(rings.size() - 1)));
    }
    return GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, polys.data(), unsigned(polys.size()));
  }
  double unionArea(const BoundarySet& set) {
    GEOSGeometry* all = collection(set);
    GEOSGeometry* u = GEOSCoverageUnion_r(h, all);
    double area = -1;
    if (u) GEOSArea_r(h, u, &area);
    GEOSGeom_destroy_r(h, all);
    if (u) GEOSGeom_destroy_r(h, u);
    return area;
  }
};

double ms(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since).count();
}

// Rings of the full level that are not their source ring (on the 1 mm grid, less repeated points,
// from any starting point).
std::size_t roundTripMismatches(const BoundarySet& source, const BoundarySet& rebuilt) {
  if (source.rings.size() != rebuilt.rings.size()) return source.rings.size();
  std::size_t bad = 0;
  for (std::size_t r = 0; r < source.rings.size(); ++r) {
    std::vector<PointKey> a, b;
    for (const Point2& p : source.ringPoints(source.rings[r]))
      if (a.empty() || !(a.back() == keyOf(p))) a.push_back(keyOf(p));
    while (a.size() > 1 && a.back() == a.front()) a.pop_back();
    for (const Point2& p : rebuilt.ringPoints(rebuilt.rings[r])) b.push_back(keyOf(p));
    const auto at = std::find(a.begin(), a.end(), b.empty() ? PointKey{} : b.front());
    if (a.size() != b.size() || at == a.end()) {
      ++bad;
      continue;
    }
    std::rotate(a.begin(), at, a.end());
    if (a != b) ++bad;
  }
  return bad;
}

// Stated tolerances: the union of each level keeps its area within this share of the full detail's.
constexpr double kUnionAreaTolerance[] = {0.002, 0.0005, 0.0001, 0};  // 500 m, 100 m, 20 m, full

const BoundarySet& wards2013() {
  static const BoundarySet set = [] {
    Diagnostics diag;
    return loadBoundaries({sharedData("wards/wards_2013_gb_bgc_martinjc.gpkg"), "", "", ""}, diag);
  }();
  return set;
}

BoundarySet subset(const BoundarySet& from, const std::string& codePrefix) {
  BoundarySet out;
  std::vector<std::vector<Point2>> rings;
  for (const Feature& src : from.features) {
    if (src.code.rfind(codePrefix, 0) != 0) continue;
    Feature f = src;
    f.firstPart = f.partCount = 0;
    f.bbox = Box{};
    for (std::uint32_t p = src.firstPart; p < src.firstPart + src.partCount; ++p) {
      rings.clear();
      for (std::uint32_t r = from.parts[p].firstRing; r < from.parts[p].firstRing + from.parts[p].ringCount; ++r)
        rings.emplace_back(from.ringPoints(from.rings[r]).begin(), from.ringPoints(from.rings[r]).end());
      out.addPart(f, rings);
    }
    out.features.push_back(std::move(f));
  }
  return out;
}

CoverageLevels simplified(const BoundarySet& full, const std::string& what) {
  const auto t0 = std::chrono::steady_clock::now();
  CoverageLevels lv = simplifyCoverage(full, {.countCrossings = true});
  std::printf("%s: %zu features, %zu vertices; simplified in %.0f ms; %zu arcs (%zu shared), %zu junctions, %zu points snapped\n",
              what.c_str(), full.features.size(), full.points.size(), ms(t0), lv.arcs, lv.sharedArcs, lv.junctions, lv.snappedPoints);
  EXPECT_EQ(roundTripMismatches(full, lv.sets.back()), 0u) << "the full level must be the source";
  return lv;
}

// Every level: each pair of neighbours keeps one border, nothing vanishes, nothing crosses that
// did not cross in the source, and the parts' areas add up to the full detail's.
void checkNeighbours(const BoundarySet& full, const CoverageLevels& lv, std::size_t minPairs) {
  const BorderIndex borders(full);
  EXPECT_GT(borders.pairs(), minPairs);
  for (std::size_t l = 0; l < lv.sets.size(); ++l) {
    const LevelStats& s = lv.stats[l];
    std::size_t moved = 0;
    const std::size_t bad = borders.mismatchedPairs(lv.sets[l], moved);
    std::printf(
        "  level %4.0f m: %8zu vertices %6zu parts, %4zu arcs refined, %3zu crossings, area %+.4f %%; "
        "neighbour pairs differing %zu of %zu\n",
        s.tolerance, s.vertices, s.parts, s.refinedArcs, s.crossings, 100 * (s.area - lv.stats.back().area) / lv.stats.back().area, bad,
        borders.pairs());
    EXPECT_EQ(bad, 0u) << "level " << s.tolerance;
    EXPECT_EQ(moved, 0u) << "level " << s.tolerance;
    EXPECT_EQ(lv.sets[l].features.size(), full.features.size());
    EXPECT_EQ(lv.sets[l].parts.size(), full.parts.size()) << "no island or ward may vanish";
    EXPECT_LE(s.crossings, lv.stats.back().crossings) << "simplifying made borders cross";
    EXPECT_EQ(s.conflictsLeft, 0u) << "level " << s.tolerance << ": repairing stopped with conflicts it could mend";
    EXPECT_NEAR(s.area, lv.stats.back().area, kUnionAreaTolerance[l] * lv.stats.back().area) << "level " << s.tolerance;
    if (l > 0) {
      EXPECT_GE(s.vertices, lv.stats[l - 1].vertices);
    }
  }
}

// GEOS's coverage union refuses overlapping parts, and its area is compared with the full detail's
// union and with the plain sum of the level's parts (larger if any parts overlap).
void checkUnions(const CoverageLevels& lv) {
  Geos geos;
  const double fullUnion = geos.unionArea(lv.sets.back());
  ASSERT_GT(fullUnion, 0);
  for (std::size_t l = 0; l < lv.sets.size(); ++l) {
    const double u = geos.unionArea(lv.sets[l]);
    std::printf("  level %4.0f m: union %.6g km2 (%+.4f %% of the full detail's), parts sum %+.5f %% of the union\n", lv.tolerances[l],
                u / 1e6, 100 * (u - fullUnion) / fullUnion, 100 * (lv.stats[l].area - u) / u);
    EXPECT_NEAR(u, fullUnion, kUnionAreaTolerance[l] * fullUnion) << "level " << lv.tolerances[l];
    EXPECT_NEAR(lv.stats[l].area, u, 1e-7 * u) << "parts overlap at level " << lv.tolerances[l];
  }
}

}  // namespace

// The whole 2013 GB ward file: 8,886 wards, 1.09M vertices, not quantised.
TEST(LodRealData, Wards2013GbNeighboursShareEveryBorderAtEveryLevel) {
  REQUIRE_SHARED_DATA("wards/wards_2013_gb_bgc_martinjc.gpkg");
  const BoundarySet& full = wards2013();
  ASSERT_EQ(full.features.size(), 8886u);
  checkNeighbours(full, simplified(full, "2013 GB wards"), 24000);
}

// Wales's 852 wards, with Anglesey, estuaries and islets where a simplified coast could swallow
// an islet without crossing it. GEOS unions each level; for the whole of GB that takes seconds a
// level, and Scotland's thousands of islands alone take two.
TEST(LodRealData, Wards2013WalesUnionsKeepTheirArea) {
  REQUIRE_SHARED_DATA("wards/wards_2013_gb_bgc_martinjc.gpkg");
  const BoundarySet wales = subset(wards2013(), "W");
  ASSERT_EQ(wales.features.size(), 852u);
  checkUnions(simplified(wales, "2013 Welsh wards"));
}

// A vintage packaged by another tool (ONS BSC, December 2022), over the whole UK.
TEST(LodRealData, Wards2022EveryLevelKeepsNeighboursAndArea) {
  REQUIRE_SHARED_DATA("wards/wards_dec2022_uk.gpkg");
  Diagnostics diag;
  const BoundarySet full = loadBoundaries({sharedData("wards/wards_dec2022_uk.gpkg"), "", "", ""}, diag);
  const CoverageLevels lv = simplified(full, "December 2022 UK wards");
  checkNeighbours(full, lv, 23000);
  checkUnions(lv);
}

// The 2013 councils `bench/peers` draws: 380 areas, 373k vertices, with thousands of Scottish islands
// and slivers that have no area; refining goes round many times near them.
TEST(LodRealData, Councils2013EveryLevelKeepsNeighbours) {
  REQUIRE_SHARED_DATA("boundaries/lad_2013_gb_lgd_2012_ni_martinjc.gpkg");
  Diagnostics diag;
  const BoundarySet full = loadBoundaries({sharedData("boundaries/lad_2013_gb_lgd_2012_ni_martinjc.gpkg"), "", "", ""}, diag);
  ASSERT_EQ(full.features.size(), 380u);
  checkNeighbours(full, simplified(full, "2013 GB councils"), 900);
}
