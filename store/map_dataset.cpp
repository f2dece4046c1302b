#include "store/map_dataset.h"

#include "base/csv_table.h"
#include "politics/council_types.h"
#include "store/attribution.h"
#include "store/cache/geometry_cache.h"
#include "store/cache/table_cache.h"
#include "store/data_locator.h"
#include "store/held_files.h"
#include "store/record_files.h"
#include "store/tables.h"

namespace cm {
namespace {

// The compiled dataset to read, if any: --dataset, else the one scripts/start.sh builds, unless the
// user asked for the sources (--data) or other boundaries (--boundaries).
std::optional<std::filesystem::path> compiledDataset(const DatasetRequest& r) {
  namespace fs = std::filesystem;
  if (!r.dataset.empty()) {
    std::error_code ec;
    if (!fs::is_regular_file(r.dataset, ec))
      throw UsageError("--dataset: no file '" + r.dataset + "' (make one with councilmap build-dataset)");
    return fs::path(r.dataset);
  }
  if (!r.dataDir.empty() || !r.boundaries.empty() || r.sourcesOnly) return std::nullopt;
  const fs::path built = fs::path(COUNCILMAP_BINARY_DIR) / "councilmap-uk.gpkg";
  std::error_code ec;
  return fs::is_regular_file(built, ec) ? std::optional(built) : std::nullopt;
}

// The layer the command line names (--boundaries, --layer and its fields), as open() reads it.
BoundarySource boundariesAskedFor(const DatasetRequest& r) { return {r.boundaries, r.layer, r.codeField, r.nameField}; }

// True when a project table changed after the dataset was compiled.
bool olderThanTables(const std::filesystem::path& dataset, const std::filesystem::path& tables) {
  std::error_code ec;
  const auto built = std::filesystem::last_write_time(dataset, ec);
  for (const auto& e : std::filesystem::directory_iterator(tables, ec))
    if (e.last_write_time(ec) > built) return true;
  return false;
}

}  // namespace

bool MapDataset::readsFromCacheOnly(const DatasetRequest& r) {
  try {
    if (!r.boundaries.empty() && r.dataset.empty())  // a file of the user's own: only its layer is read
      return hasCachedBoundaries(boundariesAskedFor(r));
    const auto compiled = compiledDataset(r);
    return compiled && hasCachedTable(compiled->string(), compiled::kControlPeriods);
  } catch (const UsageError&) {
    return false;  // open() says what is wrong
  }
}

std::unique_ptr<MapDataset> MapDataset::open(const DatasetRequest& r) {
  auto s = std::make_unique<MapDataset>();
  BoundarySource src = boundariesAskedFor(r);
  const std::filesystem::path tables = std::filesystem::path(COUNCILMAP_SOURCE_DIR) / "data" / "tables";
  if (const auto compiled = compiledDataset(r)) {
    // One file holds everything, already in British National Grid.
    const std::string path = compiled->string();
    s->heldOpen_ = holdOpen(path);
    s->compiled_ = *compiled;
    src.path = path;
    src.alwaysCache = true;
    if (src.layer.empty()) src.layer = r.tier == "upper" ? compiled::kCouncilsUpper : compiled::kCouncilsLower;
    s->control_ = std::make_unique<ControlHistory>(readCompiledControl(path, s->diagnostics_));
    s->events_ = std::make_unique<EventLog>(readEvents(path, s->diagnostics_, compiled::kEvents));
    s->leadership_ = std::make_unique<LeadershipRecord>(readLeadership(path, s->diagnostics_, compiled::kLeadership));
    if (olderThanTables(*compiled, tables))
      s->diagnostics_.warn(path, "", "older than the project's tables in data/tables; rebuild it with councilmap build-dataset");
    s->usesDefaultData_ = true;
    s->description_ = "compiled dataset " + path;
  } else if (src.path.empty()) {
    std::vector<std::string> tried;
    const auto loc = locateDataDir(r.dataDir, COUNCILMAP_SOURCE_DIR, &tried);
    if (!loc) {
      std::string msg = "no data folder found. Looked in:";
      for (const auto& t : tried) msg += "\n  " + t;
      msg += "\nGive one with --data DIR or set COUNCILMAP_DATA.";
      throw UsageError(msg);
    }
    src.path = (loc->dir / kDefaultBoundaries).string();
    if (src.layer.empty()) src.layer = r.tier == "upper" ? kUpperTierLayer : kDefaultBoundaryLayer;
    // The project's own curated tables, written from the facts in shared/research.
    s->events_ = std::make_unique<EventLog>(readEvents((tables / kEventsFile).string(), s->diagnostics_));
    s->leadership_ = std::make_unique<LeadershipRecord>(readLeadership((tables / kLeadershipFile).string(), s->diagnostics_));
    s->usesDefaultData_ = true;
    s->dataDir_ = loc->dir;
    s->control_ = std::make_unique<ControlHistory>(
        readControlHistory((loc->dir / kControlCompositionFile).string(), (loc->dir / kCouncilChangesFile).string(),
                           (loc->dir / kCouncilLookup2014File).string(), s->diagnostics_, tables.string()));
    s->description_ = "data folder " + loc->dir.string() + " (" + loc->how + ")";
  } else {
    s->description_ = "boundaries " + src.path;
  }
  if (s->usesDefaultData_) {
    const CsvTable names = s->compiled_ ? readTable(s->compiled_->string(), compiled::kWelshNames, s->diagnostics_)
                                        : readTable((s->dataDir_ / kWelshNamesFile).string(), kWelshNamesLayer, s->diagnostics_);
    const int code = names.column(s->compiled_ ? "code" : "LAD23CD"), cy = names.column(s->compiled_ ? "name_cy" : "LAD23NMW");
    for (const auto& row : names.rows)
      if (!names.get(row, cy).empty()) s->welshNames_[names.get(row, code)] = names.get(row, cy);
    const auto table = [&](const char* layer, const char* csv) {
      return s->compiled_ ? readTable(s->compiled_->string(), layer, s->diagnostics_)
                          : readCsv((s->dataDir_ / csv).string(), s->diagnostics_);
    };
    s->regions_ = RegionLookup::build(table(compiled::kCouncilRegister, kCouncilRegisterFile),
                                      table(compiled::kCouncilLookup2014, kCouncilLookup2014File),
                                      table(compiled::kCouncilChanges, kCouncilChangesFile), s->diagnostics_);
  }
  s->councilSource_ = src;
  auto first = std::make_unique<Tier>();
  first->councils = loadBoundaries(src, s->diagnostics_);
  first->picker = std::make_unique<Picker>(first->councils);
  s->description_ += ", layer " + first->councils.layer + ", " + std::to_string(first->councils.features.size()) + " areas";
  s->tiers_[s->usesDefaultData_ ? r.tier : std::string()] = std::move(first);
  return s;
}

const MapDataset::Tier& MapDataset::tier(const std::string& name) const {
  const std::string key = usesDefaultData_ ? name : std::string();
  std::lock_guard lock(tiersMutex_);
  if (const auto it = tiers_.find(key); it != tiers_.end()) return *it->second;
  BoundarySource src = councilSource_;
  src.layer = compiled_ ? (key == "upper" ? compiled::kCouncilsUpper : compiled::kCouncilsLower)
                        : (key == "upper" ? kUpperTierLayer : kDefaultBoundaryLayer);
  auto t = std::make_unique<Tier>();
  t->councils = loadBoundaries(src, diagnostics_);
  t->picker = std::make_unique<Picker>(t->councils);
  return *(tiers_[key] = std::move(t));
}

const BoundarySet& MapDataset::councils(const std::string& name) const { return tier(name).councils; }
const Picker& MapDataset::picker(const std::string& name) const { return *tier(name).picker; }

std::optional<std::pair<Date, Date>> MapDataset::coveredDates() const {
  auto range = tiers_.begin()->second->councils.yearRange();
  // The ONS file holds the councils of 2014 onwards; its years name only the changes after that.
  constexpr int kDefaultBoundariesFrom = 2014;
  if (usesDefaultData_ && range) range->first = std::min(range->first, kDefaultBoundariesFrom);
  if (control_) {
    const std::pair years{control_->firstYear(), control_->lastYear()};
    range = range ? std::pair{std::min(range->first, years.first), std::max(range->second, years.second)} : years;
  }
  if (!range) return std::nullopt;
  return std::pair{Date{range->first, 1, 1}, Date{range->second, 12, 31}};
}

void MapDataset::loadDeferred() const {
  std::call_once(deferredOnce_, [this] {
    if (!usesDefaultData_) return;
    const BoundarySource counties = compiled_ ? BoundarySource{compiled_->string(), compiled::kCountyCouncils, "", "", true}
                                              : BoundarySource{councilSource_.path, kCountyLayer, "", ""};
    // Read later than the rest, so a file that lets the map start but lacks this layer costs only the
    // counties (reported), never the session.
    try {
      counties_ = std::make_unique<BoundarySet>(loadBoundaries(counties, diagnostics_));
      countyPicker_ = std::make_unique<Picker>(*counties_, 16);
    } catch (const LoadError& e) {
      diagnostics_.error(counties.path, counties.layer, std::string("county councils not read: ") + e.what());
    }
    wardCouncillors_ = std::make_unique<WardCouncillors2018>(
        compiled_ ? readWardCouncillors(compiled_->string(), diagnostics_, compiled::kWardCouncillors2018)
                  : readWardCouncillors((dataDir_ / kWardCouncillors2018File).string(), diagnostics_));
  });
}

const WardCouncillors2018* MapDataset::wardCouncillors() const {
  loadDeferred();
  return wardCouncillors_.get();
}

const BoundarySet* MapDataset::counties() const {
  loadDeferred();
  return counties_.get();
}

std::optional<std::uint32_t> MapDataset::countyAt(Point2 p, int year) const {
  loadDeferred();
  return countyPicker_ ? countyPicker_->pick(p, year) : std::nullopt;
}

CouncilFacts MapDataset::factsOf(const std::string& code, const CouncilState& state) const {
  return {code, &state, regions_.regionFor(code), areaTypeForCode(code), events_ ? &events_->forCouncil(code) : nullptr};
}

SearchIndex MapDataset::searchIndex(const std::string& tierName, int year) const {
  SearchIndex index;
  for (const auto& f : councils(tierName).features) {
    if (!f.existsIn(year)) continue;
    const std::string detail = f.code + " \xC2\xB7 " + areaTypeForCode(f.code);
    index.add(f.name, detail, f.code);
    if (const auto cy = welshNames_.find(f.code); cy != welshNames_.end() && cy->second != f.name)
      index.add(cy->second, f.name + " \xC2\xB7 " + detail, f.code);
  }
  return index;
}

BoundarySource MapDataset::wardSource(const WardVintage& v) const {
  if (compiled_) return {compiled_->string(), v.compiledLayer, "", "", true};
  return {(dataDir_ / v.file).string(), "", "", ""};
}

std::string MapDataset::attribution(bool withControl) const {
  std::string text =
      usesDefaultData_ ? kOnsBoundaryAttribution : "Boundaries: " + std::filesystem::path(councilSource_.path).filename().string();
  if (withControl) text += std::string(" ") + kControlAttribution;
  return text;
}

std::string MapDataset::shortAttribution(bool withControl) const {
  if (!usesDefaultData_) return attribution(withControl);
  std::string text = kOnsBoundaryAttributionShort;
  if (withControl) text += std::string(" ") + kControlAttributionShort;
  return text;
}

}  // namespace cm
