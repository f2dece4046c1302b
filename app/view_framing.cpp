#include "app/view_framing.h"

#include <algorithm>
#include <iostream>

#include "base/text_parse.h"
#include "store/projection.h"

namespace cm {
namespace {

// The map area covered by a lon/lat box: corners and edge midpoints, since a straight
// lon/lat edge is curved in British National Grid.
Box mapBoxOf(const LonLatBox& b) {
  Box out;
  for (double fx : {0.0, 0.5, 1.0})
    for (double fy : {0.0, 0.5, 1.0}) {
      double x = b.lon1 + (b.lon2 - b.lon1) * fx, y = b.lat1 + (b.lat2 - b.lat1) * fy;
      if (Transform::wgs84ToMap().apply(x, y)) out.add(Point2{x, y});
    }
  return out;
}

}  // namespace

Framing initialFraming(const MapSession& session, const std::string& focus, const std::string& bbox) {
  if (!focus.empty() && !bbox.empty()) throw UsageError("give --focus or --bbox, not both");
  Framing framing{session.visibleExtent(), 0.03, std::nullopt, Framing::Kind::Whole};
  if (!focus.empty()) {
    const auto f = session.boundaries().findByCode(focus, session.year());
    if (!f) throw UsageError("--focus: no area with code '" + focus + "' in " + session.boundaries().source);
    if (!session.boundaries().features[*f].existsIn(session.year()))
      std::cerr << "councilmap: warning: " << focus << " does not exist in " << session.year() << "; framing it anyway\n";
    framing = {session.boundaries().features[*f].bbox, 0.08, f, Framing::Kind::Area};
  } else if (!bbox.empty()) {
    std::string why;
    const auto box = parseLonLatBox(bbox, &why);
    if (!box) throw UsageError("--bbox: " + why);
    framing = {mapBoxOf(*box), 0.0, std::nullopt, Framing::Kind::Box};
    if (framing.box.empty()) throw UsageError("--bbox: the box cannot be placed on the British National Grid");
    const auto areas = session.visibleBoxes();
    if (std::none_of(areas.begin(), areas.end(), [&](const Box& a) { return a.meets(framing.box); }))
      throw UsageError("--bbox " + bbox + ": no area of the map lies there (" + session.title() + " on " + session.view.date.iso() +
                       "); give lon1,lat1,lon2,lat2 in degrees, west and south first, e.g. -0.55,51.28,0.35,51.70 for London");
  }
  return framing;
}

void frameInto(Camera& camera, const Framing& framing, const MapSession& session, const ScreenRect& free, const OverlayLayout& overlays,
               double r) {
  if (framing.kind == Framing::Kind::Box) {
    camera.fit(framing.box, framing.margin, ScreenRect{free.left, free.top, free.right, free.bottom - overlays.creditPlace.height * r}, {});
    return;
  }
  std::vector<ScreenRect> covered;
  for (const ScreenBox& b : overlays.boxes()) covered.push_back({b.left * r, b.top * r, b.right * r, b.bottom * r});
  const bool whole = framing.kind == Framing::Kind::Whole;
  const std::vector<Box> parts = whole ? session.visibleBoxes() : std::vector<Box>();
  camera.fit(framing.box, framing.margin, free, covered, whole ? &parts : nullptr);
}

}  // namespace cm
