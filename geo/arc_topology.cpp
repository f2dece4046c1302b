#include "geo/arc_topology.h"

#include <algorithm>
#include <cmath>
#include <future>
#include <numeric>
#include <unordered_map>

namespace cm {
namespace {

constexpr std::uint32_t kNone = 0xffffffffu;

// Gives equal (or equally snapped) coordinates one id, by sorting rather than hashing doubles. The
// keys are sorted with their indices beside them rather than through them: a third of the time.
std::vector<std::uint32_t> pointIds(const BoundarySet& set, double snap, std::vector<Point2>& idPoints, std::size_t& moved) {
  const std::size_t n = set.points.size();
  struct Key {
    double x, y;
    std::uint32_t index;
  };
  std::vector<Key> keys(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    const Point2 p = set.points[i];
    keys[i] = snap > 0 ? Key{std::round(p.x / snap) * snap, std::round(p.y / snap) * snap, i} : Key{p.x, p.y, i};
  }
  const auto before = [](const Key& a, const Key& b) {
    if (a.x != b.x) return a.x < b.x;
    return a.y != b.y ? a.y < b.y : a.index < b.index;  // the first source point represents its vertex
  };
  // Split at about the median x (that of a sample), each side sorted on a core of its own: the 2013
  // wards' 1.09M keys took 50 ms on one. In place: merging two sorted halves would take a 13 MB buffer.
  std::vector<double> sample;
  for (std::size_t k = 0; k < n; k += std::max<std::size_t>(1, n / 1024)) sample.push_back(keys[k].x);
  auto middle = keys.begin();
  if (!sample.empty()) {
    std::nth_element(sample.begin(), sample.begin() + std::ptrdiff_t(sample.size() / 2), sample.end());
    const double pivot = sample[sample.size() / 2];
    middle = std::partition(keys.begin(), keys.end(), [pivot](const Key& k) { return k.x < pivot; });
  }
  auto left = std::async(n > 100000 ? std::launch::async : std::launch::deferred, [&] { std::sort(keys.begin(), middle, before); });
  std::sort(middle, keys.end(), before);
  left.get();
  // A snapped vertex keeps the coordinates of one of its source points, so that every level is
  // made of vertices of the source.
  std::vector<std::uint32_t> ids(n);
  moved = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const Point2 q = set.points[keys[k].index];
    if (k == 0 || keys[k].x != keys[k - 1].x || keys[k].y != keys[k - 1].y) idPoints.push_back(q);
    ids[keys[k].index] = std::uint32_t(idPoints.size() - 1);
    if (q.x != idPoints.back().x || q.y != idPoints.back().y) ++moved;
  }
  return ids;
}

std::uint64_t edgeKey(std::uint32_t from, std::uint32_t to) { return (std::uint64_t(from) << 32) | to; }

}  // namespace

ArcTopology buildArcTopology(const BoundarySet& set, double snap) {
  ArcTopology topo;
  std::vector<Point2> idPoints;
  const std::vector<std::uint32_t> ids = pointIds(set, snap, idPoints, topo.snappedPoints);

  // Each ring as vertex ids, without repeated consecutive vertices (a border has no zero-length edge).
  std::vector<std::vector<std::uint32_t>> seqs(set.rings.size());
  for (std::size_t r = 0; r < set.rings.size(); ++r) {
    const Ring& ring = set.rings[r];
    auto& s = seqs[r];
    for (std::uint32_t i = ring.first; i < ring.first + ring.count; ++i)
      if (s.empty() || s.back() != ids[i]) s.push_back(ids[i]);
    while (s.size() > 1 && s.back() == s.front()) s.pop_back();
    if (s.size() < 3) s.clear();
  }

  // A vertex inside an arc is visited with the same two neighbours every time; any other visit
  // (a third area, the coverage's edge, a spike, a ring touching itself) makes it a junction.
  std::vector<std::uint32_t> nbA(idPoints.size(), kNone), nbB(idPoints.size(), kNone);
  std::vector<std::uint8_t> junction(idPoints.size(), 0);
  for (const auto& s : seqs) {
    const std::size_t m = s.size();
    for (std::size_t i = 0; i < m; ++i) {
      const std::uint32_t v = s[i], p = s[(i + m - 1) % m], q = s[(i + 1) % m];
      const std::uint32_t a = std::min(p, q), b = std::max(p, q);
      if (p == q) junction[v] = 1;
      if (nbA[v] == kNone)
        nbA[v] = a, nbB[v] = b;
      else if (nbA[v] != a || nbB[v] != b)
        junction[v] = 1;
    }
  }
  topo.junctions = std::size_t(std::count(junction.begin(), junction.end(), 1));

  // An arc is found again from either end by its first directed edge, so the second ring to walk
  // a border reuses the arc the first one made.
  std::unordered_map<std::uint64_t, ArcRef> byFirstEdge;
  byFirstEdge.reserve(set.points.size() / 4);
  auto makeArc = [&](const std::vector<std::uint32_t>& s, std::size_t from, std::size_t to) {
    const std::size_t m = s.size();
    const auto a = ArcRef(topo.arcs.size());
    topo.arcs.push_back({std::uint32_t(topo.points.size()), std::uint32_t(to - from + 1)});
    for (std::size_t k = from; k <= to; ++k) topo.points.push_back(idPoints[s[k % m]]);
    topo.arcUses.push_back(0);
    byFirstEdge.emplace(edgeKey(s[from % m], s[(from + 1) % m]), a);
    byFirstEdge.emplace(edgeKey(s[to % m], s[(to + m - 1) % m]), ~a);
    return a;
  };
  auto use = [&](ArcRef ref) {
    topo.ringArcs.push_back(ref);
    auto& u = topo.arcUses[arcIndex(ref)];
    if (u < 255) ++u;
  };

  topo.ringArcRanges.resize(seqs.size());
  for (std::size_t r = 0; r < seqs.size(); ++r) {
    const auto& s = seqs[r];
    const std::size_t m = s.size();
    topo.ringArcRanges[r].first = std::uint32_t(topo.ringArcs.size());
    if (m == 0) continue;
    std::size_t start = m;
    for (std::size_t i = 0; i < m && start == m; ++i)
      if (junction[s[i]]) start = i;
    if (start == m) {
      // No junction: the whole ring is one closed arc, started at its smallest vertex id so that
      // a ring walked by two areas (an enclave and the hole around it) starts at the same place.
      start = std::size_t(std::min_element(s.begin(), s.end()) - s.begin());
      const auto it = byFirstEdge.find(edgeKey(s[start], s[(start + 1) % m]));
      use(it != byFirstEdge.end() ? it->second : makeArc(s, start, start + m));
    } else {
      for (std::size_t i = start; i < start + m;) {
        std::size_t j = i + 1;
        while (!junction[s[j % m]]) ++j;
        const auto it = byFirstEdge.find(edgeKey(s[i % m], s[(i + 1) % m]));
        use(it != byFirstEdge.end() ? it->second : makeArc(s, i, j));
        i = j;
      }
    }
    topo.ringArcRanges[r].count = std::uint32_t(topo.ringArcs.size()) - topo.ringArcRanges[r].first;
  }
  return topo;
}

}  // namespace cm
