#pragma once
#include <string>

#include "app/map_canvas.h"

namespace cm {

// What a view was fitted to: a box in map metres, with a margin (a fraction of the box's size).
struct Framing {
  Box box;
  double margin = 0;
};

// What the map opens on: one area (--focus CODE, which it selects on the canvas), a WGS84 box (--bbox),
// or everything shown at the date. The caller fits it into the part of its canvas nothing covers.
// Throws UsageError for an unknown code or a box off the grid.
Framing initialFraming(MapCanvas& canvas, const MapSession& session, const std::string& focus, const std::string& bbox);

}  // namespace cm
