#pragma once
#include <optional>
#include <vector>

#include "geo/boundary_set.h"
#include "geo/box_grid.h"

namespace cm {

// Finds the area under a point using the real polygons (not pixels), so the viewer's hover and
// `councilmap query` always agree. A uniform grid over part bounding boxes keeps a query to a
// handful of point-in-polygon tests.
class Picker {
 public:
  explicit Picker(const BoundarySet& set, int gridSize = 128);
  // The feature containing `p` (map coordinates) among those existing in `year`.
  std::optional<std::uint32_t> pick(Point2 p, int year) const;
  // The feature containing `p` among all features (ignores years).
  std::optional<std::uint32_t> pickAny(Point2 p) const;

 private:
  template <class Accept>
  std::optional<std::uint32_t> find(Point2 p, Accept accept) const;
  const BoundarySet& set_;
  std::vector<std::uint32_t> partFeature_;
  Box box_;
  BoxGrid grid_;  // over the parts' boxes
};

}  // namespace cm
