#include "app/map_canvas.h"

#include <chrono>

namespace cm {

MapCanvas::MapCanvas(const MapSession& session, int samples)
    : mesh_(buildMapMesh(session.boundaries())), renderer_(std::make_unique<MapRenderer>(mesh_)), samples_(samples) {
  restyle(session);
}

void MapCanvas::rebuild(const MapSession& session) {
  const MapLook look = renderer_->look();
  renderer_.reset();
  mesh_ = buildMapMesh(session.boundaries());
  renderer_ = std::make_unique<MapRenderer>(mesh_);
  renderer_->look() = look;
  hover_ = selection_ = std::nullopt;
  restyle(session);
}

void MapCanvas::restyle(const MapSession& session) {
  renderer_->setStyles(session.styles());
  dirty_ = true;
}

void MapCanvas::setHover(std::optional<std::uint32_t> f) {
  if (f == hover_) return;
  hover_ = f;
  renderer_->setHover(f);
  dirty_ = true;
}

void MapCanvas::setSelection(std::optional<std::uint32_t> f) {
  if (f == selection_) return;
  selection_ = f;
  renderer_->setSelection(f);
  dirty_ = true;
}

void MapCanvas::setOverlay(std::unique_ptr<MapMesh> mesh) {
  overlay_.reset();
  overlayMesh_ = std::move(mesh);
  if (overlayMesh_) overlay_ = std::make_unique<MapRenderer>(*overlayMesh_);
  dirty_ = true;
}

bool MapCanvas::update(int width, int height) {
  if (width != camera_.width() || height != camera_.height() || resolved_.width() != width || resolved_.height() != height) {
    camera_.setViewport(width, height);
    if (!resolved_.resize(width, height, 1)) return false;
    if (samples_ > 1 && !multisampled_.resize(width, height, samples_)) samples_ = 1;  // fall back to aliased
    dirty_ = true;
  }
  if (!dirty_) return true;
  const auto start = std::chrono::steady_clock::now();
  const Framebuffer& target = samples_ > 1 ? multisampled_ : resolved_;
  target.bind();
  renderer_->draw(camera_, false, timer_, "map");
  if (overlay_) overlay_->draw(camera_, /*asOverlay=*/true, timer_, "wards");
  if (timer_) timer_->begin("highlights");
  renderer_->drawHighlights(camera_);
  if (timer_) timer_->end();
  if (samples_ > 1) multisampled_.blitTo(resolved_.id(), width, height);
  glFinish();
  lastDrawMs_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  dirty_ = false;
  return true;
}

}  // namespace cm
