#include "geo/swept_regions.h"

#include <algorithm>
#include <cmath>

#include "geo/grid_sort.h"

namespace cm {
namespace {

bool inside(std::span<const Point2> ring, Point2 p) {  // even-odd; `ring` is open
  bool in = false;
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const Point2 a = ring[i], b = ring[j];
    if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) in = !in;
  }
  return in;
}

struct KeptPoint {
  GridCell cell;
  std::uint32_t line, index;
};

bool before(const KeptPoint& p, GridCell c) { return p.cell.x != c.x ? p.cell.x < c.x : p.cell.y < c.y; }
bool rowBefore(const KeptPoint& p, std::uint32_t y) { return p.cell.y < y; }

}  // namespace

std::vector<std::uint32_t> linesSweepingVertices(const std::vector<std::span<const Point2>>& lines,
                                                 const std::vector<std::vector<std::uint32_t>>& kept) {
  Box extent;
  double length = 0;
  std::size_t segments = 0;
  for (std::size_t l = 0; l < lines.size(); ++l)
    for (std::size_t k = 0; k + 1 < kept[l].size(); ++k) {
      const Point2 a = lines[l][kept[l][k]], b = lines[l][kept[l][k + 1]];
      extent.add(a);
      length += distance(a, b);
      ++segments;
    }
  std::vector<std::uint32_t> out;
  if (segments == 0) return out;
  for (std::size_t l = 0; l < lines.size(); ++l)
    if (!kept[l].empty()) extent.add(lines[l][kept[l].back()]);
  const double cell = std::max({length / double(segments), 1e-3, std::max(extent.width(), extent.height()) / 2e9});
  // Clamped to the extent of the kept points: a dropped run can reach beyond it.
  const auto columns = std::uint32_t(std::floor(extent.width() / cell)), rows = std::uint32_t(std::floor(extent.height() / cell));
  auto cx = [&](double x) { return std::uint32_t(std::clamp(std::floor((x - extent.minX) / cell), 0.0, double(columns))); };
  auto cy = [&](double y) { return std::uint32_t(std::clamp(std::floor((y - extent.minY) / cell), 0.0, double(rows))); };
  std::vector<KeptPoint> grid;
  for (std::uint32_t l = 0; l < lines.size(); ++l)
    for (const std::uint32_t k : kept[l]) grid.push_back({{cx(lines[l][k].x), cy(lines[l][k].y)}, l, k});
  const auto columnStart =
      sortByGridCell(grid, std::uint64_t(columns) + 1, std::uint64_t(rows) + 1, [](const KeptPoint& p) { return p.cell; });
  // A column's points, ordered by row.
  auto column = [&](std::uint32_t x) {
    if (!columnStart.empty()) return std::span<const KeptPoint>(grid.data() + columnStart[x], columnStart[x + 1] - columnStart[x]);
    const auto from = std::lower_bound(grid.begin(), grid.end(), GridCell{x, 0}, before);
    const auto to = std::lower_bound(from, grid.end(), GridCell{x + 1, 0}, before);
    return std::span<const KeptPoint>(from, to);
  };

  for (std::uint32_t l = 0; l < lines.size(); ++l) {
    bool swept = false;
    for (std::size_t k = 0; !swept && k + 1 < kept[l].size(); ++k) {
      const std::uint32_t i = kept[l][k], j = kept[l][k + 1];
      if (j == i + 1) continue;
      const std::span<const Point2> run = lines[l].subspan(i, j - i + 1);
      Box box;
      for (const Point2& p : run) box.add(p);
      const std::uint32_t y0 = cy(box.minY), y1 = cy(box.maxY);
      for (auto x = cx(box.minX); !swept && x <= cx(box.maxX); ++x) {
        const auto points = column(x);
        for (auto it = std::lower_bound(points.begin(), points.end(), y0, rowBefore); !swept && it != points.end() && it->cell.y <= y1;
             ++it) {
          if (it->line == l && it->index >= i && it->index <= j) continue;
          const Point2 q = lines[it->line][it->index];
          if ((q.x == run.front().x && q.y == run.front().y) || (q.x == run.back().x && q.y == run.back().y)) continue;
          swept = box.contains(q) && inside(run, q);
        }
      }
    }
    if (swept) out.push_back(l);
  }
  return out;
}

}  // namespace cm
