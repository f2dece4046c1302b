#pragma once
#include <memory>
#include <optional>
#include <vector>

#include "geo/detail_levels.h"
#include "render/map_renderer.h"

namespace cm {

// One boundary layer drawn from its levels of detail: the level the zoom calls for, its renderer
// made on first use, and the style table and highlights handed to whichever level draws next.
class LeveledLayer {
 public:
  explicit LeveledLayer(std::shared_ptr<const LevelsOfDetail> levels);

  // The renderer of the level for this zoom, made on first use with `programs` (see MapPrograms), with
  // the current styles, look and highlights applied.
  MapRenderer& rendererFor(double metresPerPixel, const std::shared_ptr<MapPrograms>& programs);
  std::size_t levelFor(double metresPerPixel) const { return levels_->pick(metresPerPixel); }
  const LevelsOfDetail& levels() const { return *levels_; }
  std::size_t featureCount() const { return levels_->meshes.back().featureCount(); }

  void setStyles(std::vector<FeatureStyle> styles);
  // A level's border segments, found beforehand (on another thread): its renderer is then made
  // without finding them on the thread that draws.
  void provideSegments(std::size_t level, BorderSegments segments);
  MapLook look;
  std::optional<std::uint32_t> hover, selection;

 private:
  std::shared_ptr<const LevelsOfDetail> levels_;
  std::vector<std::unique_ptr<MapRenderer>> renderers_;  // one per level
  std::vector<std::optional<BorderSegments>> segments_;  // provided for a level whose renderer is still to be made
  std::vector<std::uint64_t> stylesSeen_;                // the style version each renderer holds
  std::vector<FeatureStyle> styles_;
  std::uint64_t styleVersion_ = 0;
};

}  // namespace cm
