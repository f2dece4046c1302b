#include "app/viewer.h"

#include <CLI/CLI.hpp>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cmath>
#include <fstream>
#include <iostream>
#include <memory>

#include "app/gl_context.h"
#include "app/input_script.h"
#include "app/map_canvas.h"
#include "app/png_writer.h"
#include "app/help_overlay.h"
#include "app/search_panel.h"
#include "app/selection_panel.h"
#include "app/timeline_panel.h"
#include "app/ward_layer.h"
#include "app/ui_overlay.h"
#include "app/view_framing.h"
#include "app/warnings_panel.h"

namespace cm {
namespace {

constexpr double kWheelZoomStep = 1.25;
constexpr double kKeyZoomStep = 1.5;
constexpr double kDragThresholdPx = 3;
// Closer than this, wards appear over the councils (about the scale of a city region on screen).
constexpr double kWardMetresPerPixel = 150;

// Multisampling doubles a frame's cost on a software rasteriser (measured: 16 ms to 37 ms for the
// national view on llvmpipe), so "auto" keeps it for real GPUs.
int chooseSamples(int requested, const GlWindow& window) {
  if (requested > 0) return requested;
  return window.isSoftwareRenderer() ? 1 : 4;
}

// Everything the window's input changes, kept apart from drawing so the loop reads simply.
struct ViewState {
  std::optional<std::uint32_t> hovered, selected;
  double mouseX = -1, mouseY = -1;  // window points
  bool mouseInside = false, pressed = false, dragging = false;
  double pressX = 0, pressY = 0;
  bool warningsOpen = false;
};

class Viewer {
 public:
  Viewer(const ViewerOptions& o, MapSession& session, GlWindow& window)
      : o_(o), session_(session), window_(window), canvas_(session, chooseSamples(o.samples, window)) {
    canvas_.renderer().look().borderWidth = o.borderWidth;
    window_.drawableSize(drawW_, drawH_);
    canvas_.camera().setViewport(drawW_, drawH_);
    frameInitialView(canvas_, session_, o.focus, o.bbox);
    if (o.focus.size()) state_.selected = session_.boundaries().findByCode(o.focus, session_.year());
    // The timeline spans the political data: boundaries from 2014, control to its last year.
    if (session_.control()) {
      timelineFirst_ = {2014, 1, 1};
      timelineLast_ = {session_.control()->lastYear(), 12, 31};
      if (o.focus.empty() && o.bbox.empty()) fitAboveTimeline(session_.visibleExtent(), 0.03);
    }
  }

  void handle(const SDL_Event& e, bool& quit);
  void frame();
  void writeScreenshot(const std::string& path);
  void writeState(const std::string& path);
  float uiScale_ = 1;
  bool playing() const { return timeline_.playing; }

