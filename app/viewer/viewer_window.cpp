#include "app/viewer/viewer_window.h"

#include <algorithm>
#include <cmath>

#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>

#include "app/panels/help_overlay.h"
#include "app/panels/overlay_layout.h"
#include "app/panels/ui_overlay.h"
#include "app/panels/warnings_panel.h"
#include "app/view_framing.h"
#include "render/gl_frame.h"

namespace cm {
namespace {
constexpr double kWheelZoomStep = 1.25;
constexpr double kKeyZoomStep = 1.5;
constexpr double kDragThresholdPx = 3;
}  // namespace

// Multisampling doubles a frame's cost on a software rasteriser (measured: 16 ms to 37 ms for the
// national view on llvmpipe), so "auto" keeps it for real GPUs.
int chooseSamples(int requested, const GlWindow& window) {
  if (requested > 0) return requested;
  return window.isSoftwareRenderer() ? 1 : 4;
}

Viewer::Viewer(const ViewerOptions& o, MapSession& session, GlWindow& window, const Settings& settings, float uiScale,
               std::shared_ptr<const LevelsOfDetail> councilLevels, std::shared_ptr<MapPrograms> programs)
    : o_(o),
      session_(session),
      window_(window),
      requestedScale_(uiScale),
      uiScale_(uiScale),
      baseStyle_(ImGui::GetStyle()),
      baseFontScale_(ImGui::GetIO().FontGlobalScale),
      canvas_(session, chooseSamples(o.samples, window), std::move(councilLevels), std::move(programs)) {
  canvas_.look().borderWidth = o.borderWidth;
  timer_.enable(o.frameStats);
  canvas_.setPassTimer(&timer_);
  panel_.open = settings.panelOpen;
  panel_.tab = PanelTab(std::clamp(settings.panelTab, 0, 3));
  panel_.switchTab = true;
  panel_.width = settings.panelWidth;
  panel_.wards = settings.wards == "off" || settings.wards == "always" ? settings.wards : "auto";
  std::snprintf(panel_.compareWith, sizeof panel_.compareWith, "%s", settings.compareWith.c_str());
  timeline_.speed = std::clamp(settings.playbackSpeed, 0, int(std::size(kPlaybackSpeeds)) - 1);
  timeline_.loop = settings.loop;
  window_.drawableSize(drawW_, drawH_);
  canvas_.camera().setViewport(drawW_, drawH_);
  adaptUiScale();
  adaptPanelToWidth();
  const Framing framing = initialFraming(session_, o.focus, o.bbox);
  if (framing.focus) select(framing.focus);
  // The timeline spans the data: boundaries from 2014, control to its last year.
  if (const auto covered = session_.data().coveredDates(); covered && session_.data().control()) {
    timelineFirst_ = covered->first;
    timelineLast_ = covered->second;
  }
  // Now that the timeline is known: clear of it, the panels and the overlays.
  frame(framing);
  startPreparingLevels();
}

Settings Viewer::settings() const {
  Settings s;
  s.colourBy = colourByName(session_.style.colourBy);
  static_cast<StyleFlags&>(s) = session_.style;
  s.panelOpen = panel_.open || panelFoldedForWidth_;  // folded for a narrow window, not by choice
  s.panelTab = int(panel_.tab);
  s.panelWidth = panel_.width;
  s.playbackSpeed = timeline_.speed;
  s.loop = timeline_.loop;
  s.wards = panel_.wards;
  s.compareWith = panel_.compareWith;
  return s;
}

// A window too narrow for the side panel and a usable map beside it folds the panel (Tab or the
// "Panel" button brings it back), and unfolds it again when widened; only a change of width does so,
// never a user's choice made meanwhile.
void Viewer::adaptPanelToWidth() {
  constexpr float kMinMapWidth = 480;  // points at UI scale 1: room for the legend, in columns, and the credit
  const bool narrow = windowWidth() < (panel_.width + 8 + kMinMapWidth) * uiScale_;
  if (narrow == narrowWindow_) return;
  narrowWindow_ = narrow;
  if (narrow && panel_.open) {
    panel_.open = false;
    panelFoldedForWidth_ = true;
  } else if (!narrow && panelFoldedForWidth_) {
    panel_.open = true;
    panelFoldedForWidth_ = false;
  }
  canvas_.invalidate();
}

void Viewer::adaptUiScale() {
  const float fits = std::min(windowWidth() / 640.0f, windowHeight() / 480.0f);
  const float scale = std::max(std::min(requestedScale_, 1.0f), std::min(requestedScale_, fits));
  if (scale == uiScale_) return;
  uiScale_ = scale;
  ImGuiStyle& style = ImGui::GetStyle();
  style = baseStyle_;
  style.ScaleAllSizes(scale / requestedScale_);
  style.WindowMinSize = {1, 1};  // ImGui refuses less (see initImGui)
  ImGui::GetIO().FontGlobalScale = baseFontScale_ * scale / requestedScale_;
  canvas_.invalidate();
}

float Viewer::panelCover() const {
  if (!panel_.open) return 0;  // folded, its button covers only the top-right corner
  // Before the first frame the panel's width is not known yet: use the width it will have.
  return panelWidth_ > 0 ? panelWidth_ : (panel_.width + 8) * uiScale_;
}

std::pair<int, int> Viewer::windowSize() const {
  int ww = 1, wh = 1;
  SDL_GetWindowSize(window_.window(), &ww, &wh);
  return {ww, wh};
}

double Viewer::pixelRatio() const {
  const int ww = windowSize().first;
  return ww > 0 ? double(drawW_) / ww : 1.0;
}

TimelineLayout Viewer::timelineLayout() const {
  // Asked for several times a frame (the map's height, the framing, the bar itself): measured once a size.
  if (timelineMemo_.width != windowWidth() || timelineMemo_.scale != uiScale_)
    timelineMemo_ = {windowWidth(), uiScale_, layOutTimeline(windowWidth(), uiScale_)};
  return timelineMemo_.layout;
}

std::optional<std::uint32_t> Viewer::featureUnderMouse() const {
  if (!state_.mouseInside) return std::nullopt;
  const double r = pixelRatio();
  return session_.featureAt(canvas_.camera().screenToWorld(state_.mouseX * r, state_.mouseY * r));
}

void Viewer::select(std::optional<std::uint32_t> f) {
  if (f != session_.view.selected) wardsPinned_ = false;
  session_.view.selected = f;
  canvas_.setSelection(f);
  if (f) {
    // A selection shows its details, unfolding the panel if it was folded away (but not in a window
    // too narrow for it, where Tab or its button still opens it).
    if (!panelFoldedForWidth_) panel_.open = true;
    panel_.tab = PanelTab::Details;
    panel_.switchTab = true;
  }
}

void Viewer::zoomAtMouse(double factor) {
  const double r = pixelRatio();
  const double x = state_.mouseInside ? state_.mouseX * r : drawW_ / 2.0;
  const double y = state_.mouseInside ? state_.mouseY * r : drawH_ / 2.0;
  zoomAbout(factor, x, y);
}

OverlayLayout Viewer::layOutMapOverlays(const std::vector<std::string>& notice, std::vector<LegendItem> legend) const {
  OverlayContent c;
  c.title = session_.title();
  c.subtitle = session_.subtitle();
  c.legendHeading = session_.legendHeading();
  c.legend = std::move(legend);
  c.interactive = true;
  c.credit = session_.attribution();
  c.shortCredit = session_.shortAttribution();
  c.notice = notice;
  if (!session_.view.filter.empty()) {
    c.chipsWidth = chipsBox_.width();
    c.chipsHeight = chipsBox_.height();
  }
  const std::size_t problems =
      session_.data().diagnostics().count(Severity::Warning) + session_.data().diagnostics().count(Severity::Error);
  if (problems) c.warningsLabel = warningsButtonLabel(problems);
  const float width = windowWidth() - panelCover();
  if (!panel_.open) {
    const ScreenBox button = foldedPanelButton(windowWidth(), uiScale_);
    c.topRightWidth = windowWidth() - button.left;
    c.topRightHeight = button.bottom;
  }
  return layOutOverlays(c, width, windowHeight() - bottomInset(), uiScale_);
}

std::vector<std::string> Viewer::noticeLines(bool wardsComing) const {
  const auto preparing = preparingNotice();
  return preparing.empty() ? wardKeyLines(wardsComing) : preparing;
}

void Viewer::updateZoomLimits() {
  // In to half a metre a pixel; out to where the whole map fills a quarter of the window.
  const Box all = session_.visibleExtent();
  const double farthest = all.empty() ? 20000 : std::max(all.width() / (0.5 * drawW_), all.height() / (0.5 * drawH_));
  canvas_.camera().setZoomLimits(0.5, farthest);
}

void Viewer::frame(const Framing& framing) {
  Camera& cam = canvas_.camera();
  cam.setViewport(drawW_, drawH_);
  updateZoomLimits();
  const double r = pixelRatio();
  const ScreenRect free{0, 0, (windowWidth() - panelCover()) * r, (windowHeight() - bottomInset()) * r};
  const auto legend = legendItems(session_, session_.legend());
  frameInto(cam, framing, session_, free, layOutMapOverlays(noticeLines(), legend), r);
  // Framed that close, the wards' key will appear at the top: clear of it too.
  if (noticeLines().empty() && wardsWanted(cam.metresPerPixel()))
    frameInto(cam, framing, session_, free, layOutMapOverlays(noticeLines(/*wardsComing=*/true), legend), r);
  fittedWhole_ = framing.kind == Framing::Kind::Whole;
  canvas_.invalidate();
}

void Viewer::panBy(double dx, double dy) {
  canvas_.camera().panPixels(dx, dy);
  fittedWhole_ = false;
  canvas_.invalidate();
}

void Viewer::zoomAbout(double factor, double x, double y) {
  canvas_.camera().zoomAt(factor, x, y);
  fittedWhole_ = false;
  canvas_.invalidate();
}

void Viewer::setDate(Date d) {
  if (d == session_.view.date) return;
  session_.view.date = d;
  canvas_.restyle(session_);  // a style-table upload; the geometry stays on the GPU
  if (wardsShown_) restyleWards();
}

void Viewer::restyle() {
  canvas_.restyle(session_);
  if (wardsShown_) restyleWards();
}

void Viewer::goTo(const std::string& code) {
  const auto f = session_.boundaries().findByCode(code, session_.year());
  if (!f) return;
  select(f);
  fitArea(session_.boundaries().features[*f].bbox, 0.1);
}

void Viewer::stepEvent(bool forward) {
  if (!session_.data().events()) return;
  if (const auto d = nextEventDate(session_.data().events()->all(), session_.view.date, forward)) setDate(*d);
}

void Viewer::toggleLook(bool Styling::*flag) {
  if (!session_.data().control()) return;
  session_.style.*flag = !(session_.style.*flag);
  restyle();
}

void Viewer::switchTier(const std::string& tier) {
  if (!session_.setTier(tier)) return;
  select(std::nullopt);
  state_.hovered.reset();
  canvas_.rebuild(session_);
  searchIndexKey_.clear();
}

void Viewer::applyPanelActions(const PanelActions& a) {
  if (a.filter) session_.view.filter = *a.filter;
  if (a.style) session_.style = *a.style;
  if (a.filter || a.style) restyle();
  if (a.clearSelection) select(std::nullopt);
  if (a.zoomToSelection && session_.view.selected) fitArea(session_.boundaries().features[*session_.view.selected].bbox, 0.1);
  if (a.setDate) setDate(*a.setDate);
  if (a.goToCode) goTo(*a.goToCode);
  if (a.loadWards) wardsPinned_ = true;
  if (a.goToWard) goToWard(*a.goToWard);
  if (a.tier) switchTier(*a.tier);
}

void Viewer::handleKey(SDL_Keycode key, Uint16 mods, bool& quit) {
  const double panStep = 0.15 * std::min(drawW_, drawH_);
  switch (key) {
    case SDLK_PLUS:
    case SDLK_EQUALS:
    case SDLK_KP_PLUS: zoomAbout(kKeyZoomStep, drawW_ / 2.0, drawH_ / 2.0); break;
    case SDLK_MINUS:
    case SDLK_KP_MINUS: zoomAbout(1 / kKeyZoomStep, drawW_ / 2.0, drawH_ / 2.0); break;
    case SDLK_LEFT:
      if (mods & KMOD_SHIFT || !hasTimeline())
        panBy(panStep, 0);
      else
        stepEvent(false);
      break;
    case SDLK_RIGHT:
      if (mods & KMOD_SHIFT || !hasTimeline())
        panBy(-panStep, 0);
      else
        stepEvent(true);
      break;
    case SDLK_SPACE:
      if (hasTimeline()) timeline_.playing = !timeline_.playing;
      break;
    case SDLK_UP: panBy(0, panStep); break;
    case SDLK_DOWN: panBy(0, -panStep); break;
    case SDLK_HOME: fitWhole(); break;
    case SDLK_z:
      if (session_.view.selected) fitArea(session_.boundaries().features[*session_.view.selected].bbox, 0.1);
      break;
    case SDLK_ESCAPE:
      select(std::nullopt);
      selectedWard_.reset();
      canvas_.setOverlaySelection(std::nullopt);
      break;
    case SDLK_h: helpOpen_ = !helpOpen_; return;
    case SDLK_SLASH: openSearch(); return;
    case SDLK_TAB: panel_.open = !panel_.open; break;
    case SDLK_f:
      if (mods & KMOD_CTRL) {
        openSearch();
        return;
      }
      fitWhole();
      break;
    case SDLK_c:
      if (session_.data().control()) {  // cycle the fill: control, disputes, faction, neutral
        const ColourBy next[] = {ColourBy::Control, ColourBy::Disputes, ColourBy::Faction, ColourBy::Neutral};
        session_.style.colourBy = next[int(session_.style.colourBy)];
        restyle();
      }
      break;
    case SDLK_b: toggleLook(&Styling::colourBlindSafe); break;
    case SDLK_d: toggleLook(&Styling::hatchDisputes); break;
    case SDLK_o: toggleLook(&Styling::factionOutline); break;
    case SDLK_n: toggleLook(&Styling::tintNoc); break;
    case SDLK_w: panel_.wards = panel_.wards == "auto" ? "always" : panel_.wards == "always" ? "off" : "auto"; break;
    case SDLK_t: switchTier(session_.view.tier == "upper" ? "lower" : "upper"); break;
    case SDLK_q:
      if (mods & KMOD_CTRL) quit = true;
      break;
    default: return;
  }
  canvas_.invalidate();
}

void Viewer::handle(const SDL_Event& e, bool& quit) {
  ImGui_ImplSDL2_ProcessEvent(&e);
  const ImGuiIO& io = ImGui::GetIO();
  const double r = pixelRatio();
  switch (e.type) {
    case SDL_QUIT: quit = true; break;
    case SDL_WINDOWEVENT:
      if (e.window.event == SDL_WINDOWEVENT_LEAVE) state_.mouseInside = false;
      if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
        adaptUiScale();
        adaptPanelToWidth();
        resized_ = true;
      }
      break;
    case SDL_MOUSEMOTION: {
      const double dx = e.motion.x - state_.mouseX, dy = e.motion.y - state_.mouseY;
      state_.mouseX = e.motion.x;
      state_.mouseY = e.motion.y;
      state_.mouseInside = true;
      if (state_.pressed) {
        if (!state_.dragging && std::hypot(e.motion.x - state_.pressX, e.motion.y - state_.pressY) > kDragThresholdPx)
          state_.dragging = true;
        if (state_.dragging) panBy(dx * r, dy * r);
      }
      break;
    }
    case SDL_MOUSEWHEEL:
      if (!io.WantCaptureMouse && e.wheel.y != 0) zoomAtMouse(std::pow(kWheelZoomStep, e.wheel.y));
      break;
    case SDL_MOUSEBUTTONDOWN:
      if (e.button.button == SDL_BUTTON_LEFT && !io.WantCaptureMouse) {
        state_.mouseX = state_.pressX = e.button.x;
        state_.mouseY = state_.pressY = e.button.y;
        state_.mouseInside = state_.pressed = true;
        state_.dragging = false;
        if (e.button.clicks == 2) {
          if (auto f = featureUnderMouse()) {
            select(f);
            wardsPinned_ = true;  // a double-click shows the council's wards, whatever its size
            fitArea(session_.boundaries().features[*f].bbox, 0.1);
          }
        }
      }
      break;
    case SDL_MOUSEBUTTONUP:
      if (e.button.button == SDL_BUTTON_LEFT && state_.pressed) {
        if (!state_.dragging && e.button.clicks < 2) select(featureUnderMouse());
        state_.pressed = state_.dragging = false;
      }
      break;
    case SDL_KEYDOWN:
      if (!io.WantCaptureKeyboard) handleKey(e.key.keysym.sym, e.key.keysym.mod, quit);
      break;
    default: break;
  }
}

