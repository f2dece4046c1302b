#include "app/viewer/viewer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <future>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include "app/gl_context.h"
#include "app/launch/startup_clock.h"
#include "app/loader_thread.h"
#include "app/panels/help_overlay.h"
#include "app/panels/search_panel.h"
#include "app/panels/timeline_panel.h"
#include "app/panels/ui_overlay.h"
#include "app/panels/warnings_panel.h"
#include "app/view_framing.h"
#include "app/viewer/input_script.h"
#include "app/viewer/map_canvas.h"
#include "app/viewer/settings.h"
#include "app/viewer/viewer_window.h"
#include "app/viewer/ward_layer.h"
#include "base/atomic_file.h"
#include "render/gl_frame.h"
#include "store/png_writer.h"
#include "store/projection.h"

namespace cm {
namespace {

// Makes ImGui's GL objects (its shader, the font atlas) and draws its shader once, into a corner of
// the window that the first frame covers, so that llvmpipe compiles it while the data loads: the
// first frame then only lays out and draws the panels (6 ms sooner on the reference machine).
void warmUpPanels() {
  ImGui_ImplOpenGL3_NewFrame();
  ImDrawList list(ImGui::GetDrawListSharedData());
  list._ResetForNewFrame();
  list.PushClipRect({0, 0}, {8, 8});
  list.PushTextureID(ImGui::GetIO().Fonts->TexID);
  list.AddRectFilled({0, 0}, {8, 8}, IM_COL32_WHITE);
  ImDrawList* lists[] = {&list};
  ImDrawData data;
  data.Valid = true;
  data.CmdLists = lists;
  data.CmdListsCount = 1;
  data.TotalVtxCount = list.VtxBuffer.Size;
  data.TotalIdxCount = list.IdxBuffer.Size;
  data.DisplaySize = {8, 8};
  data.FramebufferScale = {1, 1};
  drawToWindow(8, 8);
  ImGui_ImplOpenGL3_RenderDrawData(&data);
  finishGl();
}

}  // namespace

int runViewer(const ViewerOptions& o) {
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  StartupTimeline timeline;  // printed with -v
  timeline.note("program");
  std::unique_ptr<InputScript> script;
  if (!o.script.empty()) script = std::make_unique<InputScript>(InputScript::fromFile(o.script));
  // The data loads on another thread while the window, the GL context and the panels start: on
  // two cores they overlap, and the first frame comes sooner.
  struct Loaded {
    std::unique_ptr<MapSession> session;
    std::shared_ptr<const LevelsOfDetail> councilLevels;
  };
  auto loading = startLoader(
      [&o, &timeline] {
        Loaded l{MapSession::open(o.common), nullptr};
        l.councilLevels = MapCanvas::readLevels(*l.session);
        timeline.note("data read (loader thread)");
        return l;
      },
      !MapSession::readsFromCacheOnly(o.common));
  // (Should the window fail, the future's destructor waits for the loader: it never outlives `o`.)
  // A --bbox is in WGS84: PROJ's transformation is made meanwhile too.
  auto projection = o.bbox.empty() ? std::future<void>() : Transform::prepareWgs84ToMap();
  GlWindow window("councilmap", o.width, o.height, /*visible=*/true);
  timeline.note("window");
  if (o.common.verbose) std::cerr << "councilmap: rendering with " << window.rendererDescription() << '\n';
  // HiDPI: panels scale with the display's DPI (or --ui-scale), and text is rasterised at the
  // drawable's pixel density so it stays sharp where the framebuffer is larger than the window.
  float ddpi = 0;
  const float dpiScale = SDL_GetDisplayDPI(0, &ddpi, nullptr, nullptr) == 0 && ddpi > 0 ? ddpi / 96.0f : 1.0f;
  const float uiScale = o.uiScale > 0 ? o.uiScale : std::clamp(dpiScale, 1.0f, 3.0f);
  int ww = 1, wh = 1, dw = 1, dh = 1;
  SDL_GetWindowSize(window.window(), &ww, &wh);
  window.drawableSize(dw, dh);
  // The panels' font is rasterised on a thread of its own while the map's shaders compile here.
  auto fonts =
      std::async(std::launch::async, [uiScale, density = ww > 0 ? float(dw) / float(ww) : 1.0f] { return buildFonts(uiScale, density); });
  auto mapPrograms = std::make_shared<MapPrograms>();  // the map's renderers draw with these (see MapPrograms)
  warmUpMapShaders(WarmUp::FirstFrame, mapPrograms);
  timeline.note("map shaders");
  initImGui(uiScale, fonts.get());
  ImGui_ImplSDL2_InitForOpenGL(window.window(), window.context());
  ImGui_ImplOpenGL3_Init("#version 330 core");
  warmUpPanels();
  timeline.note("panels");

  Loaded loaded = loading.get();  // the loader's errors are thrown here
  auto& session = loaded.session;
  // Preferences from the last run, unless the command line says otherwise.
  const std::filesystem::path config = o.configDir.empty() ? configDir() : std::filesystem::path(o.configDir);
  std::string settingsWarning;
  const Settings saved = loadSettings(config / "settings.json", &settingsWarning);
  StyleOptions style = o.style;
  if (style.colourBy.empty()) style.colourBy = session->data().control() ? saved.colourBy : "none";
  if (!colourByFromName(style.colourBy)) style.colourBy = "control";
  if (session->data().control()) style.addFrom(saved);
  session->applyStyle(style);
  if (!settingsWarning.empty()) std::cerr << "councilmap: " << settingsWarning << '\n';
  std::cerr << "councilmap: using " << session->data().description() << '\n';
  session->data().diagnostics().print(std::cerr, o.common.verbose ? Severity::Info : Severity::Warning, 10);

  const std::string ini = (config / "imgui.ini").string();
  std::error_code ec;
  std::filesystem::create_directories(config, ec);
  // ImGui's layout file is read here and written at exit through a temporary file, never in place.
  ImGui::GetIO().IniFilename = nullptr;
  if (std::filesystem::exists(ini, ec)) ImGui::LoadIniSettingsFromDisk(ini.c_str());
  if (projection.valid()) projection.get();
  Viewer viewer(o, *session, window, saved, uiScale, std::move(loaded.councilLevels), mapPrograms);
  if (script) script->setBusy([&viewer] { return viewer.busy(); });
  timeline.note("viewer");

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
      finishGl();
      frameMs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - f0).count());
    }
  };
  while (!quit) {
    if (script && !script->done()) {
      auto out = script->step(window.window(), quit);
      pending = kSettleFrames;
      if (auto* req = std::get_if<ScriptOutput>(&out)) {
        viewer.frame();
        if (req->kind == ScriptOutput::Screenshot)
          viewer.writeScreenshot(req->path);
        else
          viewer.writeState(req->path);
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
    // Benchmarks ask for a number of frames: they are drawn even when nothing changes in between.
    if (o.quitAfterFrames > 0) pending = std::max(pending, 1);
    if (pending == 0 || quit) continue;
    drawFrame();
    --pending;
    if (++frames == 1 && o.common.verbose) {
      finishGl();  // shown, not just queued
      // The wall-clock time too, so bench/cold_start.sh can count from the moment it launched us.
      const auto wall = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch());
      timeline.note("first frame");
      std::cerr << "councilmap: first frame after " << std::chrono::duration<double, std::milli>(Clock::now() - t0).count() << " ms (at "
                << wall.count() << " ns since 1970)\n"
                << "councilmap: start-up: " << timeline.describe() << '\n';
      reportGdalLoad(std::cerr, "the first frame");
    }
    if (o.quitAfterFrames > 0 && frames >= o.quitAfterFrames) quit = true;
    // What the first frame did not need, compiled now rather than at the first hover or zoom.
    if (frames == 1 && !quit) warmUpMapShaders(WarmUp::Rest, mapPrograms);
  }
  if (o.frameStats && !frameMs.empty()) {
    std::sort(frameMs.begin(), frameMs.end());
    const double median = frameMs[frameMs.size() / 2], p95 = frameMs[std::min(frameMs.size() - 1, frameMs.size() * 95 / 100)];
    std::fprintf(stderr, "councilmap: %zu frames, median %.1f ms (%.0f frames/s), 95th percentile %.1f ms, longest %.1f ms\n",
                 frameMs.size(), median, 1000.0 / median, p95, frameMs.back());
    // Where the time goes: each pass alone (finished before the next starts), over the frames it ran in.
    for (auto [pass, ms] : viewer.passTimer().samples()) {
      std::sort(ms.begin(), ms.end());
      std::fprintf(stderr, "councilmap:   %-22s %4zu runs, median %6.2f ms, 95th percentile %6.2f ms\n", pass.c_str(), ms.size(),
                   ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)]);
    }
  }
  if (const auto err = saveSettings(config / "settings.json", viewer.settings()); !err.empty()) std::cerr << "councilmap: " << err << '\n';
  if (const auto err = writeFileAtomically(ini, ImGui::SaveIniSettingsToMemory()); !err.empty()) std::cerr << "councilmap: " << err << '\n';
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
  app.add_option("--samples", o.samples, "Multisampling for smooth edges (1 = off, 0 = auto: off on software rendering)")
      ->capture_default_str()
      ->check(CLI::Range(0, 16));
  app.add_option("--focus", o.focus, "Open on the area with this GSS code, selected, e.g. E09000014");
  app.add_option("--bbox", o.bbox, "Open on a WGS84 box lon1,lat1,lon2,lat2");
  app.add_option("--script", o.script, "Replay input from a script file, then quit (for tests and demos)");
  app.add_option("--quit-after-frames", o.quitAfterFrames, "Quit after drawing this many frames (for benchmarks)");
  app.add_option("--ui-scale", o.uiScale, "Scale of panels and text (default: from the display's DPI)")->check(CLI::Range(0.5f, 4.0f));
  app.add_option("--config-dir", o.configDir, "Where preferences and the panel layout are kept (default: ~/.config/councilmap)");
  app.add_flag("--frame-stats", o.frameStats, "Wait for every frame to finish and print frame-time statistics on exit");
}

}  // namespace cm
