#include "politics/ward_events.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "base/search_index.h"
#include "base/text_parse.h"

namespace cm {

namespace {
double ringArea(std::span<const Point2> r) {
  double a = 0;
  for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) a += (r[j].x - r[i].x) * (r[j].y + r[i].y);
  return a / 2;
}
}  // namespace

Point2 interiorPoint(const BoundarySet& set, const Feature& f) {
  if (!f.partCount) return f.bbox.centre();
  // The largest part by outer-ring area.
  const Part* best = nullptr;
  double bestArea = -1;
  for (std::uint32_t p = f.firstPart; p < f.firstPart + f.partCount; ++p) {
    const Part& part = set.parts[p];
    const double a = std::abs(ringArea(set.ringPoints(set.rings[part.firstRing])));
    if (a > bestArea) bestArea = a, best = &part;
  }
  const auto outer = set.ringPoints(set.rings[best->firstRing]);
  double cx = 0, cy = 0, a2 = 0;
  for (std::size_t i = 0, j = outer.size() - 1; i < outer.size(); j = i++) {
    const double cross = outer[j].x * outer[i].y - outer[i].x * outer[j].y;
    a2 += cross;
    cx += (outer[j].x + outer[i].x) * cross;
    cy += (outer[j].y + outer[i].y) * cross;
  }
  if (a2 != 0) {
    const Point2 c{cx / (3 * a2), cy / (3 * a2)};
    if (partContains(set, *best, c)) return c;
  }
  // A concave part: the middle of the widest inside span along the horizontal through its centre.
  const double y = best->bbox.centre().y;
  std::vector<double> xs;
  for (std::uint32_t r = best->firstRing; r < best->firstRing + best->ringCount; ++r) {
    const auto pts = set.ringPoints(set.rings[r]);
    for (std::size_t i = 0, j = pts.size() - 1; i < pts.size(); j = i++)
      if ((pts[i].y > y) != (pts[j].y > y)) xs.push_back(pts[j].x + (y - pts[j].y) * (pts[i].x - pts[j].x) / (pts[i].y - pts[j].y));
  }
  std::sort(xs.begin(), xs.end());
  double widest = -1;
  Point2 out = best->bbox.centre();
  for (std::size_t i = 0; i + 1 < xs.size(); i += 2)
    if (xs[i + 1] - xs[i] > widest) widest = xs[i + 1] - xs[i], out = {(xs[i] + xs[i + 1]) / 2, y};
  return out;
}

std::vector<WardEventMarker> wardEventMarkers(const BoundarySet& wards, const std::vector<Event>& events) {
  std::unordered_multimap<std::string, std::uint32_t> byName;
  for (std::uint32_t i = 0; i < wards.features.size(); ++i) byName.emplace(foldForSearch(wards.features[i].name), i);
  std::map<std::uint32_t, WardEventMarker> markers;
  for (const Event& e : events) {
    if (e.ward.empty()) continue;
    for (const auto& name : splitList(e.ward, ';')) {
      const auto [from, to] = byName.equal_range(foldForSearch(name));
      for (auto it = from; it != to; ++it) {
        const Feature& w = wards.features[it->second];
        const bool councilMatches = w.parent.empty() ? true : std::find(e.councils.begin(), e.councils.end(), w.parent) != e.councils.end();
        if (!councilMatches) continue;
        auto& m = markers[it->second];
        m.ward = it->second;
        m.events.push_back(&e);
      }
    }
  }
  std::vector<WardEventMarker> out;
  for (auto& [ward, m] : markers) {
    m.at = interiorPoint(wards, wards.features[ward]);
    std::sort(m.events.begin(), m.events.end(), [](const Event* a, const Event* b) { return a->date < b->date; });
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace cm
