#pragma once
// A uniform grid over bounding boxes: each cell lists the boxes that overlap it, so a point or a box
// meets only the handful of boxes near it rather than all of them. The picker finds parts under a
// point with it; simplifying finds the arcs near the ones it refined.
#include <cstdint>
#include <span>
#include <vector>

#include "geo/geometry.h"

namespace cm {

class BoxGrid {
 public:
  BoxGrid() = default;
  // `cells` by `cells` over `extent`; a box outside it is clamped to the border cells.
  BoxGrid(const std::vector<Box>& boxes, const Box& extent, int cells);
  // The boxes whose cell holds `p` (some may not contain it; none containing it are left out).
  std::span<const std::uint32_t> at(Point2 p) const;
  // Calls `visit(i)` for every box in a cell `b` overlaps; a box may come more than once.
  template <class Visit>
  void forEachNear(const Box& b, Visit visit) const {
    if (extent_.empty()) return;
    forEachCell(b, [&](std::size_t c) {
      for (std::uint32_t i = cellStart_[c]; i < cellStart_[c + 1]; ++i) visit(cellBoxes_[i]);
    });
  }

 private:
  int cellOf(double v, double origin, double size) const;
  // Calls `visit(c)` for every cell `b` overlaps, clamped to the grid.
  template <class Visit>
  void forEachCell(const Box& b, Visit visit) const {
    const int x0 = cellOf(b.minX, extent_.minX, cellW_), x1 = cellOf(b.maxX, extent_.minX, cellW_);
    const int y0 = cellOf(b.minY, extent_.minY, cellH_), y1 = cellOf(b.maxY, extent_.minY, cellH_);
    for (int y = y0; y <= y1; ++y)
      for (int x = x0; x <= x1; ++x) visit(std::size_t(y) * cells_ + x);
  }
  int cells_ = 1;
  Box extent_;
  double cellW_ = 1, cellH_ = 1;
  std::vector<std::uint32_t> cellStart_ = {0, 0};  // CSR layout: cell c's boxes are cellBoxes_[cellStart_[c] .. cellStart_[c+1])
  std::vector<std::uint32_t> cellBoxes_;
};

}  // namespace cm
