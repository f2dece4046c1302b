#include "app/leveled_layer.h"

namespace cm {

LeveledLayer::LeveledLayer(std::shared_ptr<const LevelsOfDetail> levels)
    : levels_(std::move(levels)), renderers_(levels_->meshes.size()), stylesSeen_(levels_->meshes.size(), ~std::uint64_t(0)) {}

MapRenderer& LeveledLayer::rendererFor(double metresPerPixel, const std::shared_ptr<MapPrograms>& programs) {
  const std::size_t l = levelFor(metresPerPixel);
  if (!renderers_[l]) renderers_[l] = std::make_unique<MapRenderer>(levels_->meshes[l], programs);
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
