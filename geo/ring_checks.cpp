#include "geo/ring_checks.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

namespace cm {
namespace {

double cross(Point2 o, Point2 a, Point2 b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }
int sign(double v) { return (v > 0) - (v < 0); }
bool same(Point2 a, Point2 b) { return a.x == b.x && a.y == b.y; }

// q is on segment pr, given that the three are collinear.
bool within(Point2 p, Point2 q, Point2 r) {
  return std::min(p.x, r.x) <= q.x && q.x <= std::max(p.x, r.x) && std::min(p.y, r.y) <= q.y && q.y <= std::max(p.y, r.y);
}

bool segmentsMeet(Point2 a, Point2 b, Point2 c, Point2 d) {
  const int o1 = sign(cross(a, b, c)), o2 = sign(cross(a, b, d)), o3 = sign(cross(c, d, a)), o4 = sign(cross(c, d, b));
  if (o1 != o2 && o3 != o4) return true;
  return (o1 == 0 && within(a, c, b)) || (o2 == 0 && within(a, d, b)) || (o3 == 0 && within(c, a, d)) || (o4 == 0 && within(c, b, d));
}

}  // namespace

bool ringCrossesItself(std::span<const Point2> ring, std::size_t maxPoints) {
  if (ring.size() > maxPoints) return false;
  std::vector<Point2> p;
  p.reserve(ring.size());
  for (const Point2& q : ring)
    if (p.empty() || !same(q, p.back())) p.push_back(q);
  while (p.size() > 1 && same(p.front(), p.back())) p.pop_back();
  const std::size_t n = p.size();
  if (n < 3) return false;
  auto a = [&](std::size_t s) { return p[s]; };
  auto b = [&](std::size_t s) { return p[(s + 1) % n]; };
  auto minX = [&](std::size_t s) { return std::min(a(s).x, b(s).x); };
  auto maxX = [&](std::size_t s) { return std::max(a(s).x, b(s).x); };

  // Sweep in x: each edge is compared only with the earlier edges still overlapping it in x.
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t l, std::size_t r) { return minX(l) < minX(r); });
  std::vector<std::size_t> active;
  // A ring zig-zagging across one vertical strip would make the sweep quadratic; past this much
  // work the ring is let through unreported rather than stalling the load.
  std::size_t budget = 64 * n + 1000000;
  for (std::size_t s : order) {
    const double x = minX(s);
    std::erase_if(active, [&](std::size_t t) { return maxX(t) < x; });
    for (std::size_t t : active) {
      if (budget-- == 0) return false;
      const bool next = (s + 1) % n == t, prev = (t + 1) % n == s;
      if (next || prev) {
        // Neighbours share a vertex v; they conflict only by folding back along each other.
        const Point2 u = next ? a(s) : b(s), v = next ? b(s) : a(s), w = next ? b(t) : a(t);
        if (cross(u, v, w) == 0 && (v.x - u.x) * (w.x - v.x) + (v.y - u.y) * (w.y - v.y) < 0) return true;
      } else if (segmentsMeet(a(s), b(s), a(t), b(t))) {
        return true;
      }
    }
    active.push_back(s);
  }
  return false;
}

bool ringIsFlat(std::span<const Point2> ring) {
  if (ring.size() < 3) return true;
  double minX = ring[0].x, maxX = minX, minY = ring[0].y, maxY = minY, fan = 0;
  for (std::size_t i = 1; i < ring.size(); ++i) {
    minX = std::min(minX, ring[i].x), maxX = std::max(maxX, ring[i].x);
    minY = std::min(minY, ring[i].y), maxY = std::max(maxY, ring[i].y);
    if (i + 1 < ring.size()) fan += std::abs(cross(ring[0], ring[i], ring[i + 1]));
  }
  const double w = maxX - minX, h = maxY - minY;
  return fan <= 1e-12 * (w * w + h * h);
}

bool holeInsideShell(std::span<const Point2> hole, std::span<const Point2> shell) {
  if (shell.size() < 3) return false;
  double minX = shell[0].x, maxX = minX, minY = shell[0].y, maxY = minY;
  for (const Point2& q : shell) {
    minX = std::min(minX, q.x), maxX = std::max(maxX, q.x);
    minY = std::min(minY, q.y), maxY = std::max(maxY, q.y);
  }
  // A few vertices decide; testing all of a long hole against a long shell would be quadratic.
  const std::size_t step = std::max<std::size_t>(1, hole.size() / 64);
  for (std::size_t k = 0; k < hole.size(); k += step) {
    const Point2 q = hole[k];
    if (q.x <= minX || q.x >= maxX || q.y <= minY || q.y >= maxY) continue;
    bool inside = false, onEdge = false;
    for (std::size_t i = 0, j = shell.size() - 1; i < shell.size(); j = i++) {
      const Point2 u = shell[i], v = shell[j];
      if (cross(u, v, q) == 0 && within(u, q, v)) {
        onEdge = true;
        break;
      }
      if ((u.y > q.y) != (v.y > q.y) && q.x < (v.x - u.x) * (q.y - u.y) / (v.y - u.y) + u.x) inside = !inside;
    }
    if (inside && !onEdge) return true;
  }
  return false;
}

void noteSelfCrossings(const BoundarySet& set, Diagnostics& diag) {
  for (const Feature& f : set.features) {
    std::size_t crossing = 0;
    for (std::uint32_t p = f.firstPart; p < f.firstPart + f.partCount; ++p)
      for (std::uint32_t r = set.parts[p].firstRing; r < set.parts[p].firstRing + set.parts[p].ringCount; ++r)
        crossing += ringCrossesItself(set.ringPoints(set.rings[r]));
    if (!crossing) continue;
    const std::string record = f.code + (f.name != f.code ? " (" + f.name + ")" : "");
    diag.info(set.source, record,
              std::to_string(crossing) + (crossing == 1 ? " ring crosses or touches itself" : " rings cross or touch themselves") +
                  "; filled as well as it can be");
  }
}

}  // namespace cm
