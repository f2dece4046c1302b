#pragma once
#include <future>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "app/map_session.h"
#include "app/viewer/leveled_layer.h"
#include "render/map_renderer.h"

namespace cm {

// The wards shown when the map is zoomed in: the vintage valid at the session's date, coloured by
// the councillors' parties of May 2018 to May 2019 where that data covers them, and otherwise
// transparent so the councils show through. A vintage is read on a thread of its own (a second or
// more from the sources), so the map keeps drawing meanwhile.
class WardLayer {
 public:
  ~WardLayer();  // waits for a load on its way
  // Starts reading the vintage for the session's date in the background, unless it is held or a read
  // is on its way; the border segments of the level to be drawn at `metresPerPixel` are found there too.
  void startLoading(const MapSession& session, double metresPerPixel);
  bool loading() const { return pending_.valid(); }
  // Takes a finished load in; true if the vintage held changed.
  bool poll();
  // Loads the vintage for the session's date now (taking in one on its way first): for search, which
  // needs the names at once. Returns true if the vintage held changed.
  bool ensureFor(const MapSession& session);
  // Every ward of the vintage in one numbering (its files one after another), for search and lists.
  const BoundarySet* set() const { return set_.get(); }
  const std::string& vintage() const { return vintage_; }
  // True if the held vintage is the one valid at the session's date.
  bool holdsVintageFor(const MapSession& session) const { return set_ && vintage_ == keyFor(session.year()); }
  static std::string keyFor(int year);
  // Whether the vintage held was read on a thread other than the one that asked (for tests).
  bool readInBackground() const { return readInBackground_; }
  // The layers to draw, one per file of the vintage, each with its stored levels of detail (the
  // full detail only when the compiled dataset has none). Meshes are shared, not copied.
  std::vector<LeveledLayer> drawable();
  // Styles at the session's date; also counts the wards coloured from councillor data.
  std::vector<FeatureStyle> styles(const MapSession& session);
  // How many wards the last styles coloured (0 outside May 2018 - May 2019).
  std::size_t covered() const { return covered_; }
  // How wards are drawn over the councils: thin translucent borders, each drawn once (so a little
  // darker than it would take if every border were drawn from both sides), a dark selection.
  static MapLook look();

 private:
  struct Loaded {
    std::string vintage;
    std::unique_ptr<BoundarySet> set;
    std::vector<std::shared_ptr<const LevelsOfDetail>> levels;     // one per file of the vintage
    std::vector<std::pair<std::size_t, BorderSegments>> segments;  // per file: a level's, found beforehand (none if metresPerPixel <= 0)
    std::thread::id readOn;
  };
  static Loaded load(const MapSession& session, int year, double metresPerPixel);
  void adopt(Loaded loaded);

  std::string vintage_;
  std::future<Loaded> pending_;
  std::unique_ptr<BoundarySet> set_;
  std::vector<std::shared_ptr<const LevelsOfDetail>> levels_;
  std::vector<std::pair<std::size_t, BorderSegments>> segments_;
  bool readInBackground_ = false;
  std::size_t covered_ = 0;
};

}  // namespace cm
