// Border segments drawn once: what two neighbours share appears once, in the first one's range,
// and the other's copy comes back when the first is hidden.
#include <gtest/gtest.h>

#include "geo/border_segments.h"
#include "geo/lod.h"
#include "store/boundary_loader.h"
#include "unit/test_support.h"

using namespace cm;

namespace {

BoundarySet squares(int count) {  // unit squares in a row, each sharing its right edge with the next
  BoundarySet set;
  for (int i = 0; i < count; ++i) {
    Feature f;
    f.code = "E0" + std::to_string(i);
    const double x = i;
    const std::vector<std::vector<Point2>> rings{{{x, 0}, {x + 1, 0}, {x + 1, 1}, {x, 1}}};
    set.addPart(f, rings);
    set.features.push_back(f);
  }
  return set;
}

std::size_t segments(const std::vector<IndexRange>& ranges, std::size_t f) { return ranges[f].count / 2; }

}  // namespace

TEST(BorderSegments, SharedEdgeIsOwnedByTheFirstFeature) {
  const MapMesh mesh = buildMapMesh(squares(3));
  const BorderSegments s = buildBorderSegments(mesh);
  ASSERT_EQ(s.shared.size(), 3u);
  EXPECT_EQ(segments(s.shared, 0), 1u);  // its right edge, the second square's left
  EXPECT_EQ(segments(s.outer, 0), 3u);
  EXPECT_EQ(segments(s.shared, 1), 1u);  // its left edge is the first square's right edge
  EXPECT_EQ(segments(s.outer, 1), 2u);
  EXPECT_EQ(segments(s.shared, 2), 0u);
  EXPECT_EQ(segments(s.outer, 2), 3u);
  EXPECT_EQ(segments(s.repeats, 0), 0u);
  EXPECT_EQ(segments(s.repeats, 1), 1u);
  EXPECT_EQ(segments(s.repeats, 2), 1u);
  EXPECT_EQ(s.indices.size(), 2u * (4 + 3 + 3 + 1 + 1));
  // Every index pair is a segment of the feature whose range holds it.
  for (std::size_t f = 0; f < 3; ++f)
    for (const auto& r : {s.shared[f], s.outer[f], s.repeats[f]})
      for (std::uint32_t k = r.first; k < r.first + r.count; ++k) EXPECT_EQ(mesh.vertices[s.indices[k]].feature & ~kRingEndFlag, f);
}

TEST(BorderSegments, RepeatsAreNeededOnlyBesideAHiddenOwner) {
  const BorderSegments s = buildBorderSegments(buildMapMesh(squares(3)));
  EXPECT_EQ(s.repeatsNeeded({true, true, true}), (std::vector<bool>{false, false, false}));
  EXPECT_EQ(s.repeatsNeeded({false, true, true}), (std::vector<bool>{false, true, false}));
  EXPECT_EQ(s.repeatsNeeded({true, false, true}), (std::vector<bool>{false, false, true}));
  EXPECT_EQ(s.repeatsNeeded({false, false, true}), (std::vector<bool>{false, false, true}));
  EXPECT_EQ(s.repeatsNeeded({}), (std::vector<bool>{false, false, false}));
}

// The 2013 GB wards, simplified to 500 m and at full detail: every inland border is met from both
// sides, exactly (the levels share arcs), so it is drawn once; over the councils, only the inland
// borders are drawn at all, under a third of the segments at 500 m (the coast keeps the rest).
TEST(BorderSegments, RealWardsShareMostOfTheirBorders) {
  REQUIRE_SHARED_DATA("wards/wards_2013_gb_bgc_martinjc.gpkg");
  Diagnostics d;
  const BoundarySet full = loadBoundaries({sharedData("wards/wards_2013_gb_bgc_martinjc.gpkg"), "", "", ""}, d);
  const CoverageLevels levels = simplifyCoverage(full, {.tolerances = {500}});
  for (const BoundarySet* set : {&levels.sets.front(), &full}) {
    const BorderSegments s = buildBorderSegments(buildMapMesh(*set));
    std::size_t shared = 0, outer = 0, repeats = 0;
    for (std::size_t f = 0; f < s.shared.size(); ++f)
      shared += s.shared[f].count / 2, outer += s.outer[f].count / 2, repeats += s.repeats[f].count / 2;
    std::printf("shared %zu, outer %zu, repeats %zu\n", shared, outer, repeats);
    EXPECT_EQ(shared, repeats);  // a coverage: two sides to every inland border, never three
    EXPECT_GT(shared, 40000u);
    if (set != &full) {
      EXPECT_LT(double(shared) / double(shared + outer + repeats), 1.0 / 3);
    }
  }
}
