#include "geo/segment_crossings.h"

#include <algorithm>
#include <cmath>

#include "geo/grid_sort.h"

namespace cm {
namespace {

int orient(Point2 a, Point2 b, Point2 c) {
  const double v = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
  return (v > 0) - (v < 0);
}

bool same(Point2 a, Point2 b) { return a.x == b.x && a.y == b.y; }

// p lies on segment ab, knowing the three are collinear.
bool within(Point2 a, Point2 b, Point2 p) {
  return std::min(a.x, b.x) <= p.x && p.x <= std::max(a.x, b.x) && std::min(a.y, b.y) <= p.y && p.y <= std::max(a.y, b.y);
}

struct Segment {
  Point2 a, b;
  std::uint32_t line;
};

// Appends the runs of `line` whose segments' boxes meet `box`.
void addRunsMeeting(std::span<const Point2> line, const Box& box, std::vector<std::vector<Point2>>& runs) {
  bool open = false;
  for (std::size_t k = 0; k + 1 < line.size(); ++k) {
    const Point2 p = line[k], q = line[k + 1];
    Box segment;
    segment.add(p);
    segment.add(q);
    const bool meets = segment.meets(box);
    if (meets && !open) runs.push_back({p});
    if (meets) runs.back().push_back(q);
    open = meets;
  }
}

}  // namespace

bool segmentsConflict(Point2 a, Point2 b, Point2 c, Point2 d) {
  if (same(a, b) || same(c, d)) return false;
  if (same(a, c) || same(a, d) || same(b, c) || same(b, d)) {
    // Joined at an end: a conflict only if they fold back along each other.
    const Point2 p = same(a, c) || same(a, d) ? a : b;
    const Point2 q1 = same(p, a) ? b : a, q2 = same(p, c) ? d : c;
    if (same(q1, q2)) return true;  // the same segment twice
    return orient(p, q1, q2) == 0 && (q1.x - p.x) * (q2.x - p.x) + (q1.y - p.y) * (q2.y - p.y) > 0;
  }
  const int o1 = orient(a, b, c), o2 = orient(a, b, d), o3 = orient(c, d, a), o4 = orient(c, d, b);
  if (o1 * o2 < 0 && o3 * o4 < 0) return true;
  return (o1 == 0 && within(a, b, c)) || (o2 == 0 && within(a, b, d)) || (o3 == 0 && within(c, d, a)) || (o4 == 0 && within(c, d, b));
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> crossingLines(const std::vector<std::vector<Point2>>& lines,
                                                                   std::size_t* segmentPairs) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  std::vector<Segment> segs;
  Box extent;
  double length = 0;
  for (std::uint32_t l = 0; l < lines.size(); ++l)
    for (std::size_t k = 0; k + 1 < lines[l].size(); ++k) {
      segs.push_back({lines[l][k], lines[l][k + 1], l});
      extent.add(lines[l][k]);
      extent.add(lines[l][k + 1]);
      length += distance(lines[l][k], lines[l][k + 1]);
    }
  if (segmentPairs) *segmentPairs = 0;
  if (segs.size() < 2) return out;
  // Cells about twice the mean segment length: most segments touch one to four cells (and no more
  // than 2^31 cells across).
  const double cell = std::max({2 * length / double(segs.size()), 1e-3, std::max(extent.width(), extent.height()) / 2e9});
  auto cellOf = [&](double v, double origin) { return std::uint32_t(std::floor((v - origin) / cell)); };
  struct Entry {
    GridCell cell;
    std::uint32_t segment;
  };
  std::vector<Entry> entries;
  entries.reserve(segs.size() * 2);
  for (std::uint32_t s = 0; s < segs.size(); ++s) {
    const Segment& g = segs[s];
    const auto x0 = cellOf(std::min(g.a.x, g.b.x), extent.minX), x1 = cellOf(std::max(g.a.x, g.b.x), extent.minX);
    const auto y0 = cellOf(std::min(g.a.y, g.b.y), extent.minY), y1 = cellOf(std::max(g.a.y, g.b.y), extent.minY);
    for (auto x = x0; x <= x1; ++x)
      for (auto y = y0; y <= y1; ++y) entries.push_back({{x, y}, s});
  }
  sortByGridCell(entries, std::uint64_t(cellOf(extent.maxX, extent.minX)) + 1, std::uint64_t(cellOf(extent.maxY, extent.minY)) + 1,
                 [](const Entry& e) { return e.cell; });
  // A pair sharing several cells is found in each; duplicates go at the end.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> found;
  for (std::size_t i = 0; i < entries.size();) {
    std::size_t j = i;
    while (j < entries.size() && entries[j].cell == entries[i].cell) ++j;
    for (std::size_t p = i; p < j; ++p)
      for (std::size_t q = p + 1; q < j; ++q) {
        const Segment &s = segs[entries[p].segment], &t = segs[entries[q].segment];
        if (segmentsConflict(s.a, s.b, t.a, t.b)) found.push_back(std::minmax(entries[p].segment, entries[q].segment));
      }
    i = j;
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  if (segmentPairs) *segmentPairs = found.size();
  for (const auto& [s, t] : found) out.push_back(std::minmax(segs[s].line, segs[t].line));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool ArcCrossings::operator()(std::uint32_t a, std::uint32_t b) {
  const std::uint64_t key = (std::uint64_t(a) << 32) | b;
  {
    const std::lock_guard lock(mutex_);
    if (const auto it = known_.find(key); it != known_.end()) return it->second;
  }
  const bool crossing = cross(a, b);  // outside the lock: two threads may work out one pair twice
  const std::lock_guard lock(mutex_);
  known_.emplace(key, crossing);
  return crossing;
}

// Two arcs can only meet where their boxes do, so only their segments there are compared: a coast
// 10,000 vertices long is asked about many small arcs.
bool ArcCrossings::cross(std::uint32_t a, std::uint32_t b) const {
  if (a == b) return !crossingLines({{arcPoints_[a].begin(), arcPoints_[a].end()}}).empty();
  const Box &ba = arcBox_[a], &bb = arcBox_[b];
  const Box both{std::max(ba.minX, bb.minX), std::max(ba.minY, bb.minY), std::min(ba.maxX, bb.maxX), std::min(ba.maxY, bb.maxY)};
  if (both.empty()) return false;
  std::vector<std::vector<Point2>> runs;
  addRunsMeeting(arcPoints_[a], both, runs);
  const std::size_t fromA = runs.size();
  addRunsMeeting(arcPoints_[b], both, runs);
  for (const auto& [i, j] : crossingLines(runs))
    if (i < fromA && j >= fromA) return true;
  return false;
}

}  // namespace cm
