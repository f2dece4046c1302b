#include "app/map_canvas.h"

#include <chrono>

#include "data/lod_cache.h"

namespace cm {

MapCanvas::MapCanvas(const MapSession& session, int samples) : samples_(samples) {
  loadLevels(session);
  restyle(session);
}

void MapCanvas::loadLevels(const MapSession& session) {
  renderers_.clear();
  stylesSeen_.clear();
  // Stored levels only: simplifying at start-up would cost more than drawing the full detail saves.
  std::optional<LevelsOfDetail> stored;
  if (const auto path = session.compiledDatasetPath())
    stored = readLevelsOfDetail(*path, session.boundaries().layer, session.boundaries());
  if (stored && !stored->empty()) {
    lod_ = std::move(*stored);
  } else {
    lod_ = {};
    lod_.tolerances = {0};
    lod_.meshes.push_back(buildMapMesh(session.boundaries()));
  }
  renderers_.resize(lod_.meshes.size());
  stylesSeen_.assign(lod_.meshes.size(), ~std::uint64_t(0));
}

MapRenderer& MapCanvas::renderer() {
  const std::size_t l = level();
  if (!renderers_[l]) renderers_[l] = std::make_unique<MapRenderer>(lod_.meshes[l]);
  MapRenderer& r = *renderers_[l];
  if (stylesSeen_[l] != styleVersion_) {
    r.setStyles(styles_);
    stylesSeen_[l] = styleVersion_;
  }
  r.look() = look_;
  r.setHover(hover_);
  r.setSelection(selection_);
  return r;
}

void MapCanvas::rebuild(const MapSession& session) {
  hover_ = selection_ = std::nullopt;
  loadLevels(session);
  restyle(session);
}

void MapCanvas::restyle(const MapSession& session) { setStyles(session.styles()); }

void MapCanvas::setStyles(std::vector<FeatureStyle> styles) {
  styles_ = std::move(styles);
  ++styleVersion_;  // renderers take the table when they next draw: one upload per level in use
  dirty_ = true;
}

void MapCanvas::setHover(std::optional<std::uint32_t> f) {
  if (f == hover_) return;
  hover_ = f;
  dirty_ = true;
}

void MapCanvas::setSelection(std::optional<std::uint32_t> f) {
  if (f == selection_) return;
  selection_ = f;
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
  MapRenderer& councils = renderer();
  councils.draw(camera_, false, timer_, "map");
  if (overlay_) overlay_->draw(camera_, /*asOverlay=*/true, timer_, "wards");
  if (timer_) timer_->begin("highlights");
  councils.drawHighlights(camera_);
  if (timer_) timer_->end();
  if (samples_ > 1) multisampled_.blitTo(resolved_.id(), width, height);
  glFinish();
  lastDrawMs_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  dirty_ = false;
  return true;
}

}  // namespace cm
