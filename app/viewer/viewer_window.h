#pragma once
#include <future>
#include <optional>
#include <string>
#include <vector>

#include <SDL.h>
#include <imgui.h>

#include "app/gl_context.h"
#include "app/panels/search_panel.h"
#include "app/panels/side_panel.h"
#include "app/panels/timeline_panel.h"
#include "app/panels/ui_overlay.h"
#include "app/view_framing.h"
#include "app/viewer/map_canvas.h"
#include "app/viewer/settings.h"
#include "app/viewer/viewer.h"
#include "app/viewer/ward_layer.h"
#include "politics/ward_events.h"

namespace cm {

// Everything the window's input changes, kept apart from drawing so the loop reads simply.
struct ViewState {
  std::optional<std::uint32_t> hovered;
  double mouseX = -1, mouseY = -1;  // window points
  bool mouseInside = false, pressed = false, dragging = false;
  double pressX = 0, pressY = 0;
  bool warningsOpen = false;
};

// The interactive map: input, the panels and the map canvas for one session.
class Viewer {
 public:
  // `councilLevels`: the councils' levels of detail, read beforehand (MapCanvas::readLevels) or null.
  Viewer(const ViewerOptions& o, MapSession& session, GlWindow& window, const Settings& settings, float uiScale,
         std::shared_ptr<const LevelsOfDetail> councilLevels = nullptr, std::shared_ptr<MapPrograms> programs = nullptr);

  void handle(const SDL_Event& e, bool& quit);
  void frame();
  void writeScreenshot(const std::string& path);
  void writeState(const std::string& path);  // viewer_state.cpp
  bool playing() const { return timeline_.playing; }
  bool busy() const { return wardsLoading_ || wards_.loading(); }  // work on its way (scripts' `settle`)
  Settings settings() const;                                       // the preferences to keep for the next run
  // --frame-stats: milliseconds per pass of every frame drawn (map passes only when the map was redrawn).
  const PassTimer& passTimer() const { return timer_; }

 private:
  // Input (viewer_window.cpp)
  double pixelRatio() const;
  std::optional<std::uint32_t> featureUnderMouse() const;
  void select(std::optional<std::uint32_t> f);
  void zoomAtMouse(double factor);
  void handleKey(SDL_Keycode key, Uint16 mods, bool& quit);
  bool hasTimeline() const { return session_.data().control() != nullptr; }
  std::pair<int, int> windowSize() const;  // points
  float windowWidth() const { return float(windowSize().first); }
  float windowHeight() const { return float(windowSize().second); }
  TimelineLayout timelineLayout() const;
  float bottomInset() const { return hasTimeline() ? timelineLayout().height : 0.0f; }
  // The overlays over the map this frame (or, before one, as they will be), with `notice` in the box
  // at the top centre (the wards' key, a notice; none, no box).
  OverlayLayout layOutMapOverlays(const std::vector<std::string>& notice, std::vector<LegendItem> legend) const;
  // That box's lines; none when it is not shown. `wardsComing`: the wards' key as it will be once a
  // view being framed shows them.
  std::vector<std::string> noticeLines(bool wardsComing = false) const;
  // Frames the view into the part of the map nothing covers (side panel, timeline, caption, legend,
  // credit, wards' key), as its kind says; a whole map is framed again when the window is resized.
  void frame(const Framing& framing);
  void fitArea(const Box& box, double margin) { frame({box, margin, std::nullopt, Framing::Kind::Area}); }
  void fitWhole() { frame({session_.visibleExtent(), 0.03, std::nullopt, Framing::Kind::Whole}); }
  // Pan and zoom by hand: a resize then keeps this centre and scale.
  void panBy(double dx, double dy);
  void zoomAbout(double factor, double x, double y);
  std::vector<std::string> preparingNotice() const;               // viewer_levels.cpp
  std::vector<std::string> wardKeyLines(bool wardsComing) const;  // viewer_wards.cpp
  void updateZoomLimits();
  void setDate(Date d);
  void restyle();
  void goTo(const std::string& code);
  void stepEvent(bool forward);
  void applyPanelActions(const PanelActions& a);
  void adaptPanelToWidth();
  void adaptUiScale();          // the scale the window's size allows (see uiScale_)
  float panelCover() const;     // window points the side panel covers along the right edge
  PanelActions layOutPanels();  // this frame's panels, laid out for ImGui to draw: what the user did in them
  void toggleLook(bool Styling::*flag);
  void switchTier(const std::string& tier);

  // Levels of detail made in the background for a large --boundaries file (viewer_levels.cpp)
  void startPreparingLevels();
  void pollPreparedLevels();

  // Wards (viewer_wards.cpp)
  void updateWards();
  void restyleWards();
  bool wardsWanted(double metresPerPixel) const;  // whether wards are shown at this zoom
  void drawNotice(const std::vector<std::string>& lines, const ScreenBox& box);
  void drawWardMarkers();
  void goToWard(std::uint32_t ward);
  void openSearch();
  void refreshSearchIndex();

  const ViewerOptions& o_;
  MapSession& session_;
  GlWindow& window_;
  // The scale asked for (--ui-scale or the display's DPI), and the one in use: never more than lets a
  // 640x480-point layout fit the window, so that a small window shrinks its panels rather than let
  // them overlap (but not below 1 unless asked).
  const float requestedScale_;
  float uiScale_;
  ImGuiStyle baseStyle_;  // the panels' style at the requested scale
  float baseFontScale_ = 1;
  MapCanvas canvas_;
  ViewState state_;
  std::vector<LegendRowCentre> legendRows_;  // where each legend row was drawn, for tests
  TimelineState timeline_;
  SearchState search_;
  SidePanelState panel_;
  float panelWidth_ = 0;                                     // window points covered by the side panel this frame
  bool narrowWindow_ = false, panelFoldedForWidth_ = false;  // see adaptPanelToWidth
  OverlayLayout overlays_;                                   // where this frame's overlays were drawn
  ScreenBox attributionBox_, chipsBox_;
  struct TimelineMemo {
    float width = -1, scale = 0;
    TimelineLayout layout;
  };
  mutable TimelineMemo timelineMemo_;
  bool fittedWhole_ = false;  // the view shows the whole map, as fitted: a resize fits it again
  bool resized_ = false;
  WardLayer wards_;
  bool wardsShown_ = false, wardsLoading_ = false;
  bool wardsPinned_ = false;  // shown for the selected council after a double-click, whatever the zoom
  std::optional<std::uint32_t> selectedWard_;
  std::vector<WardEventMarker> wardMarkers_;
  std::string wardMarkersVintage_;
  bool helpOpen_ = false;
  bool shownMap_ = false;  // after the first frame, which draws the map straight into the window
  // What the first frame drew from: levels known and vertices in the level drawn (the state reports it).
  std::size_t firstFrameLevels_ = 0, firstFrameVertices_ = 0;
  SearchIndex searchIndex_;
  std::string searchIndexKey_;
  Date timelineFirst_, timelineLast_;
  int drawW_ = 1, drawH_ = 1;
  PassTimer timer_;
  struct PreparedLevels {
    std::uint64_t hash = 0;  // geometryHash of the boundaries they were made from
    std::shared_ptr<const LevelsOfDetail> levels;
  };
  std::future<PreparedLevels> preparing_;  // last member: its destructor waits for the thread
};

int chooseSamples(int requested, const GlWindow& window);

}  // namespace cm
