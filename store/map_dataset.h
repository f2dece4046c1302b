#pragma once
// The dataset: everything read from disk for a map (boundaries, the record, pickers), found and read
// once. Read-only once open(): what is read later (the other tier's councils, the county councils,
// the 2018 ward councillors) is read once, on first use, and never replaced, so every reference
// handed out stays valid and the dataset may be shared between threads.
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include "base/dates.h"
#include "base/diagnostics.h"
#include "base/search_index.h"
#include "geo/boundary_set.h"
#include "geo/picker.h"
#include "politics/control_history.h"
#include "politics/council_filter.h"
#include "politics/council_state.h"
#include "politics/events.h"
#include "politics/leadership.h"
#include "politics/regions.h"
#include "politics/wards.h"
#include "store/boundary_loader.h"
#include "store/dataset_layout.h"

namespace cm {

// Where the data is (the command line's --dataset, --data, --boundaries and its fields).
struct DatasetRequest {
  std::string dataset;     // a compiled GeoPackage; empty: build/councilmap-uk.gpkg if present
  std::string dataDir;     // the shared data folder; empty: found (store/data_locator.h)
  std::string boundaries;  // an OGR source; empty: the UK councils
  std::string layer, codeField, nameField;
  std::string tier = "lower";  // the tier read first
  bool sourcesOnly = false;    // read the shared sources even where a compiled dataset exists
};

class MapDataset {
 public:
  // Throws UsageError for what the user must fix (no data folder, a missing --dataset) and LoadError
  // when the boundaries cannot be read; smaller problems go to diagnostics().
  static std::unique_ptr<MapDataset> open(const DatasetRequest& request);
  // Whether open() will find all it reads in the user's cache (a compiled dataset, or a large
  // --boundaries layer, read before), and so need not load GDAL (store/gdal/gdal_module.h). A guess
  // from one entry: a miss costs only time.
  static bool readsFromCacheOnly(const DatasetRequest& request);

  // The councils of a tier, "lower" or "upper" (other boundaries: the one layer, whatever the tier).
  // The tier open() was asked for is read then, the other on first use, on the thread that opened the
  // dataset (the compiled GeoPackage is held open there). Throws LoadError if it cannot be read.
  const BoundarySet& councils(const std::string& tier) const;
  const Picker& picker(const std::string& tier) const;
  bool hasTiers() const { return usesDefaultData_; }

  const Diagnostics& diagnostics() const { return diagnostics_; }
  const std::string& description() const { return description_; }
  bool usesDefaultData() const { return usesDefaultData_; }
  bool usesCompiledDataset() const { return compiled_.has_value(); }
  std::optional<std::string> compiledDatasetPath() const { return compiled_ ? std::optional(compiled_->string()) : std::nullopt; }
  const std::filesystem::path& dataDir() const { return dataDir_; }
  // The licence terms the map must carry; `withControl` when it shows council control.
  std::string attribution(bool withControl) const;
  std::string shortAttribution(bool withControl) const;  // the same in fewer words, for a small map

  // The first and last days the data covers (boundaries and control), if it is dated at all.
  std::optional<std::pair<Date, Date>> coveredDates() const;

  // The record (default data only; null otherwise).
  const ControlHistory* control() const { return control_.get(); }
  const EventLog* events() const { return events_.get(); }
  const LeadershipRecord* leadership() const { return leadership_.get(); }
  PoliticalData political(int disputeWindowDays) const { return {control_.get(), events_.get(), leadership_.get(), disputeWindowDays}; }
  std::string regionFor(std::string_view code) const { return regions_.regionFor(code); }
  // What a filter tests of a council in a state.
  CouncilFacts factsOf(const std::string& code, const CouncilState& state) const;

  // Reads what open() leaves until it is first needed: the county councils (and their picker) and the
  // 2018 ward councillors. The viewer's first frame needs neither, and they are a fifth of open()'s
  // reading. Safe to call from any thread, and more than once; what it finds goes to diagnostics().
  void loadDeferred() const;
  const WardCouncillors2018* wardCouncillors() const;  // default data only
  // County councils, for the upper tier of a point in a two-tier area (default data only).
  const BoundarySet* counties() const;
  std::optional<std::uint32_t> countyAt(Point2 mapPoint, int year) const;

  // Council names for type-ahead in a year, with Welsh names where they differ.
  SearchIndex searchIndex(const std::string& tier, int year) const;
  // Where to read a ward vintage: the compiled dataset's layer, or the shared file.
  BoundarySource wardSource(const WardVintage& v) const;

 private:
  struct Tier {
    BoundarySet councils;
    std::unique_ptr<Picker> picker;
  };
  const Tier& tier(const std::string& name) const;

  mutable std::mutex tiersMutex_;
  mutable std::map<std::string, std::unique_ptr<Tier>> tiers_;  // read on first use, never replaced
  BoundarySource councilSource_;                                // the tier open() read; the other differs in its layer
  mutable Diagnostics diagnostics_;                             // what is read later adds what it finds
  std::string description_;
  bool usesDefaultData_ = false;
  std::unique_ptr<ControlHistory> control_;
  std::unique_ptr<EventLog> events_;
  std::unique_ptr<LeadershipRecord> leadership_;
  mutable std::once_flag deferredOnce_;
  mutable std::unique_ptr<WardCouncillors2018> wardCouncillors_;
  mutable std::unique_ptr<BoundarySet> counties_;
  mutable std::unique_ptr<Picker> countyPicker_;
  std::filesystem::path dataDir_;
  std::optional<std::filesystem::path> compiled_;
  // The compiled dataset, held open for as long as the dataset lasts: every read of it on the thread
  // that opened it (the viewer's loader also reads the levels of detail) shares the one handle
  // instead of opening the file and parsing its schema again.
  std::shared_ptr<void> heldOpen_;
  std::map<std::string, std::string> welshNames_;  // council code -> Welsh name
  RegionLookup regions_;
};

}  // namespace cm
