#pragma once
// Orders items by the cell of a uniform grid each falls in, column by column, so that those sharing a
// cell lie together. Two counting passes (by row, then by column, keeping the row order), linear in the
// items and the grid's width and height: finding crossings sorted millions of entries a level with
// std::sort, a seventh of simplifying's time. A grid far larger than the items (cells much smaller than
// the extent, as from a few tiny segments and one long one) is sorted by comparison instead.
#include <algorithm>
#include <cstdint>
#include <vector>

namespace cm {

struct GridCell {
  std::uint32_t x = 0, y = 0;
  bool operator==(const GridCell&) const = default;
};

// `cellOf(item)` gives a GridCell with x < columns and y < rows. Returns where each column starts
// (columns + 1 offsets), or nothing where the grid was too large for that.
template <class T, class CellOf>
std::vector<std::uint32_t> sortByGridCell(std::vector<T>& items, std::uint64_t columns, std::uint64_t rows, CellOf cellOf) {
  const std::uint64_t limit = 4 * std::uint64_t(items.size()) + 4096;
  if (columns > limit || rows > limit) {
    std::stable_sort(items.begin(), items.end(), [&](const T& a, const T& b) {
      const GridCell p = cellOf(a), q = cellOf(b);
      return p.x != q.x ? p.x < q.x : p.y < q.y;
    });
    return {};
  }
  std::vector<T> scratch(items.size());
  std::vector<std::uint32_t> start;
  auto pass = [&](std::vector<T>& from, std::vector<T>& to, std::uint64_t buckets, auto key) {
    start.assign(buckets + 1, 0);
    for (const T& item : from) ++start[key(cellOf(item)) + 1];
    for (std::size_t b = 1; b < start.size(); ++b) start[b] += start[b - 1];
    for (T& item : from) to[start[key(cellOf(item))]++] = std::move(item);
  };
  pass(items, scratch, rows, [](GridCell c) { return c.y; });
  pass(scratch, items, columns, [](GridCell c) { return c.x; });
  start.insert(start.begin(), 0);  // each bucket's start has moved on to its end
  start.pop_back();
  return start;
}

}  // namespace cm
