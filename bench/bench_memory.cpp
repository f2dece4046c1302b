// Peak memory with every ward vintage loaded at once: the default session (the compiled dataset
// beside the program when there is one) and the 2013 GB, 2012 NI, December 2019 to 2022 and May
// 2023 wards, each with its levels of detail; then each drawn in turn at national and city scale,
// its renderers holding their buffers too (in system memory on llvmpipe). Prints the peak resident
// size after each step. It runs with the malloc settings the program runs with (app/launch/malloc_settings.h:
// the launcher sets them), unless GLIBC_TUNABLES already sets glibc.malloc.hugetlb.
// Usage: bench_memory
#include <cstdio>

#include <sys/resource.h>

#include "app/gl_context.h"
#include "app/launch/malloc_settings.h"
#include "app/viewer/map_canvas.h"
#include "app/viewer/ward_layer.h"

using namespace cm;

namespace {

double peakMb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return double(u.ru_maxrss) / 1024.0;
}

}  // namespace

int main(int, char** argv) {
  restartWithMallocSettings(argv);
  std::printf("GLIBC_TUNABLES=%s\n", std::getenv("GLIBC_TUNABLES") ? std::getenv("GLIBC_TUNABLES") : "");
  GlWindow::preferHeadless();
  GlWindow window("bench_memory", 64, 64, false);
  CommonOptions o;
  o.date = "2016-06-01";
  auto session = MapSession::open(o);
  std::printf("session (%s): peak %.0f MB\n", session->data().usesCompiledDataset() ? "compiled dataset" : "sources", peakMb());
  // One year in each vintage: 2013 GB + 2012 NI, then December 2019, 2020, 2021, 2022, May 2023.
  std::vector<std::unique_ptr<WardLayer>> vintages;
  for (const int year : {2016, 2019, 2020, 2021, 2022, 2024}) {
    session->view.date = {year, 6, 1};
    auto& wards = *vintages.emplace_back(std::make_unique<WardLayer>());
    wards.ensureFor(*session);
    std::printf("+ wards %-26s %5zu wards: peak %.0f MB\n", wards.vintage().c_str(), wards.set()->features.size(), peakMb());
  }
  std::printf("every vintage's sets and meshes loaded: peak %.0f MB\n", peakMb());
  // Then each drawn in the window's canvas, as the timeline would show them one after another.
  MapCanvas canvas(*session, 1);
  canvas.camera().setViewport(1280, 800);
  for (const auto& wards : vintages) {
    canvas.setOverlay(wards->drawable(), MapLook{});
    canvas.setOverlayStyles(wards->styles(*session));
    canvas.camera().fit(session->visibleExtent());
    canvas.update(1280, 800);
    canvas.camera().setCentre({407500, 287000});  // Birmingham, ward detail
    canvas.camera().setMetresPerPixel(30);
    canvas.invalidate();
    canvas.update(1280, 800);
  }
  std::printf("and each drawn at national and city scale: peak %.0f MB\n", peakMb());
  return 0;
}
