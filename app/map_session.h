#pragma once
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "app/colour_by.h"
#include "app/options.h"
#include "store/boundary_loader.h"
#include "geo/boundary_set.h"
#include "politics/control_history.h"
#include "politics/council_filter.h"
#include "politics/regions.h"
#include "politics/council_state.h"
#include "politics/events.h"
#include "politics/leadership.h"
#include "base/search_index.h"
#include "politics/wards.h"
#include "store/dataset_layout.h"

#include <map>
#include <set>

#include <filesystem>
#include "base/dates.h"
#include "base/diagnostics.h"
#include "politics/palette.h"
#include "geo/picker.h"

namespace cm {

struct FeatureStyle;


// Raised for problems the user must fix before anything can be shown (no data folder, bad date…).
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The loaded boundaries plus the date being shown: what the viewer, export and query share.
class MapSession {
 public:
  static std::unique_ptr<MapSession> open(const CommonOptions& options);
  // Whether open() will find all it reads in the user's cache (a compiled dataset, or a large
  // --boundaries layer, read before), and so need not load GDAL (store/gdal/gdal_module.h). A guess from one entry: a miss costs only time.
  static bool readsFromCacheOnly(const CommonOptions& options);
  // Applies --colour-by and --colour-blind; throws UsageError when the data cannot support them.
  void applyStyle(const StyleOptions& style);

  const BoundarySet& boundaries() const { return boundaries_; }
  const Diagnostics& diagnostics() const { return diagnostics_; }
  const Picker& picker() const { return *picker_; }
  const std::string& dataDescription() const { return dataDescription_; }
  bool usesDefaultData() const { return usesDefaultData_; }
  std::string attribution() const;
  std::string shortAttribution() const;  // the same terms in fewer words, for a small map
  std::string title() const;     // "UK councils" or the layer's name
  std::string subtitle() const;  // the date (for dated layers) and how many areas are shown

  Date date() const { return date_; }
  // The first and last days the data covers (boundaries and control), if it is dated at all. The date
  // shown when none is given is today, or the last of these when the data ends sooner.
  std::optional<std::pair<Date, Date>> coveredDates() const;
  void setDate(Date d) { date_ = d; }
  int year() const { return date_.year; }

  std::optional<std::uint32_t> featureAt(Point2 mapPoint) const { return picker_->pick(mapPoint, year()); }
  // Seats and control, loaded with the default data (null for other boundaries or if missing).
  const ControlHistory* control() const { return control_.get(); }
  const Composition* compositionFor(std::string_view code) const;
  // The project's event and leadership tables (default data only; null otherwise).
  const EventLog* events() const { return events_.get(); }
  const LeadershipRecord* leadership() const { return leadership_.get(); }
  // Reads what open() leaves until it is first needed: the county councils (and their picker) and the
  // 2018 ward councillors. The viewer's first frame needs neither, and they are a fifth of open()'s
  // reading. Safe to call from any thread, and more than once; what it finds goes to diagnostics().
  void loadDeferred() const;
  // The 2018 ward councillors (default data only), read when first asked for.
  const WardCouncillors2018* wardCouncillors() const;
  const std::filesystem::path& dataDir() const { return dataDir_; }
  // Council names for type-ahead at the current date, with Welsh names where they differ.
  SearchIndex searchIndex() const;
  // Where to read a ward vintage: the compiled dataset's layer, or the shared file.
  BoundarySource wardSource(const WardVintage& v) const;
  bool usesCompiledDataset() const { return compiled_.has_value(); }
  std::optional<std::string> compiledDatasetPath() const {
    return compiled_ ? std::optional(compiled_->string()) : std::nullopt;
  }
  DisputeStatus disputesFor(std::string_view code) const { return political().stateOf(code, date_).disputes; }
  std::string factionFor(std::string_view code) const { return std::string(political().stateOf(code, date_).faction()); }
  PoliticalData political() const { return {control_.get(), events_.get(), leadership_.get(), disputeWindowDays}; }
  int disputeWindowDays = 180;
  // "lower" or "upper"; the tier of the areas on the map.
  const std::string& tier() const { return tier_; }
  // Reloads the councils of the other tier (default data only); false if nothing changed.
  bool setTier(const std::string& tier);
  // County councils, for reporting the upper tier of a point in a two-tier area (default data only),
  // read when first asked for.
  const BoundarySet* counties() const;
  std::optional<std::uint32_t> countyAt(Point2 mapPoint) const;
  void setColourBy(ColourBy c) { colourBy_ = c; }
  ColourBy colourBy() const { return colourBy_; }
  // How the fill is drawn beyond the colour mode.
  struct Look {
    bool colourBlindSafe = false;
    bool tintNoc = false;         // NOC councils tinted toward their largest party's colour
    bool hatchDisputes = false;   // stripes over councils in dispute, whatever the fill
    bool factionOutline = false;  // councils outlined in their leading faction's colour
  };
  Look& look() { return look_; }
  const Look& look() const { return look_; }
  std::vector<FeatureStyle> styles() const;  // colours and visibility at the current date

