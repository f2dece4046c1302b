#pragma once
// Finds polylines whose segments cross or touch one another, through a uniform grid, so that
// simplification can refine the borders it pushed across their neighbours.
#include <cstdint>
#include <mutex>
#include <span>
#include <unordered_map>
#include <vector>

#include "geo/geometry.h"

namespace cm {

// The pairs of lines (first <= second) whose segments intersect anywhere other than at an end
// point both segments share (where borders meet at a junction), or run along one another; a line
// may pair with itself. `segmentPairs`, when given, receives the number of intersecting segment pairs.
std::vector<std::pair<std::uint32_t, std::uint32_t>> crossingLines(const std::vector<std::vector<Point2>>& lines,
                                                                   std::size_t* segmentPairs = nullptr);

// True if segments ab and cd share any point other than an end point common to both, or overlap.
bool segmentsConflict(Point2 a, Point2 b, Point2 c, Point2 d);

// Whether two arcs (polylines, given with their boxes) cross: simplification cannot mend a crossing its
// source already has by keeping more vertices. Worked out for a pair when first asked and remembered,
// since the levels ask about the few pairs they find crossing (checking every arc up front took the
// 2013 wards 60-160 ms before any level could start). Safe on several threads.
class ArcCrossings {
 public:
  ArcCrossings(const std::vector<std::span<const Point2>>& arcPoints, const std::vector<Box>& arcBox)
      : arcPoints_(arcPoints), arcBox_(arcBox) {}
  bool operator()(std::uint32_t a, std::uint32_t b);  // a <= b

 private:
  bool cross(std::uint32_t a, std::uint32_t b) const;
  const std::vector<std::span<const Point2>>& arcPoints_;
  const std::vector<Box>& arcBox_;
  std::mutex mutex_;
  std::unordered_map<std::uint64_t, bool> known_;
};

}  // namespace cm
