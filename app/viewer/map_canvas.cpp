#include "app/viewer/map_canvas.h"

#include <chrono>

#include "render/gl_frame.h"
#include "store/cache/geometry_cache.h"
#include "store/lod_cache.h"

namespace cm {

MapCanvas::MapCanvas(const MapSession& session, int samples, std::shared_ptr<const LevelsOfDetail> levels,
                     std::shared_ptr<MapPrograms> programs)
    : programs_(programs ? std::move(programs) : std::make_shared<MapPrograms>()), samples_(samples) {
  councils_.emplace(levels ? std::move(levels) : readLevels(session));
  restyle(session);
}

std::shared_ptr<const LevelsOfDetail> MapCanvas::readLevels(const MapSession& session) {
  return std::make_shared<const LevelsOfDetail>(
      storedLevelsOrFullDetail(session.boundaries(), session.data().compiledDatasetPath(), session.boundaries().layer));
}

void MapCanvas::useLevels(std::shared_ptr<const LevelsOfDetail> levels, const MapSession& session) {
  const MapLook look = councils_ ? councils_->look : MapLook{};
  const auto hover = councils_ ? councils_->hover : std::nullopt, selection = councils_ ? councils_->selection : std::nullopt;
  councils_.emplace(std::move(levels));
  councils_->look = look;
  councils_->hover = hover;
  councils_->selection = selection;
  restyle(session);
}

void MapCanvas::rebuild(const MapSession& session) {
  useLevels(readLevels(session), session);
  councils_->hover = councils_->selection = std::nullopt;  // other features now
  dirty_ = true;
}

void MapCanvas::restyle(const MapSession& session) { setStyles(session.styles()); }

void MapCanvas::setStyles(std::vector<FeatureStyle> styles) {
  councils_->setStyles(std::move(styles));
  dirty_ = true;
}

void MapCanvas::setHover(std::optional<std::uint32_t> f) {
  if (f == councils_->hover) return;
  councils_->hover = f;
  dirty_ = true;
}

void MapCanvas::setSelection(std::optional<std::uint32_t> f) {
  if (f == councils_->selection) return;
  councils_->selection = f;
  dirty_ = true;
}

void MapCanvas::setOverlay(std::vector<LeveledLayer> parts, MapLook look) {
  overlay_ = std::move(parts);
  for (auto& p : overlay_) p.look = look;
  dirty_ = true;
}

void MapCanvas::setOverlayStyles(const std::vector<FeatureStyle>& styles) {
  std::size_t first = 0;
  for (auto& part : overlay_) {
    const std::size_t n = part.featureCount();
    const auto from = styles.begin() + std::ptrdiff_t(std::min(first, styles.size()));
    const auto to = styles.begin() + std::ptrdiff_t(std::min(first + n, styles.size()));
    part.setStyles(std::vector<FeatureStyle>(from, to));
    first += n;
  }
  dirty_ = true;
}

void MapCanvas::setOverlaySelection(std::optional<std::uint32_t> feature) {
  std::size_t first = 0;
  for (auto& part : overlay_) {
    const std::size_t n = part.featureCount();
    part.selection = feature && *feature >= first && *feature < first + n ? std::optional(std::uint32_t(*feature - first)) : std::nullopt;
    first += n;
  }
  dirty_ = true;
}

void MapCanvas::drawLayers() {
  const double mpp = camera_.metresPerPixel();
  MapRenderer& councils = councils_->rendererFor(mpp, programs_);
  councils.draw(camera_, false, timer_, "map");
  for (auto& part : overlay_) part.rendererFor(mpp, programs_).draw(camera_, /*asOverlay=*/true, timer_, "wards");
  if (timer_) timer_->begin("highlights");
  for (auto& part : overlay_)
    if (part.selection) part.rendererFor(mpp, programs_).drawHighlights(camera_);
  councils.drawHighlights(camera_);
  if (timer_) timer_->end();
}

bool MapCanvas::drawToWindow(int width, int height) {
  if (samples_ > 1) return false;
  camera_.setViewport(width, height);
  cm::drawToWindow(width, height);
  drawLayers();
  dirty_ = true;  // the image is still to be drawn
  return true;
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
  drawLayers();
  if (samples_ > 1) multisampled_.blitTo(resolved_.id(), width, height);
  finishGl();
  lastDrawMs_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  dirty_ = false;
  return true;
}

}  // namespace cm
