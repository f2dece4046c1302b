#pragma once
#include <memory>
#include <string>
#include <vector>

#include "app/leveled_layer.h"
#include "app/map_session.h"
#include "render/map_renderer.h"

namespace cm {

// The wards shown when the map is zoomed in: the vintage valid at the session's date, coloured by
// the councillors' parties of May 2018 to May 2019 where that data covers them, and otherwise
// transparent so the councils show through.
class WardLayer {
 public:
  // Loads the vintage for the session's date if it is not the one held; returns true if it changed.
  bool ensureFor(const MapSession& session);
  // Every ward of the vintage in one numbering (its files one after another), for search and lists.
  const BoundarySet* set() const { return set_.get(); }
  const std::string& vintage() const { return vintage_; }
  // True if the held vintage is the one valid at the session's date.
  bool holdsVintageFor(const MapSession& session) const { return set_ && vintage_ == keyFor(session.year()); }
  static std::string keyFor(int year);
  // The layers to draw, one per file of the vintage, each with its stored levels of detail (the
  // full detail only when the compiled dataset has none). Meshes are shared, not copied.
  std::vector<LeveledLayer> drawable() const;
  // Styles at the session's date; also counts the wards coloured from councillor data.
  std::vector<FeatureStyle> styles(const MapSession& session);
  // How many wards the last styles coloured (0 outside May 2018 - May 2019).
  std::size_t covered() const { return covered_; }
  // How wards are drawn over the councils: thin translucent borders, each drawn once (so a little
  // darker than it would take if every border were drawn from both sides), a dark selection.
  static MapLook look();

 private:
  std::string vintage_;
  std::unique_ptr<BoundarySet> set_;
  std::vector<std::shared_ptr<const LevelsOfDetail>> levels_;  // one per file of the vintage
  std::size_t covered_ = 0;
};

}  // namespace cm
