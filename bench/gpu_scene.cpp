#include "bench/gpu_scene.h"

#include <cstdint>

#include "store/cache/cache_file.h"

namespace cm {

namespace {
constexpr std::uint64_t kMagic = 0x314e454353504d43ull;  // "CMPSCEN1"
}

bool saveScene(const std::filesystem::path& path, const SavedScene& scene) {
  CacheWriter out(path);
  out.put(kMagic);
  out.put(scene.extent);
  out.put(std::uint64_t(scene.layers.size()));
  for (const auto& layer : scene.layers) {
    out.put(layer.mesh.origin);
    out.putArray(layer.mesh.vertices);
    out.putArray(layer.mesh.triangles);
    out.putArray(layer.mesh.fillRanges);
    out.putArray(layer.mesh.borderRanges);
    out.putArray(layer.styles);
    out.put(layer.look);
    out.put(std::uint8_t(layer.overlay));
  }
  return out.commit();
}

std::optional<SavedScene> loadScene(const std::filesystem::path& path) {
  CacheReader in(path);
  if (in.get<std::uint64_t>() != kMagic) return std::nullopt;
  SavedScene scene;
  scene.extent = in.get<Box>();
  const auto layers = in.get<std::uint64_t>();
  for (std::uint64_t i = 0; in.ok() && i < layers; ++i) {
    SceneLayer& layer = scene.layers.emplace_back();
    layer.mesh.origin = in.get<Point2>();
    layer.mesh.vertices = in.getArray<MeshVertex>();
    layer.mesh.triangles = in.getArray<std::uint32_t>();
    layer.mesh.fillRanges = in.getArray<IndexRange>();
    layer.mesh.borderRanges = in.getArray<IndexRange>();
    layer.styles = in.getArray<FeatureStyle>();
    layer.look = in.get<MapLook>();
    layer.overlay = in.get<std::uint8_t>() != 0;
  }
  if (!in.atEnd()) return std::nullopt;
  return scene;
}

}  // namespace cm
