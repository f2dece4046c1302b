// Writes the scene of the "every ward border" budget (the viewer on 1 June 2016: all UK councils
// filled, every 2013 GB and 2012 NI ward border over them) at full detail, for bench/gpu_frames.
// Usage: gpu_scene_dump OUT.scene   (reads the compiled dataset beside the program, as bench_core)
#include <cstdio>

#include "app/viewer/map_canvas.h"
#include "app/viewer/ward_layer.h"
#include "bench/gpu_scene.h"

using namespace cm;

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s OUT.scene\n", argv[0]);
    return 2;
  }
  CommonOptions o;
  o.date = "2016-06-01";
  auto session = MapSession::open(o);
  if (!session->data().usesCompiledDataset()) {
    std::fprintf(stderr,
                 "gpu_scene_dump: no compiled dataset beside the program: run councilmap build-dataset --out BUILD/councilmap-uk.gpkg\n");
    return 1;
  }
  WardLayer wards;
  wards.ensureFor(*session);

  SavedScene scene;
  scene.extent = session->visibleExtent();
  const auto councilLevels = MapCanvas::readLevels(*session);
  scene.layers.push_back({councilLevels->meshes.back(), session->styles(), MapLook{}, false});
  const auto wardStyles = wards.styles(*session);
  std::size_t first = 0;
  for (const auto& part : wards.drawable()) {
    const MapMesh& mesh = part.levels().meshes.back();
    const std::size_t n = std::min(mesh.featureCount(), wardStyles.size() - std::min(first, wardStyles.size()));
    std::vector<FeatureStyle> styles(wardStyles.begin() + long(first), wardStyles.begin() + long(first + n));
    scene.layers.push_back({mesh, std::move(styles), WardLayer::look(), true});
    first += mesh.featureCount();
  }
  if (!saveScene(argv[1], scene)) {
    std::fprintf(stderr, "gpu_scene_dump: could not write %s\n", argv[1]);
    return 1;
  }
  std::size_t vertices = 0, triangles = 0;
  for (const auto& l : scene.layers) vertices += l.mesh.vertices.size(), triangles += l.mesh.triangles.size() / 3;
  std::printf("%s: %zu layers, %zu vertices, %zu triangles\n", argv[1], scene.layers.size(), vertices, triangles);
}
