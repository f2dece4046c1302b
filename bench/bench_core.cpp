// Benchmarks for the foundation's speed targets. Run: build/bench/bench_core
// (GL benchmarks render through SDL's offscreen driver, so on this machine they measure llvmpipe.)
#include <filesystem>
#include <optional>
#include <random>

#include <benchmark/benchmark.h>
#include <epoxy/gl.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "app/gl_context.h"
#include "app/viewer/map_canvas.h"
#include "app/viewer/ward_layer.h"
#include "geo/map_mesh.h"
#include "geo/picker.h"
#include "politics/control_history.h"
#include "store/boundary_loader.h"
#include "store/data_locator.h"
#include "store/png_writer.h"
#include "store/projection.h"
#include "store/record_files.h"

using namespace cm;

namespace {

std::string shared(const std::string& rel) { return std::string(COUNCILMAP_TEST_DATA) + "/" + rel; }

const BoundarySet& gb2013() {
  static const BoundarySet s = [] {
    Diagnostics d;
    return loadBoundaries({shared("boundaries/lad_2013_gb_lgd_2012_ni_martinjc.gpkg"), "lad_2013_gb", "", ""}, d);
  }();
  return s;
}

CommonOptions defaultOptions() {
  CommonOptions o;
  o.dataDir = COUNCILMAP_TEST_DATA;
  o.date = "2025-06-01";
  return o;
}

}  // namespace

static void BM_LoadDefaultCouncils(benchmark::State& state) {
  for (auto _ : state) {
    Diagnostics d;
    auto set = loadBoundaries({shared(kDefaultBoundaries), kDefaultBoundaryLayer, "", ""}, d);
    benchmark::DoNotOptimize(set.points.data());
  }
}
BENCHMARK(BM_LoadDefaultCouncils)->Unit(benchmark::kMillisecond);

static void BM_TessellateGb2013Councils(benchmark::State& state) {
  const BoundarySet& set = gb2013();
  std::size_t triangles = 0;
  for (auto _ : state) {
    const MapMesh mesh = buildMapMesh(set);
    triangles = mesh.triangles.size() / 3;
  }
  state.counters["vertices"] = double(set.vertexCount());
  state.counters["triangles"] = double(triangles);
}
BENCHMARK(BM_TessellateGb2013Councils)->Unit(benchmark::kMillisecond);

static void BM_QueryPoint(benchmark::State& state) {
  auto session = MapSession::open(defaultOptions());
  std::mt19937 rng(42);
  std::uniform_real_distribution<double> lon(-8.0, 1.7), lat(50.0, 58.5);
  std::vector<std::pair<double, double>> pts(4096);
  for (auto& p : pts) p = {lon(rng), lat(rng)};
  std::size_t i = 0, hits = 0;
  for (auto _ : state) {
    auto [x, y] = pts[i++ & 4095];
    Transform::wgs84ToMap().apply(x, y);
    hits += session->featureAt({x, y}).has_value();
  }
  state.counters["hit_rate"] = double(hits) / double(state.iterations());
}
BENCHMARK(BM_QueryPoint)->Unit(benchmark::kMicrosecond);

// Every council's control, seats, faction and disputes at a date: what the timeline recomputes
// on each step. Dates sweep 2016-2025 so caches cannot help.
static void BM_StateAtDate(benchmark::State& state) {
  auto session = MapSession::open(defaultOptions());
  const PoliticalData data = session->political();
  int day = daysSinceEpoch({2016, 1, 1});
  std::size_t councils = 0;
  for (auto _ : state) {
    const Date d = dateFromDays(day);
    day = day >= daysSinceEpoch({2025, 12, 31}) ? daysSinceEpoch({2016, 1, 1}) : day + 7;
    const auto states = data.stateAt(session->boundaries(), d);
    benchmark::DoNotOptimize(states.data());
    councils = session->boundaries().featuresIn(d.year).size();
  }
  state.counters["councils"] = double(councils);
}
BENCHMARK(BM_StateAtDate)->Unit(benchmark::kMicrosecond);

// What the window's loader thread reads before the first frame, from the compiled dataset beside the
// program (build-dataset, as scripts/start.sh makes it): the whole session, and its largest table.
static std::optional<std::string> compiledDatasetOrSkip(benchmark::State& state) {
  auto session = MapSession::open(CommonOptions{});
  if (auto path = session->data().compiledDatasetPath()) return path;
  state.SkipWithError("no compiled dataset beside the program: run councilmap build-dataset --out BUILD/councilmap-uk.gpkg");
  return std::nullopt;
}

static void BM_OpenCompiledSession(benchmark::State& state) {
  if (!compiledDatasetOrSkip(state)) return;
  for (auto _ : state) {
    auto session = MapSession::open(CommonOptions{});
    benchmark::DoNotOptimize(session.get());
  }
}
BENCHMARK(BM_OpenCompiledSession)->Unit(benchmark::kMillisecond);

static void BM_ReadControlPeriods(benchmark::State& state) {
  const auto path = compiledDatasetOrSkip(state);
  if (!path) return;
  for (auto _ : state) {
    Diagnostics d;
    const ControlHistory history = readCompiledControl(*path, d);
    benchmark::DoNotOptimize(&history);
  }
}
BENCHMARK(BM_ReadControlPeriods)->Unit(benchmark::kMillisecond);

