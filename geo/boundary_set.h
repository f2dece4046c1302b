#pragma once
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <climits>

#include "geo/geometry.h"

namespace cm {

// A ring's points are stored open (no closing duplicate), in map coordinates (BNG metres).
struct Ring {
  std::uint32_t first = 0, count = 0;
};

// One polygon: its first ring is the outer boundary, the rest are holes.
struct Part {
  std::uint32_t firstRing = 0, ringCount = 0;
  Box bbox;
};

struct Feature {
  std::string code;
  std::string name;
  std::string parent;       // the council a ward belongs to, where the layer says (empty otherwise)
  int startYear = INT_MIN;  // first year the area exists (inclusive)
  int endYear = INT_MAX;    // last year the area exists (inclusive)
  std::uint32_t firstPart = 0, partCount = 0;
  Box bbox;
  bool existsIn(int year) const { return startYear <= year && year <= endYear; }
  bool drawable() const { return partCount > 0; }
};

// Every area of one boundary layer, possibly spanning several years, in one flat store so that
// meshing, picking and the dataset compiler can walk it without per-feature allocations.
struct BoundarySet {
  std::string source;  // file or URL as the user gave it
  std::string layer;
  std::string crsNote;  // how the source CRS was interpreted
  bool hasYears = false;
  std::vector<Feature> features;
  std::vector<Part> parts;
  std::vector<Ring> rings;
  std::vector<Point2> points;
  Box extent;

  std::span<const Point2> ringPoints(const Ring& r) const { return {points.data() + r.first, r.count}; }
  std::size_t vertexCount() const { return points.size(); }

  // Features existing in `year` (all of them when the layer has no years).
  std::vector<std::uint32_t> featuresIn(int year) const;
  Box extentIn(int year) const;
  std::optional<std::uint32_t> findByCode(std::string_view code, int year) const;
  // The range of years in which areas start or end; nullopt when the layer carries no years.
  std::optional<std::pair<int, int>> yearRange() const;

  // Appends a part made of the given rings (outer first); drops rings with under 3 points.
  void addPart(Feature& f, std::span<const std::vector<Point2>> partRings);
};

// Appends every feature of `from` to `into` (for ward vintages split across files: GB and NI).
void appendBoundarySet(BoundarySet& into, const BoundarySet& from);

// One feature, the square from (0, 0) to (side, side): the smallest map there is (the shader
// warm-up draws it, tests too).
BoundarySet squareBoundarySet(double side);

// Even-odd point-in-polygon over all rings of a part, so holes and quantised self-touching
// rings answer the same way the fill is drawn.
bool partContains(const BoundarySet& set, const Part& part, Point2 p);

}  // namespace cm
