#include "geo/picker.h"

namespace cm {
namespace {

std::vector<Box> partBoxes(const BoundarySet& set) {
  std::vector<Box> boxes(set.parts.size());
  for (std::size_t pi = 0; pi < set.parts.size(); ++pi) boxes[pi] = set.parts[pi].bbox;
  return boxes;
}

}  // namespace

Picker::Picker(const BoundarySet& set, int gridSize) : set_(set), box_(set.extent), grid_(partBoxes(set), set.extent, gridSize) {
  partFeature_.resize(set.parts.size());
  for (std::uint32_t fi = 0; fi < set.features.size(); ++fi)
    for (std::uint32_t p = 0; p < set.features[fi].partCount; ++p) partFeature_[set.features[fi].firstPart + p] = fi;
}

template <class Accept>
std::optional<std::uint32_t> Picker::find(Point2 p, Accept accept) const {
  if (box_.empty() || !box_.contains(p)) return std::nullopt;
  for (const std::uint32_t pi : grid_.at(p)) {
    const std::uint32_t fi = partFeature_[pi];
    if (accept(set_.features[fi]) && partContains(set_, set_.parts[pi], p)) return fi;
  }
  return std::nullopt;
}

std::optional<std::uint32_t> Picker::pick(Point2 p, int year) const {
  return find(p, [year](const Feature& f) { return f.existsIn(year); });
}

std::optional<std::uint32_t> Picker::pickAny(Point2 p) const {
  return find(p, [](const Feature&) { return true; });
}

}  // namespace cm