namespace {
struct GlFixture {
  GlFixture() : window((GlWindow::preferHeadless(), "bench"), 64, 64, false), session(MapSession::open(defaultOptions())) {
    canvas = std::make_unique<MapCanvas>(*session, 1);
  }
  GlWindow window;
  std::unique_ptr<MapSession> session;
  std::unique_ptr<MapCanvas> canvas;
};
GlFixture& gl() {
  static GlFixture f;
  return f;
}
}  // namespace

// A date or colour change: compute every feature's style and upload the table (no geometry touched).
static void BM_RecolourAllFeatures(benchmark::State& state) {
  auto& f = gl();
  std::uint8_t shade = 0;
  std::size_t features = 0;
  for (auto _ : state) {
    auto styles = f.session->styles();
    for (auto& s : styles) s.fill.r = shade;
    ++shade;
    f.canvas->renderer().setStyles(styles);
    glFinish();
    features = styles.size();
  }
  state.counters["features"] = double(features);
}
BENCHMARK(BM_RecolourAllFeatures)->Unit(benchmark::kMicrosecond);

// A whole national-view map frame at 1280x800 (fills, 1 px borders, resolve), waited on with glFinish.
static void BM_FrameNationalView(benchmark::State& state) {
  auto& f = gl();
  MapCanvas canvas(*f.session, int(state.range(0)));
  canvas.update(1280, 800);
  canvas.camera().fit(f.session->visibleExtent());
  for (auto _ : state) {
    canvas.invalidate();
    canvas.update(1280, 800);
  }
  state.SetLabel(state.range(0) > 1 ? "4x MSAA" : "no MSAA");
  state.counters["vertices"] = double(canvas.mesh().vertices.size());
}
BENCHMARK(BM_FrameNationalView)->Arg(1)->Arg(4)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// The same frame without borders, to split the time between the fill and border passes.
static void BM_FrameNationalViewFillOnly(benchmark::State& state) {
  auto& f = gl();
  MapCanvas canvas(*f.session, 1);
  canvas.look().borderWidth = 0;
  canvas.update(1280, 800);
  canvas.camera().fit(f.session->visibleExtent());
  for (auto _ : state) {
    canvas.invalidate();
    canvas.update(1280, 800);
  }
}
BENCHMARK(BM_FrameNationalViewFillOnly)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// Reprojecting every vertex of the 2013 GB wards from WGS 84: Transform's closed form (arg 1)
// against GDAL's transformation (arg 0), in the loader's batches of one feature at a time.
static void BM_ReprojectWards2013(benchmark::State& state) {
  static const auto batches = [] {
    std::vector<std::vector<Point2>> out;
    GDALAllRegister();
    std::unique_ptr<GDALDataset> ds(static_cast<GDALDataset*>(
        GDALOpenEx(shared("wards/wards_2013_gb_bgc_martinjc.gpkg").c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr)));
    for (auto& f : *ds->GetLayer(0)) {
      auto& pts = out.emplace_back();
      OGRGeometry* g = f->GetGeometryRef();
      for (const auto* poly : *g->toMultiPolygon())
        for (const auto* ring : *poly)
          for (int i = 0; i < ring->getNumPoints(); ++i) pts.push_back({ring->getX(i), ring->getY(i)});
    }
    return out;
  }();
  const Transform& t = Transform::wgs84ToMap();
  std::size_t n = 0;
  std::vector<double> xs, ys;
  std::vector<int> ok;
  for (auto _ : state) {
    n = 0;
    for (const auto& b : batches) {
      xs.resize(b.size()), ys.resize(b.size()), ok.resize(b.size());
      for (std::size_t i = 0; i < b.size(); ++i) xs[i] = b[i].x, ys[i] = b[i].y;
      if (state.range(0))
        t.applyMany(b.size(), xs.data(), ys.data(), ok.data());
      else
        t.ogr()->Transform(b.size(), xs.data(), ys.data(), nullptr, ok.data());
      n += b.size();
    }
  }
  state.SetLabel(state.range(0) ? "closed form" : "GDAL/PROJ");
  state.counters["vertices"] = double(n);
}
BENCHMARK(BM_ReprojectWards2013)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// Encoding a 3840x2160 map (the default councils, national view) as PNG.
static void BM_WritePng(benchmark::State& state) {
  auto& f = gl();
  const int w = 3840, h = 2160;
  MapCanvas canvas(*f.session, 1);
  canvas.camera().setViewport(w, h);
  canvas.camera().fit(f.session->visibleExtent());
  canvas.update(w, h);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, canvas.image().id());
  const auto pixels = readPixelsTopDown(w, h);
  const std::string out = std::filesystem::temp_directory_path() / "councilmap-bench.png";
  for (auto _ : state) writePng(out, w, h, pixels);
  state.counters["bytes"] = double(std::filesystem::file_size(out));
  std::filesystem::remove(out);
}
BENCHMARK(BM_WritePng)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
