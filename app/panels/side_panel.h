#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "app/map_session.h"
#include "app/panels/overlay_layout.h"

namespace cm {

enum class PanelTab { Details, Filters, Statistics, Layers };
inline constexpr const char* kPanelTabNames[] = {"Details", "Filters", "Statistics", "Layers"};

// What the side panel remembers between frames (the persistent parts go to the settings file).
struct SidePanelState {
  bool open = true;
  PanelTab tab = PanelTab::Details;
  bool switchTab = false;  // select `tab` on the next frame (after a click on the map, say)
  float width = 360;       // points, before the UI scale
  char compareWith[16] = "";               // the statistics' comparison date
  char eventsFrom[16] = "", eventsTo[16] = "";  // the filters' event date range
  std::string wards = "auto";  // auto (when zoomed in), always, or off
  std::string tierWanted;      // set by the Layers tab; the viewer reloads the councils of that tier
  float tabCentres[4][2] = {};  // where each tab was drawn (window points), for scripted tests
};

// What the panel asks the viewer to do this frame.
struct PanelActions {
  bool restyle = false;  // a colour, overlay or filter changed
  bool clearSelection = false, zoomToSelection = false, loadWards = false;
  std::optional<std::string> goToCode;         // fly to a council
  std::optional<std::uint32_t> goToWard;       // fly to a ward of the held ward set
  std::optional<Date> setDate;
  void merge(const PanelActions& o);
};

struct PanelContext {
  MapSession& session;
  std::optional<std::uint32_t> selected;
  const BoundarySet* wards = nullptr;  // the ward set held for the date, if loaded
  float scale = 1;
};

// The collapsible panel down the right side: tabs for the selected council, filters, statistics
// and layers. Tab (the key) or the arrow button folds it away. Returns the panel's width in
// window points as drawn this frame (a narrow strip when folded).
float drawSidePanel(SidePanelState& state, PanelContext& ctx, float usableHeight, PanelActions& actions);
// Where the folded panel's button goes, top right (window points), known before a frame.
ScreenBox foldedPanelButton(float windowWidth, float scale);

// Each tab's contents, drawn inside the panel.
void drawDetailsTab(PanelContext& ctx, PanelActions& actions);
void drawFiltersTab(SidePanelState& state, PanelContext& ctx, PanelActions& actions);
void drawStatisticsTab(SidePanelState& state, PanelContext& ctx, PanelActions& actions);
void drawLayersTab(SidePanelState& state, PanelContext& ctx, PanelActions& actions);

// The heading of the Details tab's seats chart for the composition shown and the one before it.
std::string seatsHeading(const Composition& now, const Composition* before);

// Active filters as removable chips, with one click to reset them all; true if the filter changed.
// `drawn` receives the chips' box (empty when no filter is on).
bool drawFilterChips(MapSession& session, float x, float y, float maxWidth, float scale, ScreenBox* drawn);

}  // namespace cm
