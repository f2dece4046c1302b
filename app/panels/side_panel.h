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
  bool switchTab = false;                       // select `tab` on the next frame (after a click on the map, say)
  float width = 360;                            // points, before the UI scale
  char compareWith[16] = "";                    // the statistics' comparison date
  char eventsFrom[16] = "", eventsTo[16] = "";  // the filters' event date range
  std::string wards = "auto";                   // auto (when zoomed in), always, or off
  float tabCentres[4][2] = {};                  // where each tab was drawn (window points), for scripted tests
};

// What the user asked for in the panels this frame. Panels read the session and never change it:
// they say what they want here (or return it, as the timeline and search do), and the viewer alone
// changes the view, once a frame.
struct PanelActions {
  std::optional<CouncilFilter> filter;  // the filter as the user left it
  std::optional<Styling> style;         // the fill and its flags as the user left them
  std::optional<std::string> tier;      // the councils of this tier
  bool clearSelection = false, zoomToSelection = false, loadWards = false;
  std::optional<std::string> goToCode;    // fly to a council
  std::optional<std::uint32_t> goToWard;  // fly to a ward of the held ward set
  std::optional<Date> setDate;
  void merge(const PanelActions& o);
};

struct PanelContext {
  const MapSession& session;
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

// Active filters as removable chips, with one click to reset them all; the filter as the user left it
// if they changed it. `drawn` receives the chips' box (empty when no filter is on).
std::optional<CouncilFilter> drawFilterChips(const MapSession& session, float x, float y, float maxWidth, float scale, ScreenBox* drawn);

}  // namespace cm
