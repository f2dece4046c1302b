#pragma once
// A map scene in one file: each layer's full-detail mesh, style table and look, and the extent to
// frame. bench/gpu_scene_dump writes it from the compiled dataset; bench/gpu_frames draws it on a
// machine that has a GPU but neither GDAL nor SDL (see bench/gpu_frames.sh).
#include <filesystem>
#include <optional>
#include <vector>

#include "geo/map_mesh.h"
#include "render/map_renderer.h"

namespace cm {

struct SceneLayer {
  MapMesh mesh;
  std::vector<FeatureStyle> styles;
  MapLook look;
  bool overlay = false;  // drawn over the layers before it (the wards over the councils)
};

struct SavedScene {
  Box extent;
  std::vector<SceneLayer> layers;
};

bool saveScene(const std::filesystem::path& path, const SavedScene& scene);
std::optional<SavedScene> loadScene(const std::filesystem::path& path);  // nullopt if missing or damaged

}  // namespace cm