  struct LegendEntry {
    std::string label;
    Rgba colour;
    std::size_t count = 0;
    std::string key;     // the category: a party code, NOC, "" for no data, a dispute count, a faction
    bool active = true;  // false when a filter dims this category
  };
  // What each fill colour means and how many shown areas have it; empty for the neutral palette.
  std::vector<LegendEntry> legend() const;
  // The filter; councils that do not match are dimmed on the map and left out of the statistics.
  CouncilFilter& filter() { return filter_; }
  const CouncilFilter& filter() const { return filter_; }
  // A legend click: toggles the category in the criterion of the current colour mode.
  void toggleFilter(const std::string& key);
  void clearFilter() { filter_ = {}; }
  std::size_t dimmedCount() const;  // areas on the map that the filter dims
  // Index-aligned with boundaries(): true where the feature exists at the date and passes the filter.
  std::vector<bool> included(const std::vector<CouncilState>& states) const { return includedAt(states, date_); }
  std::vector<bool> includedAt(const std::vector<CouncilState>& states, Date d) const;  // states at `d`
  std::vector<CouncilState> states() const { return political().stateAt(boundaries_, date_); }
  CouncilFacts factsOf(std::uint32_t feature, const CouncilState& state) const;
  std::string regionFor(std::string_view code) const { return regions_.regionFor(code); }
  std::string labelOfCategory(const std::string& key) const { return labelOfCategory(colourBy_, key); }
  std::string labelOfCategory(ColourBy mode, const std::string& key) const;
  Rgba colourOfCategory(ColourBy mode, const std::string& key) const;
  std::string legendHeading() const {
    return colourBy_ == ColourBy::Disputes ? "Disputes (open or within " + std::to_string(disputeWindowDays) + " days)"
           : colourBy_ == ColourBy::Faction ? "Leading faction" : "Control";
  }
  std::size_t visibleCount() const;
  Box visibleExtent() const { return boundaries_.extentIn(year()); }
  std::vector<Box> visibleBoxes() const;  // the box of every area shown at the date

 private:
  BoundarySet boundaries_;
  mutable Diagnostics diagnostics_;  // loadDeferred adds what it finds
  std::unique_ptr<Picker> picker_;
  std::string dataDescription_;
  bool usesDefaultData_ = false;
  std::unique_ptr<ControlHistory> control_;
  std::unique_ptr<EventLog> events_;
  std::unique_ptr<LeadershipRecord> leadership_;
  // Read by loadDeferred, once, by whichever thread asks first.
  mutable std::once_flag deferredOnce_;
  mutable std::unique_ptr<WardCouncillors2018> wardCouncillors_;
  mutable std::unique_ptr<BoundarySet> counties_;
  mutable std::unique_ptr<Picker> countyPicker_;
  std::filesystem::path dataDir_;
  std::optional<std::filesystem::path> compiled_;
  // The compiled dataset, held open for as long as the session lasts: every read of it on the thread
  // that opened the session (the viewer's loader also reads the levels of detail) shares the one
  // handle instead of opening the file and parsing its schema again.
  std::shared_ptr<void> dataset_;
  std::map<std::string, std::string> welshNames_;  // council code -> Welsh name
  CouncilFilter filter_;
  RegionLookup regions_;
  std::string categoryOf(const CouncilState& s) const;
  std::string tier_ = "lower";
  BoundarySource councilSource_;
  ColourBy colourBy_ = ColourBy::Neutral;
  Look look_;
  Date date_;
  std::string dateNote_;  // said in the caption: why the date opened is not today, or that it is outside the data
};

// The legend as overlay items (colours as floats for ImGui), then a key to the overlays shown.
struct LegendItem;
std::vector<LegendItem> legendItems(const MapSession& session, const std::vector<MapSession::LegendEntry>& entries);


}  // namespace cm
