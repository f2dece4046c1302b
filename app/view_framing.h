#pragma once
#include <string>

#include "app/map_canvas.h"

namespace cm {

// Where the map opens: on one area (--focus CODE, also selected), on a WGS84 box (--bbox), or on
// everything shown at the date. Throws UsageError for an unknown code or a box off the grid.
void frameInitialView(MapCanvas& canvas, const MapSession& session, const std::string& focus, const std::string& bbox);

}  // namespace cm
