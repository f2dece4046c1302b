// Levels of detail: what simplifying costs at dataset build time, and what tessellating each level
// costs (the work the stored meshes save at startup). Part of bench_core.
#include <benchmark/benchmark.h>

#include "geo/arc_topology.h"
#include "geo/border_segments.h"
#include "geo/detail_levels.h"
#include "store/boundary_loader.h"
#include "store/lod_cache.h"

using namespace cm;

namespace {

const BoundarySet& layer(int which) {
  static const BoundarySet sets[] = {
      [] {
        Diagnostics d;
        return loadBoundaries({std::string(COUNCILMAP_TEST_DATA) + "/wards/wards_2013_gb_bgc_martinjc.gpkg", "", "", ""}, d);
      }(),
      [] {
        Diagnostics d;
        return loadBoundaries({std::string(COUNCILMAP_TEST_DATA) + "/boundaries/ons_uk_topojson_2014_2025.gpkg", "ltla", "", ""}, d);
      }(),
      [] {
        Diagnostics d;
        return loadBoundaries({std::string(COUNCILMAP_TEST_DATA) + "/boundaries/lad_2013_gb_lgd_2012_ni_martinjc.gpkg", "", "", ""}, d);
      }(),
  };
  return sets[which];
}

const char* kNames[] = {"wards 2013 GB", "councils 2014-2025", "councils 2013 GB"};

// Simplifying every level; counters give each level's vertices (the last is the full detail).
void BM_SimplifyCoverage(benchmark::State& state) {
  const BoundarySet& full = layer(int(state.range(0)));
  CoverageLevels lv;
  for (auto _ : state) lv = simplifyCoverage(full);
  state.SetLabel(kNames[state.range(0)]);
  for (std::size_t l = 0; l < lv.stats.size(); ++l)
    state.counters["v" + std::to_string(int(lv.tolerances[l])) + "m"] = double(lv.stats[l].vertices);
}
BENCHMARK(BM_SimplifyCoverage)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

// The shared arcs alone: single-threaded, at the start of simplifying.
void BM_ArcTopology(benchmark::State& state) {
  const BoundarySet& full = layer(int(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(buildArcTopology(full, 0.001));
  state.SetLabel(kNames[state.range(0)]);
}
BENCHMARK(BM_ArcTopology)->Arg(0)->Arg(2)->Unit(benchmark::kMillisecond);

// Tessellating one level: args are the layer and the level's tolerance in metres (0: full).
void BM_TessellateLevel(benchmark::State& state) {
  const BoundarySet& full = layer(int(state.range(0)));
  const double tol = double(state.range(1));
  BoundarySet set = full;
  if (tol > 0) set = simplifyCoverage(full, {.tolerances = {tol}}).sets.front();
  MapMesh mesh;
  for (auto _ : state) mesh = buildMapMesh(set);
  state.SetLabel(kNames[state.range(0)]);
  state.counters["vertices"] = double(mesh.vertices.size());
  state.counters["triangles"] = double(mesh.triangles.size() / 3);
}
BENCHMARK(BM_TessellateLevel)
    ->Args({0, 500})
    ->Args({0, 100})
    ->Args({0, 20})
    ->Args({0, 0})
    ->Args({1, 500})
    ->Args({1, 100})
    ->Args({1, 0})
    ->Unit(benchmark::kMillisecond);

// Finding each level's shared border segments (data/border_segments), done once per level when its
// renderer is made: args as BM_TessellateLevel.
void BM_BorderSegments(benchmark::State& state) {
  const BoundarySet& full = layer(int(state.range(0)));
  const double tol = double(state.range(1));
  BoundarySet set = full;
  if (tol > 0) set = simplifyCoverage(full, {.tolerances = {tol}}).sets.front();
  const MapMesh mesh = buildMapMesh(set);
  std::size_t shared = 0;
  for (auto _ : state) {
    const BorderSegments s = buildBorderSegments(mesh);
    shared = s.indices.size();
  }
  state.SetLabel(kNames[state.range(0)]);
  state.counters["segments"] = double(mesh.vertices.size());
  state.counters["indices"] = double(shared);
}
BENCHMARK(BM_BorderSegments)->Args({0, 500})->Args({0, 0})->Args({1, 500})->Unit(benchmark::kMillisecond);

// Reading the councils' stored levels from the compiled dataset, as the viewer does before its first
// frame (app/viewer/map_canvas.cpp): the rows, inflating them, and making meshes of them.
void BM_ReadStoredLevels(benchmark::State& state) {
  const std::string dataset = std::string(COUNCILMAP_BINARY_DIR) + "/councilmap-uk.gpkg";
  Diagnostics d;
  const BoundarySet councils = loadBoundaries({dataset, "councils_lower", "", ""}, d);
  std::size_t vertices = 0;
  for (auto _ : state) {
    const auto levels = readLevelsOfDetail(dataset, "councils_lower", councils);
    if (!levels) {
      state.SkipWithError("no stored levels: run councilmap build-dataset --out BUILD/councilmap-uk.gpkg");
      break;
    }
    vertices = 0;
    for (const auto& m : levels->meshes) vertices += m.vertices.size();
  }
  state.counters["vertices"] = double(vertices);
}
BENCHMARK(BM_ReadStoredLevels)->Unit(benchmark::kMillisecond);

}  // namespace