void Viewer::frame() {
  window_.drawableSize(drawW_, drawH_);
  if (resized_) {
    resized_ = false;
    // A whole map stays whole; a view zoomed in keeps its centre and scale.
    if (fittedWhole_)
      fitWhole();
    else
      updateZoomLimits();
    canvas_.invalidate();
  }
  pollPreparedLevels();
  const ImGuiIO& io = ImGui::GetIO();
  state_.hovered = (state_.dragging || io.WantCaptureMouse) ? std::nullopt : featureUnderMouse();
  canvas_.setHover(state_.hovered);
  updateWards();
  if (shownMap_ || !canvas_.drawToWindow(drawW_, drawH_)) {  // the first frame draws it straight in
    canvas_.update(drawW_, drawH_);
    timer_.begin("blit map image");
    canvas_.copyToWindow();
    timer_.end();
  }
  submitGl();  // a software rasteriser fills the map's pixels while the panels are laid out and binned
  const bool firstFrame = !shownMap_;
  shownMap_ = true;
  if (firstFrame) {
    firstFrameLevels_ = canvas_.levels().meshes.size();
    firstFrameVertices_ = canvas_.levels().meshes[canvas_.level()].vertices.size();
  }

  // ImGui fits a window to its content one frame after the window first appears, and hides it until
  // then: a pass that lays the panels out without drawing them lets the first frame show them all, the
  // legend and the data's attribution included (export lays its overlay out twice for the same reason).
  if (firstFrame) applyPanelActions(layOutPanels());
  timer_.begin("panels (ImGui, CPU)");
  const PanelActions actions = layOutPanels();
  timer_.end();
  timer_.begin("panels (draw)");
  drawToWindow(drawW_, drawH_);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  timer_.end();
  applyPanelActions(actions);
}

