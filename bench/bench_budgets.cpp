// The frame budgets of "fast at every scale": the window's map with every ward border drawn, at
// national and at city scale, 1280x800, on whatever renders (llvmpipe on the reference machine).
// They read the compiled dataset beside the program (build-dataset, as scripts/start.sh makes it),
// whose stored levels of detail the zoom picks from. Part of bench_core.
#include <algorithm>
#include <filesystem>

#include <benchmark/benchmark.h>

#include "app/gl_context.h"
#include "app/viewer/map_canvas.h"
#include "app/viewer/ward_layer.h"

using namespace cm;

namespace {

constexpr int kWidth = 1280, kHeight = 800;

// The viewer on 1 June 2016 (the 2013 GB and 2012 NI wards), its wards drawn as the window draws them.
struct WardsScene {
  WardsScene() : window((GlWindow::preferHeadless(), "bench"), 64, 64, false) {
    CommonOptions o;
    o.date = "2016-06-01";
    session = MapSession::open(o);
    canvas = std::make_unique<MapCanvas>(*session, 1);
    wards.ensureFor(*session);
    canvas->setOverlay(wards.drawable(), WardLayer::look());
    canvas->setOverlayStyles(wards.styles(*session));
    canvas->camera().setViewport(kWidth, kHeight);
  }
  GlWindow window;
  std::unique_ptr<MapSession> session;
  std::unique_ptr<MapCanvas> canvas;
  WardLayer wards;
};

WardsScene* scene(benchmark::State& state) {
  static WardsScene* s = nullptr;
  if (!s) s = new WardsScene;  // kept to the end: its GL objects need its context
  if (!s->session->data().usesCompiledDataset())
    state.SkipWithError("no compiled dataset beside the program: run councilmap build-dataset --out BUILD/councilmap-uk.gpkg");
  return s;
}

void frames(benchmark::State& state, WardsScene& s) {
  s.canvas->update(kWidth, kHeight);  // first draw makes the renderers of the levels in use
  for (auto _ : state) {
    s.canvas->invalidate();
    s.canvas->update(kWidth, kHeight);
  }
  state.counters["m_per_px"] = s.canvas->camera().metresPerPixel();
  state.counters["council_level_m"] = s.canvas->levels().tolerances[s.canvas->level()];
  state.counters["wards"] = double(s.wards.set()->features.size());
  // Where a frame goes, pass by pass (each waited on, so a little slower than the frame above).
  PassTimer timer;
  timer.enable(true);
  s.canvas->setPassTimer(&timer);
  for (int i = 0; i < 10; ++i) {
    s.canvas->invalidate();
    s.canvas->update(kWidth, kHeight);
  }
  s.canvas->setPassTimer(nullptr);
  for (const auto& [pass, ms] : timer.samples()) {
    std::string name = pass;
    std::replace(name.begin(), name.end(), ' ', '_');
    std::vector<double> v = ms;
    std::nth_element(v.begin(), v.begin() + long(v.size() / 2), v.end());
    state.counters[name + "_ms"] = v[v.size() / 2];
  }
}

}  // namespace

// All UK councils and every 2013 GB and 2012 NI ward border, the whole country in view. Budget 16.7 ms.
static void BM_FrameNationalAllWards(benchmark::State& state) {
  WardsScene& s = *scene(state);
  s.canvas->camera().fit(s.session->visibleExtent());
  frames(state, s);
}
BENCHMARK(BM_FrameNationalAllWards)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// Birmingham at 30 m a pixel, ward detail. Budget 16.7 ms.
static void BM_FrameBirminghamWards(benchmark::State& state) {
  WardsScene& s = *scene(state);
  s.canvas->camera().setCentre({407500, 287000});
  s.canvas->camera().setMetresPerPixel(30);
  frames(state, s);
}
BENCHMARK(BM_FrameBirminghamWards)->Unit(benchmark::kMillisecond)->MinTime(2.0);
