#include "geo/boundary_set.h"

namespace cm {

std::vector<std::uint32_t> BoundarySet::featuresIn(int year) const {
  std::vector<std::uint32_t> out;
  for (std::uint32_t i = 0; i < features.size(); ++i)
    if (features[i].existsIn(year)) out.push_back(i);
  return out;
}

Box BoundarySet::extentIn(int year) const {
  Box b;
  for (const auto& f : features)
    if (f.existsIn(year)) b.add(f.bbox);
  return b.empty() ? extent : b;
}

std::optional<std::uint32_t> BoundarySet::findByCode(std::string_view code, int year) const {
  std::optional<std::uint32_t> any;
  for (std::uint32_t i = 0; i < features.size(); ++i) {
    if (features[i].code != code) continue;
    if (features[i].existsIn(year)) return i;
    if (!any) any = i;
  }
  return any;
}

std::optional<std::pair<int, int>> BoundarySet::yearRange() const {
  if (!hasYears) return std::nullopt;
  int lo = INT_MAX, hi = INT_MIN;
  for (const auto& f : features) {
    for (int y : {f.startYear, f.endYear}) {
      if (y == INT_MIN || y == INT_MAX) continue;
      lo = std::min(lo, y);
      hi = std::max(hi, y);
    }
  }
  if (lo > hi) return std::nullopt;
  return std::pair{lo, hi};
}

void BoundarySet::addPart(Feature& f, std::span<const std::vector<Point2>> partRings) {
  Part part;
  part.firstRing = static_cast<std::uint32_t>(rings.size());
  for (const auto& ring : partRings) {
    if (ring.size() < 3) {
      if (part.ringCount == 0) return;  // an outer ring that is not a polygon makes the part unusable
      continue;
    }
    Ring r{static_cast<std::uint32_t>(points.size()), static_cast<std::uint32_t>(ring.size())};
    for (const Point2& p : ring) {
      points.push_back(p);
      if (part.ringCount == 0) part.bbox.add(p);
    }
    rings.push_back(r);
    ++part.ringCount;
  }
  if (part.ringCount == 0) return;
  if (f.partCount == 0) f.firstPart = static_cast<std::uint32_t>(parts.size());
  ++f.partCount;
  f.bbox.add(part.bbox);
  extent.add(part.bbox);
  parts.push_back(part);
}

void appendBoundarySet(BoundarySet& into, const BoundarySet& from) {
  const auto partBase = std::uint32_t(into.parts.size()), ringBase = std::uint32_t(into.rings.size()),
             pointBase = std::uint32_t(into.points.size());
  for (Feature f : from.features) {
    f.firstPart += partBase;
    into.features.push_back(std::move(f));
  }
  for (Part p : from.parts) {
    p.firstRing += ringBase;
    into.parts.push_back(p);
  }
  for (Ring r : from.rings) {
    r.first += pointBase;
    into.rings.push_back(r);
  }
  into.points.insert(into.points.end(), from.points.begin(), from.points.end());
  into.extent.add(from.extent);
  into.hasYears = into.hasYears || from.hasYears;
}

bool partContains(const BoundarySet& set, const Part& part, Point2 p) {
  if (!part.bbox.contains(p)) return false;
  bool inside = false;
  for (std::uint32_t r = part.firstRing; r < part.firstRing + part.ringCount; ++r) {
    const auto pts = set.ringPoints(set.rings[r]);
    for (std::size_t i = 0, j = pts.size() - 1; i < pts.size(); j = i++) {
      const Point2 a = pts[i], b = pts[j];
      if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) inside = !inside;
    }
  }
  return inside;
}

BoundarySet squareBoundarySet(double side) {
  BoundarySet set;
  Feature f;
  const std::vector<std::vector<Point2>> rings{{{0, 0}, {side, 0}, {side, side}, {0, side}}};
  set.addPart(f, rings);
  set.features.push_back(f);
  set.extent = {0, 0, side, side};
  return set;
}

}  // namespace cm