 private:
  double pixelRatio() const {
    int ww = 1, wh = 1;
    SDL_GetWindowSize(window_.window(), &ww, &wh);
    return ww > 0 ? double(drawW_) / ww : 1.0;
  }
  std::optional<std::uint32_t> featureUnderMouse() const {
    if (!state_.mouseInside) return std::nullopt;
    const double r = pixelRatio();
    return session_.featureAt(canvas_.camera().screenToWorld(state_.mouseX * r, state_.mouseY * r));
  }
  void select(std::optional<std::uint32_t> f) {
    state_.selected = f;
    canvas_.setSelection(f);
  }
  void zoomAtMouse(double factor) {
    const double r = pixelRatio();
    const double x = state_.mouseInside ? state_.mouseX * r : drawW_ / 2.0;
    const double y = state_.mouseInside ? state_.mouseY * r : drawH_ / 2.0;
    canvas_.camera().zoomAt(factor, x, y);
    canvas_.invalidate();
  }
  void handleKey(SDL_Keycode key, Uint16 mods, bool& quit);
  bool hasTimeline() const { return session_.control() != nullptr; }
  float bottomInset() const { return hasTimeline() ? timelineHeight(uiScale_) : 0.0f; }
  // Fits a box into the part of the window above the timeline bar.
  void fitAboveTimeline(const Box& box, double margin) {
    Camera& cam = canvas_.camera();
    const double bar = bottomInset() * pixelRatio();
    cam.setViewport(drawW_, std::max(1, int(drawH_ - bar)));
    cam.fit(box, margin);
    cam.setViewport(drawW_, drawH_);
    cam.panPixels(0, -bar / 2);
    canvas_.invalidate();
  }
  void setDate(Date d) {
    if (d == session_.date()) return;
    session_.setDate(d);
    canvas_.restyle(session_);  // a style-table upload; the geometry stays on the GPU
    if (wardsShown_) restyleWards();
  }
  void restyleWards() {
    if (!canvas_.overlay()) return;
    canvas_.overlay()->look().border = {70, 70, 70, 150};
    canvas_.overlay()->setStyles(wards_.styles(session_));
    canvas_.invalidate();
  }
  // Shows the wards of the date's vintage when zoomed in. Loading takes a frame to announce itself
  // first, since a ward file can take a second to read from the sources.
  void updateWards() {
    const bool want = session_.usesDefaultData() && canvas_.camera().metresPerPixel() < kWardMetresPerPixel;
    if (!want) {
      if (wardsShown_) canvas_.setOverlay(nullptr);
      wardsShown_ = wardsLoading_ = false;
      return;
    }
    if (wardsShown_ && wards_.holdsVintageFor(session_)) return;
    if (!wardsLoading_ && !wards_.holdsVintageFor(session_)) {
      wardsLoading_ = true;
      return;
    }
    wardsLoading_ = false;
    wards_.ensureFor(session_);
    canvas_.setOverlay(std::make_unique<MapMesh>(buildMapMesh(*wards_.set())));
    wardsShown_ = true;
    restyleWards();
  }
  void drawWardInfo() {
    if (!wardsShown_ && !wardsLoading_) return;
    ImGui::SetNextWindowPos({ImGui::GetMainViewport()->Size.x / 2, 12 * uiScale_}, ImGuiCond_Always, {0.5f, 0});
    ImGui::SetNextWindowBgAlpha(0.85f);
    ImGui::Begin("##wardinfo", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoInputs);
    if (wardsLoading_) {
      ImGui::TextUnformatted("Loading wards\xE2\x80\xA6");
    } else {
      const std::size_t coloured = wards_.covered();
      ImGui::Text("Wards: %s, %zu wards", wards_.vintage().c_str(), wards_.set()->features.size());
      if (coloured) ImGui::TextDisabled("Councillors' parties, Sept 2018: %zu wards. Pale wards: no data", coloured);
      else ImGui::TextDisabled("Councillors by ward are known for May 2018 to May 2019 only");
    }
    ImGui::End();
  }
  void openSearch() {
    search_.open = true;
    search_.focusInput = true;
  }
  // Flies to a council by code and selects it.
  void goTo(const std::string& code) {
    const auto f = session_.boundaries().findByCode(code, session_.year());
    if (!f) return;
    select(f);
    canvas_.camera().fit(session_.boundaries().features[*f].bbox, 0.25);
    canvas_.invalidate();
  }
  // Active filters as removable chips under the caption, with one click to reset them all.
  void drawFilterChips() {
    if (session_.filter().empty()) return;
    ImGui::SetNextWindowPos({10 * uiScale_, 70 * uiScale_}, ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.85f);
    ImGui::Begin("##chips", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
    ImGui::TextDisabled("Showing only:");
    std::optional<std::string> remove;
    for (const auto& key : session_.filter()) {
      ImGui::SameLine();
      if (ImGui::SmallButton((session_.labelOfCategory(key) + "  x##" + key).c_str())) remove = key;
    }
    ImGui::SameLine();
    const bool reset = ImGui::SmallButton("Reset");
    ImGui::End();
    if (remove) session_.toggleFilter(*remove);
    if (reset) session_.clearFilter();
    if (remove || reset) canvas_.restyle(session_);
  }
  void stepEvent(bool forward) {
    if (!session_.events()) return;
    if (const auto d = nextEventDate(session_.events()->all(), session_.date(), forward)) setDate(*d);
  }

  const ViewerOptions& o_;
  MapSession& session_;
  GlWindow& window_;
  MapCanvas canvas_;
  ViewState state_;
  std::vector<std::pair<float, float>> legendRows_;  // where each legend row was drawn, for tests
  TimelineState timeline_;
  SearchState search_;
  WardLayer wards_;
  bool wardsShown_ = false, wardsLoading_ = false;
  bool helpOpen_ = false;
  SearchIndex searchIndex_;
  int searchIndexYear_ = 0;
  Date timelineFirst_, timelineLast_;
  int drawW_ = 1, drawH_ = 1;
};

void Viewer::handleKey(SDL_Keycode key, Uint16 mods, bool& quit) {
  Camera& cam = canvas_.camera();
  const double panStep = 0.15 * std::min(drawW_, drawH_);
  switch (key) {
    case SDLK_PLUS: case SDLK_EQUALS: case SDLK_KP_PLUS:
      cam.zoomAt(kKeyZoomStep, drawW_ / 2.0, drawH_ / 2.0);
      break;
    case SDLK_MINUS: case SDLK_KP_MINUS:
      cam.zoomAt(1 / kKeyZoomStep, drawW_ / 2.0, drawH_ / 2.0);
      break;
    case SDLK_LEFT:
      if (mods & KMOD_SHIFT || !hasTimeline()) cam.panPixels(panStep, 0);
      else stepEvent(false);
      break;
    case SDLK_RIGHT:
      if (mods & KMOD_SHIFT || !hasTimeline()) cam.panPixels(-panStep, 0);
      else stepEvent(true);
      break;
    case SDLK_SPACE:
      if (hasTimeline()) timeline_.playing = !timeline_.playing;
      break;
    case SDLK_UP: cam.panPixels(0, panStep); break;
    case SDLK_DOWN: cam.panPixels(0, -panStep); break;
    case SDLK_HOME: fitAboveTimeline(session_.visibleExtent(), 0.03); break;
    case SDLK_z:
      if (state_.selected) cam.fit(session_.boundaries().features[*state_.selected].bbox, 0.1);
      break;
    case SDLK_ESCAPE: select(std::nullopt); break;
    case SDLK_h:
      helpOpen_ = !helpOpen_;
      return;
    case SDLK_SLASH:
      openSearch();
      return;
    case SDLK_f:
      if (mods & KMOD_CTRL) {
        openSearch();
        return;
      }
      fitAboveTimeline(session_.visibleExtent(), 0.03);
      break;
    case SDLK_c:
      if (session_.control()) {  // cycle the fill: control, disputes, faction, neutral
        const ColourBy next[] = {ColourBy::Control, ColourBy::Disputes, ColourBy::Faction, ColourBy::Neutral};
        session_.setColourBy(next[int(session_.colourBy())]);
        canvas_.restyle(session_);
      }
      break;
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
      break;
    case SDL_MOUSEMOTION: {
      const double dx = e.motion.x - state_.mouseX, dy = e.motion.y - state_.mouseY;
      state_.mouseX = e.motion.x;
      state_.mouseY = e.motion.y;
      state_.mouseInside = true;
      if (state_.pressed) {
        if (!state_.dragging && std::hypot(e.motion.x - state_.pressX, e.motion.y - state_.pressY) > kDragThresholdPx) state_.dragging = true;
        if (state_.dragging) {
          canvas_.camera().panPixels(dx * r, dy * r);
          canvas_.invalidate();
        }
      }
      break;
    }
    case SDL_MOUSEWHEEL:
      if (!io.WantCaptureMouse && e.wheel.y != 0) zoomAtMouse(std::pow(kWheelZoomStep, e.wheel.y));
      break;
    case SDL_MOUSEBUTTONDOWN:
      if (e.button.button == SDL_BUTTON_LEFT && !io.WantCaptureMouse) {
        state_.mouseX = e.button.x;
        state_.mouseY = e.button.y;
        state_.mouseInside = true;
        state_.pressed = true;
        state_.dragging = false;
        state_.pressX = e.button.x;
        state_.pressY = e.button.y;
        if (e.button.clicks == 2) {
          if (auto f = featureUnderMouse()) {
            select(f);
            canvas_.camera().fit(session_.boundaries().features[*f].bbox, 0.1);
            canvas_.invalidate();
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
  const ImGuiIO& io = ImGui::GetIO();
  state_.hovered = (state_.dragging || io.WantCaptureMouse) ? std::nullopt : featureUnderMouse();
  canvas_.setHover(state_.hovered);
  updateWards();
  canvas_.update(drawW_, drawH_);
  canvas_.image().blitTo(0, drawW_, drawH_);

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  // The SDL backend reads the mouse only while the window has focus; the map's own tracking
  // works for scripted and unfocused input too, so ImGui gets the same position.
  if (state_.mouseInside) ImGui::GetIO().MousePos = {float(state_.mouseX), float(state_.mouseY)};
  ImGui::NewFrame();
  if (hasTimeline()) {
    if (const auto d = advancePlayback(timeline_, io.DeltaTime, timelineFirst_, timelineLast_)) setDate(*d);
    if (const auto d = drawTimeline(timeline_, session_.date(), timelineFirst_, timelineLast_, session_.events()->all(), uiScale_))
      setDate(*d);
  }
  drawCaption(session_.title(), session_.subtitle(), uiScale_);
  if (!search_.open) drawWardInfo();
  if (search_.open) {
    if (searchIndexYear_ != session_.year()) {  // names follow the boundaries of the date
      searchIndex_ = session_.searchIndex();
      searchIndexYear_ = session_.year();
    }
    if (const auto code = drawSearchPanel(search_, searchIndex_, uiScale_)) goTo(*code);
  }
  if (state_.hovered) {
    const Feature& f = session_.boundaries().features[*state_.hovered];
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(f.name.c_str());
    ImGui::TextDisabled("%s", f.code.c_str());
    ImGui::EndTooltip();
  }
  switch (drawSelectionPanel(session_, state_.selected, uiScale_)) {
    case SelectionAction::Clear: select(std::nullopt); break;
    case SelectionAction::ZoomTo:
      canvas_.camera().fit(session_.boundaries().features[*state_.selected].bbox, 0.1);
      canvas_.invalidate();
      break;
    case SelectionAction::None: break;
  }
  const float usableHeight = io.DisplaySize.y - bottomInset();
  const auto legend = session_.legend();
  const int clicked = drawLegend(session_.legendHeading(), legendItems(legend), usableHeight - 40 * uiScale_, uiScale_,
                                 /*interactive=*/true, &legendRows_);
  if (clicked >= 0) {
    session_.toggleFilter(legend[std::size_t(clicked)].key);
    canvas_.restyle(session_);
  }
  drawFilterChips();
  drawWarningsPanel(session_.diagnostics(), state_.warningsOpen, usableHeight, uiScale_);
  drawAttribution(session_.attribution(), io.DisplaySize.x, usableHeight, uiScale_);
  drawHelpOverlay(helpOpen_, uiScale_);
  ImGui::Render();
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glViewport(0, 0, drawW_, drawH_);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Viewer::writeScreenshot(const std::string& path) {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  glReadBuffer(GL_BACK);
  const auto px = readPixelsTopDown(drawW_, drawH_);
  if (const auto err = writePng(path, drawW_, drawH_, px); !err.empty()) std::cerr << "councilmap: " << err << '\n';
}

void Viewer::writeState(const std::string& path) {
  auto code = [&](std::optional<std::uint32_t> f) {
    return f ? nlohmann::json(session_.boundaries().features[*f].code) : nlohmann::json(nullptr);
  };
  const Camera& cam = canvas_.camera();
  nlohmann::json j = {{"date", session_.date().iso()},
                      {"visible_areas", session_.visibleCount()},
                      {"hovered", code(state_.hovered)},
                      {"selected", code(state_.selected)},
                      {"camera", {{"centre", {cam.centre().x, cam.centre().y}}, {"metres_per_pixel", cam.metresPerPixel()}}},
                      {"drawable", {drawW_, drawH_}},
                      {"map_draw_ms", canvas_.lastDrawMs()},
                      {"playing", timeline_.playing},
                      {"search_open", search_.open},
                      {"help_open", helpOpen_},
                      {"wards_shown", wardsShown_},
                      {"ward_vintage", wardsShown_ ? wards_.vintage() : std::string()},
                      {"ward_count", wardsShown_ ? wards_.set()->features.size() : 0},
                      {"wards_coloured", wardsShown_ ? wards_.covered() : 0},
                      {"timeline", {{"left", timeline_.trackLeft}, {"right", timeline_.trackRight}, {"y", timeline_.trackY},
                                    {"first", timelineFirst_.iso()}, {"last", timelineLast_.iso()}}}};
  for (const auto& e : session_.legend()) j["legend"][e.label] = e.count;
  j["filter"] = nlohmann::json::array();
  for (const auto& k : session_.filter()) j["filter"].push_back(k);
  j["legend_rows"] = nlohmann::json::array();
  const auto entries = session_.legend();
  for (std::size_t i = 0; i < entries.size() && i < legendRows_.size(); ++i)
    j["legend_rows"].push_back({{"label", entries[i].label}, {"key", entries[i].key}, {"x", legendRows_[i].first}, {"y", legendRows_[i].second}});
  j["dimmed_areas"] = session_.dimmedCount();
  // What the details panel lists for the selection: its events and their sources.
  j["selected_events"] = nlohmann::json::array();
  if (state_.selected && session_.events())
    for (const Event* e : session_.events()->forCouncil(session_.boundaries().features[*state_.selected].code))
      j["selected_events"].push_back({{"id", e->id}, {"date", e->date.iso()}, {"title", e->title}, {"sources", e->sources}});
  std::ofstream(path) << j.dump(2) << '\n';
}

}  // namespace

int runViewer(const ViewerOptions& o) {
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  auto session = MapSession::open(o.common);
  session->applyStyle(o.style);
  std::cerr << "councilmap: using " << session->dataDescription() << '\n';
  session->diagnostics().print(std::cerr, o.common.verbose ? Severity::Info : Severity::Warning, 10);
  std::unique_ptr<InputScript> script;
  if (!o.script.empty()) script = std::make_unique<InputScript>(InputScript::fromFile(o.script));

  GlWindow window("councilmap", o.width, o.height, /*visible=*/true);
  if (o.common.verbose) std::cerr << "councilmap: rendering with " << window.rendererDescription() << '\n';
  float ddpi = 0;
  const float dpiScale = SDL_GetDisplayDPI(0, &ddpi, nullptr, nullptr) == 0 && ddpi > 0 ? ddpi / 96.0f : 1.0f;
  Viewer viewer(o, *session, window);
  viewer.uiScale_ = std::clamp(dpiScale, 1.0f, 3.0f);
  initImGui(viewer.uiScale_);
  ImGui_ImplSDL2_InitForOpenGL(window.window(), window.context());
  ImGui_ImplOpenGL3_Init("#version 330 core");

  // Draw only when something happened: an idle map costs nothing. A few extra frames after
  // each event let ImGui's auto-sized windows settle.
  constexpr int kSettleFrames = 3;
  int pending = kSettleFrames, frames = 0;
  bool quit = false;
  std::vector<double> frameMs;  // --frame-stats: every frame waited on with glFinish
  auto drawFrame = [&] {
    const auto f0 = Clock::now();
    viewer.frame();
    SDL_GL_SwapWindow(window.window());
    if (o.frameStats) {
      glFinish();
      frameMs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - f0).count());
    }
  };
  while (!quit) {
    if (script && !script->done()) {
      auto out = script->step(window.window(), quit);
      pending = kSettleFrames;
      if (auto* req = std::get_if<ScriptOutput>(&out)) {
        viewer.frame();
        if (req->kind == ScriptOutput::Screenshot) viewer.writeScreenshot(req->path);
        else viewer.writeState(req->path);
        SDL_GL_SwapWindow(window.window());
        ++frames;
        continue;
      }
    } else if (script) {
      quit = true;  // a finished script ends the run, so tests never hang on an open window
    }
    SDL_Event e;
    bool have = pending > 0 ? SDL_PollEvent(&e) : SDL_WaitEventTimeout(&e, 500);
    while (have) {
      viewer.handle(e, quit);
      pending = kSettleFrames;
      have = SDL_PollEvent(&e);
    }
    if (viewer.playing()) pending = kSettleFrames;  // playback animates without input
    if (pending == 0 || quit) continue;
    drawFrame();
    --pending;
    if (++frames == 1 && o.common.verbose)
      std::cerr << "councilmap: first frame after " << std::chrono::duration<double, std::milli>(Clock::now() - t0).count() << " ms\n";
    if (o.quitAfterFrames > 0 && frames >= o.quitAfterFrames) quit = true;
  }
  if (o.frameStats && !frameMs.empty()) {
    std::sort(frameMs.begin(), frameMs.end());
    const double median = frameMs[frameMs.size() / 2], p95 = frameMs[std::min(frameMs.size() - 1, frameMs.size() * 95 / 100)];
    std::fprintf(stderr, "councilmap: %zu frames, median %.1f ms (%.0f frames/s), 95th percentile %.1f ms\n", frameMs.size(), median,
                 1000.0 / median, p95);
  }
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  shutdownImGui();
  return 0;
}

void addViewerOptions(CLI::App& app, ViewerOptions& o) {
  addCommonOptions(app, o.common);
  addStyleOptions(app, o.style);
  app.add_option("--width", o.width, "Window width in points")->capture_default_str()->check(CLI::Range(200, 16384));
  app.add_option("--height", o.height, "Window height in points")->capture_default_str()->check(CLI::Range(150, 16384));
  app.add_option("--border-width", o.borderWidth, "Border width in pixels")->capture_default_str()->check(CLI::Range(0.0f, 50.0f));
  app.add_option("--samples", o.samples, "Multisampling for smooth edges (1 = off, 0 = auto: off on software rendering)")->capture_default_str()->check(CLI::Range(0, 16));
  app.add_option("--focus", o.focus, "Open on the area with this GSS code, selected, e.g. E09000014");
  app.add_option("--bbox", o.bbox, "Open on a WGS84 box lon1,lat1,lon2,lat2");
  app.add_option("--script", o.script, "Replay input from a script file, then quit (for tests and demos)");
  app.add_option("--quit-after-frames", o.quitAfterFrames, "Quit after drawing this many frames (for benchmarks)");
  app.add_flag("--frame-stats", o.frameStats, "Wait for every frame to finish and print frame-time statistics on exit");
}

}  // namespace cm
