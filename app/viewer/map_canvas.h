#pragma once
#include <memory>
#include <vector>

#include "app/map_session.h"
#include "app/viewer/leveled_layer.h"
#include "render/camera.h"
#include "render/framebuffer.h"

namespace cm {

// The map as an image: geometry uploaded once, redrawn into a cached framebuffer only when the
// view, date or style changed. The viewer shows the cache every frame; export reads it.
// Each layer is drawn from the level of detail whose simplification stays under a pixel at the
// current zoom (levels read from the compiled dataset; the full detail only otherwise).
class MapCanvas {
 public:
  // `levels`: the councils' levels of detail if read already (readLevels), else read here.
  // `programs`: the shader programs to draw with, if warmed up already (warmUpMapShaders), else made here.
  explicit MapCanvas(const MapSession& session, int samples = 4, std::shared_ptr<const LevelsOfDetail> levels = nullptr,
                     std::shared_ptr<MapPrograms> programs = nullptr);
  // The councils' stored levels of detail (the full detail alone when none are stored). Reads files
  // and builds meshes, no GL: a loader thread can call it while the window starts.
  static std::shared_ptr<const LevelsOfDetail> readLevels(const MapSession& session);

  Camera& camera() { return camera_; }
  const Camera& camera() const { return camera_; }
  MapLook& look() { return councils_->look; }
  // The councils' renderer for the current zoom.
  MapRenderer& renderer() { return councils_->rendererFor(camera_.metresPerPixel(), programs_); }
  const MapMesh& mesh() const { return councils_->levels().meshes.back(); }  // the full detail
  std::size_t level() const { return councils_->levelFor(camera_.metresPerPixel()); }
  const LevelsOfDetail& levels() const { return councils_->levels(); }

  void restyle(const MapSession& session);  // after a date or colour change
  void setStyles(std::vector<FeatureStyle> styles);
  void rebuild(const MapSession& session);  // after the session's boundaries changed (another tier)
  // Draws the session's boundaries from these levels from now on (made in the background).
  void useLevels(std::shared_ptr<const LevelsOfDetail> levels, const MapSession& session);
  void setHover(std::optional<std::uint32_t> f);
  void setSelection(std::optional<std::uint32_t> f);

  // A second layer drawn over the councils (wards), made of parts whose features follow one
  // another in one numbering (2013 GB wards, then 2012 NI wards). Empty removes it.
  void setOverlay(std::vector<LeveledLayer> parts, MapLook look);
  bool hasOverlay() const { return !overlay_.empty(); }
  void setOverlayStyles(const std::vector<FeatureStyle>& styles);
  void setOverlaySelection(std::optional<std::uint32_t> feature);
  std::size_t overlayLevel() const { return overlay_.empty() ? 0 : overlay_.front().levelFor(camera_.metresPerPixel()); }

  void invalidate() { dirty_ = true; }
  void setPassTimer(PassTimer* t) { timer_ = t; }
  // Draws the map at this size if anything changed; returns false if the size cannot be allocated.
  bool update(int width, int height);
  const Framebuffer& image() const { return resolved_; }
  // Shows the image last drawn in the window (framebuffer 0).
  void copyToWindow() { programs_->copyToWindow(resolved_); }
  // Draws the map straight into the window (framebuffer 0) instead, leaving the image to the next
  // update: a window's first frame then waits neither for the image nor for its copy (whose shader
  // llvmpipe compiles on first use). False, drawing nothing, when multisampled (the window is not).
  bool drawToWindow(int width, int height);
  double lastDrawMs() const { return lastDrawMs_; }

 private:
  void drawLayers();                       // into the bound framebuffer, at the camera's viewport
  std::shared_ptr<MapPrograms> programs_;  // every layer's renderers draw with these
  std::optional<LeveledLayer> councils_;
  std::vector<LeveledLayer> overlay_;
  Camera camera_;
  Framebuffer multisampled_, resolved_;
  int samples_;
  bool dirty_ = true;
  double lastDrawMs_ = 0;
  PassTimer* timer_ = nullptr;
};

}  // namespace cm
