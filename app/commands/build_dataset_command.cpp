#include "app/commands/build_dataset_command.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>

#include "app/map_session.h"
#include "app/viewer/map_canvas.h"
#include "base/atomic_file.h"
#include "store/cache/cache_file.h"
#include "store/data_locator.h"
#include "store/dataset_compiler.h"

namespace cm {
namespace {

// A one-line bar on a terminal; on a pipe or log, a line per step so logs stay readable.
class ProgressBar {
 public:
  void operator()(double fraction, const std::string& step) {
    const int percent = int(fraction * 100 + 0.5);
    if (isatty(STDERR_FILENO)) {
      constexpr int kWidth = 32;
      const int filled = int(fraction * kWidth);
      std::fprintf(stderr, "\r[%.*s%*s] %3d%%  %-22s", filled, "================================", kWidth - filled, "", percent,
                   step.c_str());
      if (fraction >= 1) std::fputc('\n', stderr);
    } else if (step != lastStep_) {
      std::fprintf(stderr, "councilmap: %3d%% %s\n", percent, step.c_str());
    }
    lastStep_ = step;
    std::fflush(stderr);
  }

 private:
  std::string lastStep_;
};

void printLodReport(const std::vector<LodLayerReport>& layers) {
  for (const auto& r : layers) {
    std::fprintf(stderr, "councilmap: %-16s simplified in %4.0f ms, tessellated in %4.0f ms, %6.1f MB stored:", r.layer.c_str(),
                 r.build.simplifyMs, r.build.tessellateMs, double(r.bytes) / (1 << 20));
    for (std::size_t l = 0; l < r.kept.size(); ++l)
      std::fprintf(stderr, " %s %zu vertices %zu triangles%s", r.kept[l] > 0 ? (std::to_string(int(r.kept[l])) + " m").c_str() : "full",
                   r.vertices[l], r.triangles[l], l + 1 < r.kept.size() ? ";" : "\n");
  }
}

// Reads the new file as the window's first start will, so that the user's cache holds it: that start
// then reads only the cache, as every later one does, instead of loading GDAL (store/gdal/gdal_module.h).
void fillCacheFor(const std::string& dataset) {
  if (!cacheFolder()) return;
  try {
    CommonOptions o;
    o.dataset = dataset;
    const auto session = MapSession::open(o);
    MapCanvas::readLevels(*session);
    session->data().loadDeferred();
  } catch (const std::exception& e) {  // the file is written; only the next start is slower
    std::cerr << "councilmap: note: could not read " << dataset << " back into the cache: " << e.what() << '\n';
  }
}

}  // namespace

void addBuildDatasetCommand(CLI::App& app, int& exitCode) {
  auto* cmd = app.add_subcommand(
      "build-dataset", "Compile boundaries of every year and tier, wards, parties, control, events and factions into one GeoPackage");
  auto out = std::make_shared<std::string>("councilmap-uk.gpkg");
  auto dataDir = std::make_shared<std::string>();
  cmd->add_option("--out,-o", *out, "GeoPackage to write (replaced only once complete)")->capture_default_str();
  cmd->add_option("--data", *dataDir, "Data folder (default as for the map)");
  auto verbose = std::make_shared<bool>(false);
  cmd->add_flag("-v,--verbose", *verbose, "Report each layer's levels of detail: vertices, triangles, size and time");
  cmd->callback([out, dataDir, verbose, &exitCode] {
    std::vector<std::string> tried;
    const auto loc = locateDataDir(*dataDir, COUNCILMAP_SOURCE_DIR, &tried);
    if (!loc) throw UsageError("no data folder found (looked in " + std::to_string(tried.size()) + " places); give one with --data DIR");
    // A GeoPackage is a database: it needs a regular file, and a device or a pipe must never be replaced by one.
    if (*out == "-" || resolveWriteTarget(*out).writeThrough)
      throw UsageError("--out " + *out + ": a GeoPackage can only be written to a regular file");
    const auto start = std::chrono::steady_clock::now();
    std::cerr << "councilmap: building " << *out << " from " << loc->dir.string() << '\n';
    Diagnostics diag;
    ProgressBar bar;
    std::vector<LodLayerReport> lod;
    const bool ok =
        compileDataset({loc->dir, std::filesystem::path(COUNCILMAP_SOURCE_DIR) / "data" / "tables", *out, std::ref(bar), &lod}, diag);
    diag.print(std::cerr, Severity::Warning);
    if (*verbose) printLodReport(lod);
    if (!ok) {
      exitCode = 1;
      return;
    }
    std::cerr << "councilmap: wrote " << *out << " (" << std::filesystem::file_size(*out) / (1024 * 1024) << " MB) in "
              << std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() << " s\n";
    fillCacheFor(*out);
  });
}

}  // namespace cm
