// What tests and scripts read back from the viewer: screenshots and the state as JSON.
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/viewer/viewer_window.h"
#include "politics/statistics.h"
#include "render/gl_frame.h"
#include "store/png_writer.h"

namespace cm {

void Viewer::writeScreenshot(const std::string& path) {
  const auto px = readWindowPixels(drawW_, drawH_);
  if (const auto err = writePng(path, drawW_, drawH_, px); !err.empty()) std::cerr << "councilmap: " << err << '\n';
}

void Viewer::writeState(const std::string& path) {
  auto code = [&](std::optional<std::uint32_t> f) {
    return f ? nlohmann::json(session_.boundaries().features[*f].code) : nlohmann::json(nullptr);
  };
  const Camera& cam = canvas_.camera();
  const auto& look = session_.style;
  nlohmann::json j = {{"date", session_.view.date.iso()},
                      {"visible_areas", session_.visibleCount()},
                      {"tier", session_.view.tier},
                      {"colour_by", colourByName(session_.style.colourBy)},
                      {"look",
                       {{"colour_blind_safe", look.colourBlindSafe},
                        {"tint_noc", look.tintNoc},
                        {"hatch_disputes", look.hatchDisputes},
                        {"faction_outline", look.factionOutline}}},
                      {"hovered", code(state_.hovered)},
                      {"selected", code(session_.view.selected)},
                      {"camera", {{"centre", {cam.centre().x, cam.centre().y}}, {"metres_per_pixel", cam.metresPerPixel()}}},
                      {"drawable", {drawW_, drawH_}},
                      {"ui_scale", uiScale_},
                      {"ui_scale_requested", requestedScale_},
                      {"map_draw_ms", canvas_.lastDrawMs()},
                      {"detail",
                       {{"level", canvas_.level()},
                        {"levels", canvas_.levels().tolerances},
                        {"preparing", preparing_.valid()},
                        {"vertices", canvas_.levels().meshes[canvas_.level()].vertices.size()},
                        {"first_frame", {{"levels", firstFrameLevels_}, {"vertices", firstFrameVertices_}}}}},
                      {"playing", timeline_.playing},
                      {"search_open", search_.open},
                      {"help_open", helpOpen_},
                      {"panel",
                       {{"open", panel_.open},
                        {"folded_for_width", panelFoldedForWidth_},
                        {"tab", kPanelTabNames[int(panel_.tab)]},
                        {"width", panelWidth_}}},
                      {"wards_shown", wardsShown_},
                      {"wards_loading", wardsLoading_},
                      {"wards_read_in_background", wards_.readInBackground()},
                      {"wards_mode", panel_.wards},
                      {"ward_detail_level", canvas_.overlayLevel()},
                      {"ward_vintage", wardsShown_ ? wards_.vintage() : std::string()},
                      {"ward_count", wardsShown_ ? wards_.set()->features.size() : 0},
                      {"wards_coloured", wardsShown_ ? wards_.covered() : 0},
                      {"selected_ward", selectedWard_ && wards_.set() ? nlohmann::json(wards_.set()->features[*selectedWard_].code)
                                                                      : nlohmann::json(nullptr)},
                      {"timeline",
                       {{"left", timeline_.trackLeft},
                        {"right", timeline_.trackRight},
                        {"y", timeline_.trackY},
                        {"first", timelineFirst_.iso()},
                        {"last", timelineLast_.iso()}}}};
  for (const auto& e : session_.legend()) j["legend"][e.label] = e.count;
  // Where everything shown at the date (what F fits) and the selection lie on screen, in drawable pixels.
  const auto onScreen = [&cam](const Box& b) {
    const Point2 topLeft = cam.worldToScreen({b.minX, b.maxY}), bottomRight = cam.worldToScreen({b.maxX, b.minY});
    return nlohmann::json{{"left", topLeft.x}, {"top", topLeft.y}, {"right", bottomRight.x}, {"bottom", bottomRight.y}};
  };
  j["extent_on_screen"] = onScreen(session_.visibleExtent());
  if (session_.view.selected) j["selected_on_screen"] = onScreen(session_.boundaries().features[*session_.view.selected].bbox);
  const auto drawn = [r = pixelRatio()](const ScreenBox& b) {
    return nlohmann::json{{"left", b.left * r}, {"top", b.top * r}, {"right", b.right * r}, {"bottom", b.bottom * r}};
  };
  j["attribution_box"] = drawn(attributionBox_);
  j["legend_box"] = drawn(overlays_.legend.box);
  std::size_t shortened = 0;
  for (const auto& row : overlays_.legend.rows) shortened += row.shortened;
  j["legend_layout"] = {{"columns", overlays_.legend.columns},
                        {"font_scale", overlays_.legend.fontScale},
                        {"rows", overlays_.legend.rows.size()},
                        {"shortened", shortened},
                        {"more", overlays_.legend.more}};
  j["legend_items"] = nlohmann::json::array();  // every key shown, fills and overlays
  for (const auto& item : legendItems(session_, session_.legend())) j["legend_items"].push_back(item.label);
  j["caption"] = {{"title", session_.title()}, {"subtitle", session_.subtitle()}};
  j["caption_box"] = drawn(overlays_.caption);
  j["notice_box"] = drawn(overlays_.notice);
  j["warnings_box"] = drawn(overlays_.warnings);
  j["chips_box"] = drawn(chipsBox_);
  // The side panel (or its folded button) and the timeline, as boxes too.
  const float ww = windowWidth(), wh = windowHeight();
  j["panel_box"] = panel_.open ? drawn(ScreenBox{ww - panelWidth_, 0, ww, wh - bottomInset()}) : drawn(foldedPanelButton(ww, uiScale_));
  j["timeline_box"] = drawn(hasTimeline() ? ScreenBox{0, wh - bottomInset(), ww, wh} : ScreenBox{});
  j["timeline"]["stacked"] = timelineLayout().stacked;
  j["timeline"]["compact"] = timelineLayout().compact;
  j["timeline"]["year_labels"] = nlohmann::json::array();
  for (const auto& l : timeline_.yearLabels)
    j["timeline"]["year_labels"].push_back({{"year", l.year}, {"box", drawn(ScreenBox{l.left, l.top, l.right, l.bottom})}});
  j["zoom_limits"] = {{"closest", cam.closest()}, {"farthest", cam.farthest()}};
  if (selectedWard_ && wards_.set()) j["selected_ward_on_screen"] = onScreen(wards_.set()->features[*selectedWard_].bbox);
  const CouncilFilter& f = session_.view.filter;
  j["filter"] = {{"control", f.control},
                 {"factions", f.factions},
                 {"disputes", f.disputeLevels},
                 {"regions", f.regions},
                 {"council_types", f.councilTypes},
                 {"event_types", f.events.types},
                 {"min_confidence", f.events.minConfidence}};
  for (int i = 0; i < 4; ++i) j["panel"]["tabs"][kPanelTabNames[i]] = {panel_.tabCentres[i][0], panel_.tabCentres[i][1]};
  j["legend_rows"] = nlohmann::json::array();
  const auto entries = session_.legend();
  for (const auto& row : legendRows_)
    if (row.item < entries.size())
      j["legend_rows"].push_back({{"label", entries[row.item].label}, {"key", entries[row.item].key}, {"x", row.x}, {"y", row.y}});
  j["dimmed_areas"] = session_.dimmedCount();
  // The Statistics tab's figures, which count only what the filters keep.
  if (session_.data().control()) {
    const auto states = session_.states();
    const ControlSummary sum = summarise(session_.boundaries(), states, session_.year(), session_.included(states));
    j["statistics"] = {{"councils", sum.councils}, {"total_seats", sum.totalSeats}};
    for (const auto& [control, n] : sum.councilsByControl) j["statistics"]["by_control"][control.empty() ? "none" : control] = n;
  }
  // What the details panel lists for the selection: its events and their sources.
  j["selected_events"] = nlohmann::json::array();
  if (session_.view.selected && session_.data().events())
    for (const Event* e : session_.data().events()->forCouncil(session_.boundaries().features[*session_.view.selected].code))
      if (f.events.matches(*e))
        j["selected_events"].push_back({{"id", e->id},
                                        {"date", e->date.iso()},
                                        {"type", e->type},
                                        {"type_label", eventTypeLabel(e->type)},
                                        {"title", e->title},
                                        {"sources", e->sources}});
  // The Details tab's seats chart heading for the selection.
  if (session_.view.selected && session_.data().control()) {
    const std::string& code = session_.boundaries().features[*session_.view.selected].code;
    if (const Composition* now = session_.data().control()->at(code, session_.view.date))
      j["seats_heading"] = seatsHeading(*now, session_.data().control()->inYear(code, now->year - 1));
  }
  j["ward_markers"] = nlohmann::json::array();
  for (const auto& m : wardMarkers_)
    if (wardsShown_) j["ward_markers"].push_back({{"ward", wards_.set()->features[m.ward].name}, {"events", m.events.size()}});
  std::ofstream(path) << j.dump(2) << '\n';
}

}  // namespace cm
