#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "app/map_session.h"
#include "app/panels/overlay_layout.h"
#include "render/camera.h"

namespace cm {

// What a view is fitted to: a box in map metres, with a margin (a fraction of the box's size).
struct Framing {
  enum class Kind {
    Whole,  // everything shown at the date: the overlays may cover its sea, never a council
    Area,   // one area (--focus, a council or ward flown to): clear of every overlay
    Box,    // a box the user named (--bbox): all of it, above the credit, whatever else covers it
  };
  Box box;
  double margin = 0;
  std::optional<std::uint32_t> focus;  // the area --focus named, to be selected
  Kind kind = Kind::Area;
};

// What the map opens on: one area (--focus CODE), a WGS84 box (--bbox), or everything shown at the
// date. The caller fits it into the part of its canvas nothing covers and selects the focus.
// Throws UsageError for an unknown code or a box off the grid.
Framing initialFraming(const MapSession& session, const std::string& focus, const std::string& bbox);

// Fits the framing into `free` (pixels) with `overlays` drawn over it (window points, `pixelRatio`
// pixels each), as its kind says: the window and export frame alike.
void frameInto(Camera& camera, const Framing& framing, const MapSession& session, const ScreenRect& free, const OverlayLayout& overlays,
               double pixelRatio);

}  // namespace cm
