#pragma once
// A map as the window, export and query show it: the dataset read from disk (store/map_dataset.h),
// what the user is looking at (view/map_view.h) and how it is coloured (view/styling.h), with the
// few answers that need all three. The style itself is view/map_style.h.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/options.h"
#include "store/map_dataset.h"
#include "view/map_style.h"
#include "view/map_view.h"
#include "view/styling.h"

namespace cm {

class MapSession {
 public:
  // Reads the dataset the options name and sets the view they ask for (the date: today, or the
  // data's last day when it ends sooner). Throws UsageError, LoadError.
  static std::unique_ptr<MapSession> open(const CommonOptions& options);
  static bool readsFromCacheOnly(const CommonOptions& options);
  // Applies --colour-by and the look's flags; throws UsageError when the data cannot support them.
  void applyStyle(const StyleOptions& style);

  const MapDataset& data() const { return *data_; }
  MapView view;
  Styling style;

  // The councils of the tier in view, and the one under a point of the map at the view's date.
  const BoundarySet& boundaries() const { return data_->councils(view.tier); }
  std::optional<std::uint32_t> featureAt(Point2 mapPoint) const { return data_->picker(view.tier).pick(mapPoint, year()); }
  int year() const { return view.date.year; }
  // Switches the councils shown to a tier (default data only); false if nothing changed.
  bool setTier(const std::string& tier);

  PoliticalData political() const { return data_->political(view.disputeWindowDays); }
  std::vector<CouncilState> states() const { return political().stateAt(boundaries(), view.date); }
  CouncilState stateOf(std::string_view code) const { return political().stateOf(code, view.date); }
  // Index-aligned with boundaries(): true where the council exists at the date and passes the filter.
  std::vector<bool> included(const std::vector<CouncilState>& states) const { return includedAt(states, view.date); }
  std::vector<bool> includedAt(const std::vector<CouncilState>& states, Date d) const;  // states at `d`
  std::size_t dimmedCount() const;                                                      // councils on the map that the filter dims
  std::size_t visibleCount() const;
  Box visibleExtent() const { return boundaries().extentIn(year()); }
  std::vector<Box> visibleBoxes() const;  // the box of every council shown at the date

  std::vector<FeatureStyle> styles() const;
  std::vector<LegendEntry> legend() const;
  std::string legendHeading() const { return cm::legendHeading(style.colourBy, view.disputeWindowDays); }

  std::string title() const;     // "UK councils" or the layer's name
  std::string subtitle() const;  // the date (for dated layers), how many areas are shown, and the date's note
  std::string attribution() const { return data_->attribution(style.colourBy == ColourBy::Control); }
  std::string shortAttribution() const { return data_->shortAttribution(style.colourBy == ColourBy::Control); }

 private:
  std::shared_ptr<const MapDataset> data_;
};

// The legend as overlay items (colours as floats for ImGui), then a key to the overlays shown.
struct LegendItem;
std::vector<LegendItem> legendItems(const MapSession& session, const std::vector<LegendEntry>& entries);

}  // namespace cm
