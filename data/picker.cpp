#include "data/picker.h"

#include <algorithm>

namespace cm {

Picker::Picker(const BoundarySet& set, int gridSize) : set_(set), grid_(std::max(1, gridSize)), box_(set.extent) {
  partFeature_.resize(set.parts.size());
  for (std::uint32_t fi = 0; fi < set.features.size(); ++fi)
    for (std::uint32_t p = 0; p < set.features[fi].partCount; ++p) partFeature_[set.features[fi].firstPart + p] = fi;
  cellStart_.assign(std::size_t(grid_) * grid_ + 1, 0);
  if (box_.empty()) return;
  cellW_ = std::max(box_.width() / grid_, 1e-9);
  cellH_ = std::max(box_.height() / grid_, 1e-9);
  auto cellRange = [&](const Box& b, int& x0, int& y0, int& x1, int& y1) {
    x0 = std::clamp(int((b.minX - box_.minX) / cellW_), 0, grid_ - 1);
    x1 = std::clamp(int((b.maxX - box_.minX) / cellW_), 0, grid_ - 1);
    y0 = std::clamp(int((b.minY - box_.minY) / cellH_), 0, grid_ - 1);
    y1 = std::clamp(int((b.maxY - box_.minY) / cellH_), 0, grid_ - 1);
  };
  // Two passes (count, then fill) give one flat array instead of a vector per cell.
  for (int pass = 0; pass < 2; ++pass) {
    std::vector<std::uint32_t> fill;
    if (pass == 1) {
      for (std::size_t c = 1; c < cellStart_.size(); ++c) cellStart_[c] += cellStart_[c - 1];
      cellParts_.resize(cellStart_.back());
      fill.assign(cellStart_.begin(), cellStart_.end() - 1);
    }
    for (std::uint32_t pi = 0; pi < set.parts.size(); ++pi) {
      int x0, y0, x1, y1;
      cellRange(set.parts[pi].bbox, x0, y0, x1, y1);
      for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x) {
          const std::size_t c = std::size_t(y) * grid_ + x;
          if (pass == 0) ++cellStart_[c + 1];
          else cellParts_[fill[c]++] = pi;
        }
    }
  }
}

template <class Accept>
std::optional<std::uint32_t> Picker::find(Point2 p, Accept accept) const {
  if (box_.empty() || !box_.contains(p)) return std::nullopt;
  const int x = std::clamp(int((p.x - box_.minX) / cellW_), 0, grid_ - 1);
  const int y = std::clamp(int((p.y - box_.minY) / cellH_), 0, grid_ - 1);
  const std::size_t c = std::size_t(y) * grid_ + x;
  for (std::uint32_t i = cellStart_[c]; i < cellStart_[c + 1]; ++i) {
    const std::uint32_t pi = cellParts_[i];
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
