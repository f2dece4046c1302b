#include "data/picker.h"

#include <algorithm>

namespace cm {
namespace {

// The grid cell of a coordinate, clamped to the grid. Compared as a double first: converting NaN or
// a value past INT_MAX to int is undefined, and a damaged cache entry can hold either.
int cellOf(double v, double origin, double size, int cells) {
  const double c = (v - origin) / size;
  if (!(c > 0)) return 0;
  return c >= cells - 1 ? cells - 1 : int(c);
}

}  // namespace

Picker::Picker(const BoundarySet& set, int gridSize) : set_(set), grid_(std::max(1, gridSize)), box_(set.extent) {
  partFeature_.resize(set.parts.size());
  for (std::uint32_t fi = 0; fi < set.features.size(); ++fi)
    for (std::uint32_t p = 0; p < set.features[fi].partCount; ++p) partFeature_[set.features[fi].firstPart + p] = fi;
  cellStart_.assign(std::size_t(grid_) * grid_ + 1, 0);
  if (box_.empty()) return;
  cellW_ = std::max(box_.width() / grid_, 1e-9);
  cellH_ = std::max(box_.height() / grid_, 1e-9);
  auto cellRange = [&](const Box& b, int& x0, int& y0, int& x1, int& y1) {
    x0 = cellOf(b.minX, box_.minX, cellW_, grid_);
    x1 = cellOf(b.maxX, box_.minX, cellW_, grid_);
    y0 = cellOf(b.minY, box_.minY, cellH_, grid_);
    y1 = cellOf(b.maxY, box_.minY, cellH_, grid_);
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
  const int x = cellOf(p.x, box_.minX, cellW_, grid_);
  const int y = cellOf(p.y, box_.minY, cellH_, grid_);
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
