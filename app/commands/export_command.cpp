#include "app/commands/export_command.h"

#include <chrono>
#include <future>
#include <iostream>

#include <CLI/CLI.hpp>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "app/gl_context.h"
#include "app/launch/startup_clock.h"
#include "app/loader_thread.h"
#include "app/panels/overlay_layout.h"
#include "app/panels/ui_overlay.h"
#include "app/view_framing.h"
#include "app/viewer/map_canvas.h"
#include "base/text_parse.h"
#include "render/gl_frame.h"
#include "store/cache/cache_file.h"
#include "store/cache/geometry_cache.h"
#include "store/lod_cache.h"
#include "store/png_writer.h"
#include "store/projection.h"

namespace cm {
namespace {

constexpr int kMaxExportSide = 16384;

// The levels of detail to draw from: those stored in the compiled dataset or cached, else the full
// detail alone; null for a large --boundaries layer met for the first time, whose levels this export
// makes and keeps (rather than tessellating the full detail only to drop it).
std::shared_ptr<const LevelsOfDetail> levelsToDrawFrom(const MapSession& session) {
  const BoundarySet& layer = session.boundaries();
  if (session.data().usesCompiledDataset() || !levelsWorthCaching(layer)) return MapCanvas::readLevels(session);
  auto cached = storedLevels(layer, std::nullopt, layer.layer);
  return cached ? std::make_shared<const LevelsOfDetail>(std::move(*cached)) : nullptr;
}

}  // namespace

int runExport(const ExportOptions& o) {
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  std::string why;
  const auto size = parseImageSize(o.size, kMaxExportSide, &why);
  if (!size) throw UsageError("--size: " + why);
  if (!o.bbox.empty() && !parseLonLatBox(o.bbox, &why)) throw UsageError("--bbox: " + why);  // before any slow work

  // The data loads on another thread while the GL context is made: on two cores they overlap.
  GlWindow::preferHeadless();  // first: it sets an environment variable, which no thread may read meanwhile
  // The loader also reads the stored levels of detail, unless there are none yet (made below).
  struct Loaded {
    std::unique_ptr<MapSession> session;
    std::shared_ptr<const LevelsOfDetail> levels;  // null when they must be made
  };
  auto loading = startLoader(
      [&o] {
        Loaded l{MapSession::open(o.common), nullptr};
        StyleOptions style = o.style;
        if (style.colourBy.empty()) style.colourBy = l.session->data().control() ? "control" : "none";  // as the window opens
        l.session->applyStyle(style);
        l.levels = levelsToDrawFrom(*l.session);
        return l;
      },
      !MapSession::readsFromCacheOnly(o.common));
  // The image's memory too: 33 MB at 3840x2160, whose first touch (page faults) would otherwise
  // fall inside the readback.
  auto image = std::async(std::launch::async,
                          [n = std::size_t(size->width) * std::size_t(size->height) * 4] { return std::vector<std::uint8_t>(n); });
  // A --bbox is in WGS84: PROJ's transformation is made meanwhile too.
  auto projection = o.bbox.empty() ? std::future<void>() : Transform::prepareWgs84ToMap();
  GlWindow window("councilmap export", 64, 64, /*visible=*/false);
  const auto tGl = Clock::now();
  auto [session, levels] = loading.get();  // the loader's errors are thrown here
  const auto tLoad = Clock::now();
  // A large layer with no levels of detail yet (a --boundaries file met for the first time) gets them
  // before drawing, and keeps them in the user's cache: this export draws the level its scale needs,
  // as every later one will without simplifying or tessellating again. (Drawing the full detail
  // while they were made was slower: both compete for the same two cores.)
  std::future<LevelsOfDetail> preparing;
  const BoundarySet& layer = session->boundaries();
  if (!levels) preparing = std::async(std::launch::async, [&layer] { return buildLevelsOfDetail(layer); });
  std::cerr << "councilmap: using " << session->data().description() << '\n';
  session->data().diagnostics().print(std::cerr, o.common.verbose ? Severity::Info : Severity::Warning);

  if (o.common.verbose) std::cerr << "councilmap: rendering with " << window.rendererDescription() << '\n';
  if (size->width > Framebuffer::maxSize() || size->height > Framebuffer::maxSize())
    throw UsageError("--size " + o.size + " exceeds this GPU's limit of " + std::to_string(Framebuffer::maxSize()) + " pixels a side");
  // New levels are written to the cache while the map is drawn (the 2013 wards' 40 MB: 70 ms), and
  // waited for before the program ends.
  std::future<void> storing;
  if (preparing.valid()) {
    levels = std::make_shared<const LevelsOfDetail>(preparing.get());  // drawn from below, not read back
    storing = std::async(std::launch::async, [&layer, levels] { storeCachedLevels(layer, *levels); });
  }
  const auto tPrepared = Clock::now();

  // On llvmpipe 4x multisampling triples the draw (2x is rounded up to 4x), and the cheaper
  // smoothings tried cost nearly as much (smooth GL lines +450 ms, an FXAA pass +560 ms for the 2013
  // wards at 3840x2160), so software rendering draws aliased unless --samples asks, as the window does.
  const int samples = o.samples > 0 ? o.samples : window.isSoftwareRenderer() ? 1 : 4;
  MapCanvas canvas(*session, samples, std::move(levels));
  const auto tMesh = Clock::now();
  canvas.look().borderWidth = o.borderWidth;
  // Hatching keeps its proportion to the text on large images (the UI scale below).
  canvas.look().hatchSpacing *= std::max(1.0f, size->height / 1080.0f);
  canvas.camera().setViewport(size->width, size->height);
  if (projection.valid()) projection.get();
  // The overlay's text is known now; an area is framed clear of the caption, legend and credit.
  const float uiScale = std::max(1.0f, size->height / 1080.0f);
  OverlayContent content;
  if (o.caption) {
    content.title = session->title();
    content.subtitle = session->subtitle();
  }
  content.legendHeading = session->legendHeading();
  content.legend = legendItems(*session, session->legend());
  content.credit = session->attribution();
  content.shortCredit = session->shortAttribution();
  std::string text = session->title() + session->subtitle() + session->attribution() + session->shortAttribution() +
                     session->legendHeading() + "\xE2\x80\xA6+";
  for (const auto& item : content.legend) text += item.label;
  initImGui(uiScale, 1.0f, &text);
  const float width = float(size->width), height = float(size->height);
  const OverlayLayout overlays = layOutOverlays(content, width, height, uiScale);
  const Framing framing = initialFraming(*session, o.focus, o.bbox);
  frameInto(canvas.camera(), framing, *session, ScreenRect{0, 0, width, height}, overlays, 1.0);
  canvas.setSelection(framing.focus);
  if (!canvas.update(size->width, size->height)) throw UsageError("cannot allocate a " + o.size + " image on this GPU");
  const auto tMap = Clock::now();

  // Text goes on top of the resolved map, drawn by the same ImGui code as the window's overlay.
  ImGui_ImplOpenGL3_Init("#version 330 core");
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = {width, height};
  io.DeltaTime = 1.0f / 60;
  canvas.image().bind();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  drawCaption(content.title, content.subtitle, overlays.caption, uiScale);
  drawLegend(content.legendHeading, content.legend, overlays.legend, uiScale);
  drawAttribution(overlays, uiScale);
  ImGui::Render();
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  finishGl();
  const auto tOverlay = Clock::now();
  std::vector<std::uint8_t> pixels = image.get();
  readPixelsBottomUp(canvas.image(), size->width, size->height, pixels);
  const auto tRead = Clock::now();
  ImGui_ImplOpenGL3_Shutdown();
  shutdownImGui();

  if (const std::string err = writePng(o.out, size->width, size->height, pixels, /*bottomUp=*/true); !err.empty()) {
    std::cerr << "councilmap: " << err << '\n';
    return 1;
  }
  const auto tEnd = Clock::now();
  if (storing.valid()) {
    storing.get();
    std::cerr << "councilmap: made levels of detail of " << layer.source << ", kept for its next export in " << cacheFolder()->string()
              << '\n';
  }
  const auto tStored = Clock::now();
  auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
  std::cerr << "councilmap: wrote " << o.out << " (" << size->width << "x" << size->height << ", " << session->visibleCount() << " areas, "
            << session->view.date.iso() << ")";
  if (o.common.verbose)
    std::cerr << " in " << ms(t0, tEnd) << " ms (map " << canvas.lastDrawMs() << " ms, to first image " << ms(t0, tMap) << " ms)";
  std::cerr << '\n';
  if (o.common.verbose) reportGdalLoad(std::cerr, "the image");
  // One line for scripts such as bench/peers: where the whole run's time went.
  if (o.timings)
    std::cerr << "councilmap: timings ms: load " << ms(t0, tLoad) << " gl " << ms(t0, tGl) << " prepare " << ms(tLoad, tPrepared)
              << " mesh " << ms(tPrepared, tMesh) << " draw " << ms(tMesh, tMap) << " overlay " << ms(tMap, tOverlay) << " readback "
              << ms(tOverlay, tRead) << " png " << ms(tRead, tEnd) << " total " << ms(t0, tEnd) << " cache " << ms(tEnd, tStored) << '\n';
  return 0;
}

void addExportCommand(CLI::App& app, int& exitCode) {
  auto* cmd = app.add_subcommand("export", "Render the map to a PNG without a window");
  auto o = std::make_shared<ExportOptions>();
  cmd->add_option("--out,-o", o->out, "PNG file to write")->required();
  cmd->add_option("--size", o->size, "Image size WIDTHxHEIGHT, up to 16384 a side")->capture_default_str();
  cmd->add_option("--focus", o->focus, "Frame and highlight the area with this GSS code, e.g. E09000014");
  cmd->add_option("--bbox", o->bbox, "Frame a WGS84 box lon1,lat1,lon2,lat2");
  cmd->add_option("--border-width", o->borderWidth, "Border width in pixels")->capture_default_str()->check(CLI::Range(0.0f, 50.0f));
  cmd->add_option("--samples", o->samples, "Multisampling for smooth edges (1 = off, 0 = auto: 4, or off on software rendering)")
      ->capture_default_str()
      ->check(CLI::Range(0, 16));
  addStyleOptions(*cmd, o->style);
  cmd->add_flag("!--no-caption", o->caption, "Leave out the title and date in the top-left corner");
  cmd->add_flag("--timings", o->timings,
                "Print where the time went: load and GL (at once), preparing levels of detail, mesh, draw, overlay, readback, PNG, then "
                "caching new levels");
  addCommonOptions(*cmd, o->common);
  cmd->callback([o, &exitCode] { exitCode = runExport(*o); });
}

}  // namespace cm
