// The two uniform grids simplifying leans on: BoxGrid (arcs near the refined ones, the picker's
// parts) and sortByGridCell (segments and kept points grouped by cell), and the sweep test built on it.
#include <algorithm>
#include <random>

#include <gtest/gtest.h>

#include "geo/box_grid.h"
#include "geo/grid_sort.h"
#include "geo/swept_regions.h"

using namespace cm;

TEST(BoxGrid, FindsEveryOverlappingBoxWhateverItsSize) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> at(0, 1000), size(0, 50);
  std::vector<Box> boxes;
  Box extent;
  for (int i = 0; i < 500; ++i) {
    Box b;
    b.add(Point2{at(rng), at(rng)});
    b.add(Point2{b.minX + size(rng), b.minY + size(rng)});
    if (i % 50 == 0) b.add(Point2{b.minX + 900, b.minY});  // a long coast across many cells
    boxes.push_back(b);
    extent.add(b);
  }
  const BoxGrid grid(boxes, extent, 22);
  for (std::size_t q = 0; q < boxes.size(); ++q) {
    std::vector<char> seen(boxes.size(), 0);
    grid.forEachNear(boxes[q], [&](std::uint32_t i) { seen[i] = 1; });
    for (std::size_t i = 0; i < boxes.size(); ++i) {
      if (boxes[q].meets(boxes[i])) {
        EXPECT_TRUE(seen[i]) << "box " << q << " missed " << i;
      }
    }
  }
  for (std::size_t i = 0; i < boxes.size(); i += 7) {
    const Point2 p = boxes[i].centre();
    const auto near = grid.at(p);
    EXPECT_NE(std::find(near.begin(), near.end(), std::uint32_t(i)), near.end()) << "box " << i << " not under its centre";
  }
  EXPECT_TRUE(BoxGrid({}, Box{}, 8).at({1, 1}).empty());
  EXPECT_TRUE((Box{0, 0, 1, 1}.meets(Box{1, 1, 2, 2})));  // a shared corner is a meeting
  EXPECT_FALSE((Box{0, 0, 1, 1}.meets(Box{1.5, 0, 2, 1})));
}

TEST(GridSort, GroupsByCellLikeASortByColumnThenRow) {
  std::mt19937 rng(11);
  for (const std::uint32_t span : {10u, 1000u, 4000000000u}) {  // the last far wider than the items: sorted by comparison
    std::uniform_int_distribution<std::uint32_t> cell(0, span - 1);
    struct Item {
      GridCell cell;
      int order;
    };
    std::vector<Item> items;
    for (int i = 0; i < 2000; ++i) items.push_back({{cell(rng), cell(rng) % 37}, i});
    auto expected = items;
    std::stable_sort(expected.begin(), expected.end(),
                     [](const Item& a, const Item& b) { return a.cell.x != b.cell.x ? a.cell.x < b.cell.x : a.cell.y < b.cell.y; });
    sortByGridCell(items, span, 37, [](const Item& i) { return i.cell; });
    ASSERT_EQ(items.size(), expected.size());
    for (std::size_t i = 0; i < items.size(); ++i) EXPECT_EQ(items[i].order, expected[i].order) << "span " << span << " at " << i;
  }
}

// A line whose dropped run (a bay cut off) passes over another line's vertex (an islet), at two
// scales: in metres, and in centimetres beside a point 100 km away, where the grid would have ten
// million columns and the points are sorted by comparison instead.
TEST(SweptRegions, FindsALineCutAcrossAVertexAtAnyScale) {
  for (const double unit : {1.0, 0.01}) {
    const std::vector<Point2> coast = {{0, 0}, {4 * unit, 0}, {4 * unit, -3 * unit}, {6 * unit, -3 * unit}, {6 * unit, 0}, {10 * unit, 0}};
    const std::vector<Point2> islet = {{5 * unit, -1 * unit}, {5.2 * unit, -1 * unit}};
    const std::vector<Point2> far = {{1e5, 1e5}};
    std::vector<std::span<const Point2>> lines = {coast, islet};
    std::vector<std::vector<std::uint32_t>> bayCut = {{0, 5}, {0, 1}}, bayKept = {{0, 1, 2, 3, 4, 5}, {0, 1}};
    if (unit < 1) {
      lines.push_back(far);
      bayCut.push_back({0});
      bayKept.push_back({0});
    }
    EXPECT_EQ(linesSweepingVertices(lines, bayCut), std::vector<std::uint32_t>{0}) << "unit " << unit;
    EXPECT_TRUE(linesSweepingVertices(lines, bayKept).empty()) << "unit " << unit;
  }
}
