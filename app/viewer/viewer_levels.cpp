// Levels of detail for a large --boundaries file the window meets for the first time: made on a
// second thread while the full detail is shown, kept in the user's cache (as export keeps them), and
// drawn from as soon as they are ready. Later runs read them back at start-up.
#include <iostream>

#include "app/viewer/viewer_window.h"
#include "store/cache/cache_file.h"
#include "store/cache/geometry_cache.h"

namespace cm {

void Viewer::startPreparingLevels() {
  const BoundarySet& layer = session_.boundaries();
  if (session_.data().usesCompiledDataset() || canvas_.levels().meshes.size() > 1 || !levelsWorthCaching(layer)) return;
  // A copy: the session may load other boundaries (another tier) meanwhile.
  auto set = std::make_shared<const BoundarySet>(layer);
  preparing_ = std::async(std::launch::async, [set] {
    auto levels = std::make_shared<const LevelsOfDetail>(buildLevelsOfDetail(*set));
    storeCachedLevels(*set, *levels);
    return PreparedLevels{geometryHash(*set), std::move(levels)};
  });
}

void Viewer::pollPreparedLevels() {
  if (!preparing_.valid() || preparing_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
  PreparedLevels ready = preparing_.get();
  if (ready.hash != geometryHash(session_.boundaries())) return;  // made for boundaries no longer shown
  canvas_.useLevels(std::move(ready.levels), session_);
  if (o_.common.verbose)
    std::cerr << "councilmap: levels of detail ready for " << session_.boundaries().source << ", kept in "
              << cacheFolder().value_or("").string() << '\n';
}

std::vector<std::string> Viewer::preparingNotice() const {
  if (!preparing_.valid()) return {};
  return {"Simplifying this file's borders for faster drawing\xE2\x80\xA6",
          "Once, in the background; kept for its next use. The full detail is shown meanwhile."};
}

}  // namespace cm
