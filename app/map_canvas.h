#pragma once
#include <memory>

#include "app/map_session.h"
#include "data/map_mesh.h"
#include "render/camera.h"
#include "render/framebuffer.h"
#include "render/map_renderer.h"

namespace cm {

// The map as an image: geometry uploaded once, redrawn into a cached framebuffer only when the
// view, date or style changed. The viewer shows the cache every frame; export reads it.
class MapCanvas {
 public:
  explicit MapCanvas(const MapSession& session, int samples = 4);

  Camera& camera() { return camera_; }
  const Camera& camera() const { return camera_; }
  MapRenderer& renderer() { return *renderer_; }
  const MapMesh& mesh() const { return mesh_; }

  void restyle(const MapSession& session);  // after a date or colour change
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
  MapMesh mesh_;
  std::unique_ptr<MapRenderer> renderer_;
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