PanelActions Viewer::layOutPanels() {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  // The SDL backend reads the mouse only while the window has focus; the map's own tracking
  // works for scripted and unfocused input too, so ImGui gets the same position.
  if (state_.mouseInside) ImGui::GetIO().MousePos = {float(state_.mouseX), float(state_.mouseY)};
  ImGui::NewFrame();
  if (hasTimeline()) {
    if (const auto d = advancePlayback(timeline_, io.DeltaTime, timelineFirst_, timelineLast_)) setDate(*d);
    if (const auto d = drawTimeline(timeline_, session_.view.date, timelineFirst_, timelineLast_, session_.data().events()->all(),
                                    timelineLayout(), uiScale_))
      setDate(*d);
  }
  drawWardMarkers();
  // The legend as laid out is the legend drawn and clicked, even if a panel changes the fill below.
  const auto legend = session_.legend();
  const auto legendRows = legendItems(session_, legend);
  const std::vector<std::string> notice = search_.open ? std::vector<std::string>() : noticeLines();
  overlays_ = layOutMapOverlays(notice, legendRows);
  drawCaption(session_.title(), session_.subtitle(), overlays_.caption, uiScale_);
  if (!notice.empty()) drawNotice(overlays_.noticeLines, overlays_.notice);
  if (search_.open) {
    refreshSearchIndex();
    if (const auto code = drawSearchPanel(search_, searchIndex_, uiScale_)) {
      if (const auto ward = wards_.set() ? wards_.set()->findByCode(*code, session_.year()) : std::nullopt;
          ward && !session_.boundaries().findByCode(*code, session_.year()))
        goToWard(*ward);
      else
        goTo(*code);
    }
  }
  if (state_.hovered) {
    const Feature& f = session_.boundaries().features[*state_.hovered];
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(f.name.c_str());
    ImGui::TextDisabled("%s", f.code.c_str());
    ImGui::EndTooltip();
  }
  const float usableHeight = io.DisplaySize.y - bottomInset();
  PanelContext ctx{session_, wards_.holdsVintageFor(session_) ? wards_.set() : nullptr, uiScale_};
  PanelActions actions;
  panelWidth_ = drawSidePanel(panel_, ctx, usableHeight, actions);
  const int clicked = drawLegend(session_.legendHeading(), legendRows, overlays_.legend, uiScale_, /*interactive=*/true, &legendRows_);
  if (clicked >= 0 && std::size_t(clicked) < legend.size()) {
    CouncilFilter filter = session_.view.filter;
    toggleCategory(filter, session_.style.colourBy, legend[std::size_t(clicked)].key);
    actions.filter = filter;
  }
  if (auto filter = drawFilterChips(session_, overlays_.chips.left, overlays_.chips.top, io.DisplaySize.x - panelCover() - 20 * uiScale_,
                                    uiScale_, &chipsBox_))
    actions.filter = std::move(filter);
  drawWarningsPanel(session_.data().diagnostics(), state_.warningsOpen, overlays_.warnings, usableHeight, uiScale_);
  attributionBox_ = drawAttribution(overlays_, uiScale_);
  drawHelpOverlay(helpOpen_, uiScale_);
  ImGui::Render();
  return actions;
}

}  // namespace cm
