#pragma once
#include <memory>
#include <vector>

#include "app/map_session.h"
#include "data/detail_levels.h"
#include "data/map_mesh.h"
#include "render/camera.h"
#include "render/framebuffer.h"
#include "render/map_renderer.h"

namespace cm {

// The map as an image: geometry uploaded once, redrawn into a cached framebuffer only when the
// view, date or style changed. The viewer shows the cache every frame; export reads it.
// The councils are drawn from the level of detail whose simplification stays under a pixel at
// the current zoom (levels read from the compiled dataset; the full detail only otherwise).
class MapCanvas {
 public:
  explicit MapCanvas(const MapSession& session, int samples = 4);

  Camera& camera() { return camera_; }
  const Camera& camera() const { return camera_; }
  MapLook& look() { return look_; }
  // The renderer of the level the current zoom calls for (created on first use).
  MapRenderer& renderer();
  const MapMesh& mesh() const { return lod_.meshes.back(); }  // the full detail
  std::size_t level() const { return lod_.pick(camera_.metresPerPixel()); }
  const LevelsOfDetail& levels() const { return lod_; }

  void restyle(const MapSession& session);  // after a date or colour change
  void setStyles(std::vector<FeatureStyle> styles);
  void rebuild(const MapSession& session);  // after the session's boundaries changed (another tier)
  // A second layer drawn over the councils (wards); null removes it.
  void setOverlay(std::unique_ptr<MapMesh> mesh);
  MapRenderer* overlay() { return overlay_.get(); }
  void setHover(std::optional<std::uint32_t> f);
  void setSelection(std::optional<std::uint32_t> f);
  void invalidate() { dirty_ = true; }
  void setPassTimer(PassTimer* t) { timer_ = t; }

  // Draws the map at this size if anything changed; returns false if the size cannot be allocated.
  bool update(int width, int height);
  const Framebuffer& image() const { return resolved_; }
  double lastDrawMs() const { return lastDrawMs_; }

 private:
  void loadLevels(const MapSession& session);
  LevelsOfDetail lod_;
  std::vector<std::unique_ptr<MapRenderer>> renderers_;  // one per level, index-aligned with lod_
  std::vector<std::uint64_t> stylesSeen_;                // style version each renderer holds
  std::vector<FeatureStyle> styles_;
  std::uint64_t styleVersion_ = 0;
  MapLook look_;
  std::unique_ptr<MapMesh> overlayMesh_;
  std::unique_ptr<MapRenderer> overlay_;
  Camera camera_;
  Framebuffer multisampled_, resolved_;
  int samples_;
  bool dirty_ = true;
  std::optional<std::uint32_t> hover_, selection_;
  double lastDrawMs_ = 0;
  PassTimer* timer_ = nullptr;
};

}  // namespace cm
