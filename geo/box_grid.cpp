#include "geo/box_grid.h"

#include <algorithm>

namespace cm {

// Compared as a double first: converting NaN or a value past INT_MAX to int is undefined, and a
// damaged cache entry can hold either.
int BoxGrid::cellOf(double v, double origin, double size) const {
  const double c = (v - origin) / size;
  if (!(c > 0)) return 0;
  return c >= cells_ - 1 ? cells_ - 1 : int(c);
}

BoxGrid::BoxGrid(const std::vector<Box>& boxes, const Box& extent, int cells) : cells_(std::max(1, cells)), extent_(extent) {
  cellStart_.assign(std::size_t(cells_) * cells_ + 1, 0);
  if (extent_.empty()) return;
  cellW_ = std::max(extent_.width() / cells_, 1e-9);
  cellH_ = std::max(extent_.height() / cells_, 1e-9);
  // Two passes (count, then fill) give one flat array instead of a vector per cell.
  std::vector<std::uint32_t> fill;
  for (int pass = 0; pass < 2; ++pass) {
    if (pass == 1) {
      for (std::size_t c = 1; c < cellStart_.size(); ++c) cellStart_[c] += cellStart_[c - 1];
      cellBoxes_.resize(cellStart_.back());
      fill.assign(cellStart_.begin(), cellStart_.end() - 1);
    }
    for (std::uint32_t i = 0; i < boxes.size(); ++i) {
      if (boxes[i].empty()) continue;
      forEachCell(boxes[i], [&](std::size_t c) {
        if (pass == 0)
          ++cellStart_[c + 1];
        else
          cellBoxes_[fill[c]++] = i;
      });
    }
  }
}

std::span<const std::uint32_t> BoxGrid::at(Point2 p) const {
  if (extent_.empty()) return {};
  const std::size_t c = std::size_t(cellOf(p.y, extent_.minY, cellH_)) * cells_ + cellOf(p.x, extent_.minX, cellW_);
  return {cellBoxes_.data() + cellStart_[c], cellStart_[c + 1] - cellStart_[c]};
}

}  // namespace cm
