#include "app/viewer/leveled_layer.h"

namespace cm {

LeveledLayer::LeveledLayer(std::shared_ptr<const LevelsOfDetail> levels)
    : levels_(std::move(levels)),
      renderers_(levels_->meshes.size()),
      segments_(levels_->meshes.size()),
      stylesSeen_(levels_->meshes.size(), ~std::uint64_t(0)) {}

void LeveledLayer::provideSegments(std::size_t level, BorderSegments segments) {
  if (level < segments_.size() && !renderers_[level]) segments_[level] = std::move(segments);
}

MapRenderer& LeveledLayer::rendererFor(double metresPerPixel, const std::shared_ptr<MapPrograms>& programs) {
  const std::size_t l = levelFor(metresPerPixel);
  if (!renderers_[l]) {
    if (segments_[l])
      renderers_[l] = std::make_unique<MapRenderer>(levels_->meshes[l], std::move(*segments_[l]), programs);
    else
      renderers_[l] = std::make_unique<MapRenderer>(levels_->meshes[l], programs);
    segments_[l].reset();
  }
  MapRenderer& r = *renderers_[l];
  if (stylesSeen_[l] != styleVersion_) {
    r.setStyles(styles_);
    stylesSeen_[l] = styleVersion_;
  }
  r.look() = look;
  r.setHover(hover);
  r.setSelection(selection);
  return r;
}

void LeveledLayer::setStyles(std::vector<FeatureStyle> styles) {
  styles_ = std::move(styles);
  ++styleVersion_;  // each level takes the table when it next draws: one upload per level in use
}

}  // namespace cm
