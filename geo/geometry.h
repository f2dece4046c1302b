#pragma once
#include <algorithm>
#include <cmath>
#include <limits>

#include "geo/point.h"

namespace cm {

struct Box {
  double minX = std::numeric_limits<double>::infinity(), minY = std::numeric_limits<double>::infinity();
  double maxX = -std::numeric_limits<double>::infinity(), maxY = -std::numeric_limits<double>::infinity();
  bool empty() const { return !(minX <= maxX && minY <= maxY); }
  double width() const { return maxX - minX; }
  double height() const { return maxY - minY; }
  Point2 centre() const { return {(minX + maxX) / 2, (minY + maxY) / 2}; }
  void add(Point2 p) {
    minX = std::min(minX, p.x);
    minY = std::min(minY, p.y);
    maxX = std::max(maxX, p.x);
    maxY = std::max(maxY, p.y);
  }
  void add(const Box& b) {
    if (b.empty()) return;
    add(Point2{b.minX, b.minY});
    add(Point2{b.maxX, b.maxY});
  }
  bool contains(Point2 p) const { return p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY; }
  // Whether the two share any point, edges included.
  bool meets(const Box& o) const { return minX <= o.maxX && o.minX <= maxX && minY <= o.maxY && o.minY <= maxY; }
};

inline bool isFinite(Point2 p) { return std::isfinite(p.x) && std::isfinite(p.y); }

// Not std::hypot: that guards against overflow map coordinates never reach, and is several times slower
// where millions of segments are measured.
inline double distance(Point2 a, Point2 b) { return std::sqrt((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)); }

}  // namespace cm
