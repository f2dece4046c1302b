#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "app/map_session.h"

namespace cm {

// What a view was fitted to: a box in map metres, with a margin (a fraction of the box's size).
struct Framing {
  Box box;
  double margin = 0;
  std::optional<std::uint32_t> focus;  // the area --focus named, to be selected
};

// What the map opens on: one area (--focus CODE), a WGS84 box (--bbox), or everything shown at the
// date. The caller fits it into the part of its canvas nothing covers and selects the focus.
// Throws UsageError for an unknown code or a box off the grid.
Framing initialFraming(const MapSession& session, const std::string& focus, const std::string& bbox);

}  // namespace cm
