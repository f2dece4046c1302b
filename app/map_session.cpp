#include "app/map_session.h"

#include <array>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>

#include "store/data_locator.h"
#include "store/dataset_layout.h"
#include "store/cache/geometry_cache.h"
#include "store/boundary_loader.h"
#include "store/held_files.h"
#include "politics/palette.h"
#include "politics/parties.h"
#include "app/panels/ui_overlay.h"
#include "store/attribution.h"
#include "politics/council_types.h"
#include "base/csv_table.h"
#include "store/cache/table_cache.h"
#include "render/map_renderer.h"
#include "store/record_files.h"
#include "store/tables.h"

namespace cm {

std::optional<std::pair<Date, Date>> MapSession::coveredDates() const {
  auto range = boundaries_.yearRange();
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

namespace {

// The compiled dataset to read, if any: --dataset, else the one scripts/start.sh builds, unless the
// user asked for the sources (--data) or other boundaries (--boundaries).
std::optional<std::filesystem::path> compiledDataset(const CommonOptions& o) {
  namespace fs = std::filesystem;
  if (!o.dataset.empty()) {
    std::error_code ec;
    if (!fs::is_regular_file(o.dataset, ec)) throw UsageError("--dataset: no file '" + o.dataset + "' (make one with councilmap build-dataset)");
    return fs::path(o.dataset);
  }
  if (!o.dataDir.empty() || !o.boundaries.empty() || o.sourcesOnly) return std::nullopt;
  const fs::path built = fs::path(COUNCILMAP_BINARY_DIR) / "councilmap-uk.gpkg";
  std::error_code ec;
  return fs::is_regular_file(built, ec) ? std::optional(built) : std::nullopt;
}

// The layer the command line names (--boundaries, --layer and its fields), as open() reads it.
BoundarySource boundariesAskedFor(const CommonOptions& o) { return {o.boundaries, o.layer, o.codeField, o.nameField}; }

// True when a project table changed after the dataset was compiled.
bool olderThanTables(const std::filesystem::path& dataset, const std::filesystem::path& tables) {
  std::error_code ec;
  const auto built = std::filesystem::last_write_time(dataset, ec);
  for (const auto& e : std::filesystem::directory_iterator(tables, ec))
    if (e.last_write_time(ec) > built) return true;
  return false;
}

}  // namespace

bool MapSession::readsFromCacheOnly(const CommonOptions& o) {
  try {
    if (!o.boundaries.empty() && o.dataset.empty())  // a file of the user's own: only its layer is read
      return hasCachedBoundaries(boundariesAskedFor(o));
    const auto compiled = compiledDataset(o);
    return compiled && hasCachedTable(compiled->string(), compiled::kControlPeriods);
  } catch (const UsageError&) {
    return false;  // open() says what is wrong
  }
}

std::unique_ptr<MapSession> MapSession::open(const CommonOptions& o) {
  auto s = std::make_unique<MapSession>();
  BoundarySource src = boundariesAskedFor(o);
  const std::filesystem::path tables = std::filesystem::path(COUNCILMAP_SOURCE_DIR) / "data" / "tables";
  s->tier_ = o.tier;
  if (const auto compiled = compiledDataset(o)) {
    // One file holds everything, already in British National Grid.
    const std::string path = compiled->string();
    s->dataset_ = holdOpen(path);
    s->compiled_ = *compiled;
    src.path = path;
    src.alwaysCache = true;
    if (src.layer.empty()) src.layer = o.tier == "upper" ? compiled::kCouncilsUpper : compiled::kCouncilsLower;
    s->control_ = std::make_unique<ControlHistory>(readCompiledControl(path, s->diagnostics_));
    s->events_ = std::make_unique<EventLog>(readEvents(path, s->diagnostics_, compiled::kEvents));
    s->leadership_ = std::make_unique<LeadershipRecord>(readLeadership(path, s->diagnostics_, compiled::kLeadership));
    if (olderThanTables(*compiled, tables))
      s->diagnostics_.warn(path, "", "older than the project's tables in data/tables; rebuild it with councilmap build-dataset");
    s->usesDefaultData_ = true;
    s->dataDescription_ = "compiled dataset " + path;
  } else if (src.path.empty()) {
    std::vector<std::string> tried;
    const auto loc = locateDataDir(o.dataDir, COUNCILMAP_SOURCE_DIR, &tried);
    if (!loc) {
      std::string msg = "no data folder found. Looked in:";
      for (const auto& t : tried) msg += "\n  " + t;
      msg += "\nGive one with --data DIR or set COUNCILMAP_DATA.";
      throw UsageError(msg);
    }
    src.path = (loc->dir / kDefaultBoundaries).string();
    if (src.layer.empty()) src.layer = o.tier == "upper" ? kUpperTierLayer : kDefaultBoundaryLayer;
    // The project's own curated tables, written from the facts in shared/research.
    s->events_ = std::make_unique<EventLog>(readEvents((tables / kEventsFile).string(), s->diagnostics_));
    s->leadership_ = std::make_unique<LeadershipRecord>(readLeadership((tables / kLeadershipFile).string(), s->diagnostics_));
    s->usesDefaultData_ = true;
    s->dataDir_ = loc->dir;
    s->control_ = std::make_unique<ControlHistory>(readControlHistory((loc->dir / kControlCompositionFile).string(),
                                                                      (loc->dir / kCouncilChangesFile).string(),
                                                                      (loc->dir / kCouncilLookup2014File).string(), s->diagnostics_));
    s->dataDescription_ = "data folder " + loc->dir.string() + " (" + loc->how + ")";
  } else {
    s->dataDescription_ = "boundaries " + src.path;
  }
  if (s->usesDefaultData_) {
    const CsvTable names = s->compiled_ ? readTable(s->compiled_->string(), compiled::kWelshNames, s->diagnostics_)
                                        : readTable((s->dataDir_ / kWelshNamesFile).string(), kWelshNamesLayer, s->diagnostics_);
    const int code = names.column(s->compiled_ ? "code" : "LAD23CD"), cy = names.column(s->compiled_ ? "name_cy" : "LAD23NMW");
    for (const auto& row : names.rows)
      if (!names.get(row, cy).empty()) s->welshNames_[names.get(row, code)] = names.get(row, cy);
  }
  if (s->usesDefaultData_) {
    const auto table = [&](const char* layer, const char* csv) {
      return s->compiled_ ? readTable(s->compiled_->string(), layer, s->diagnostics_) : readCsv((s->dataDir_ / csv).string(), s->diagnostics_);
    };
    s->regions_ = RegionLookup::build(table(compiled::kCouncilRegister, kCouncilRegisterFile),
                                      table(compiled::kCouncilLookup2014, kCouncilLookup2014File),
                                      table(compiled::kCouncilChanges, kCouncilChangesFile), s->diagnostics_);
  }
  s->disputeWindowDays = o.disputeWindowDays;
  s->councilSource_ = src;
  s->boundaries_ = loadBoundaries(src, s->diagnostics_);
  s->dataDescription_ += ", layer " + s->boundaries_.layer + ", " + std::to_string(s->boundaries_.features.size()) + " areas";
  s->picker_ = std::make_unique<Picker>(s->boundaries_);
  // Today, unless the data ends sooner; a date outside the data is shown, but never silently.
  const auto covered = s->coveredDates();
  if (o.date.empty()) {
    s->date_ = today();
    if (covered && covered->second < s->date_) {
      s->dateNote_ = "the data's last date (today is " + s->date_.iso() + ")";
      s->date_ = covered->second;
    }
  } else {
    std::string why;
    const auto d = parseDate(o.date, &why);
    if (!d) throw UsageError("--date: " + why);
    s->date_ = *d;
    if (covered && (s->date_ < covered->first || covered->second < s->date_)) {
      s->dateNote_ = "outside the data (" + covered->first.iso() + " to " + covered->second.iso() + ")";
      std::cerr << "councilmap: warning: --date " + s->date_.iso() + " is outside the data, which covers " + covered->first.iso() + " to " +
                       covered->second.iso() + "; showing it with the nearest boundaries and no control known\n";
    }
  }
  return s;
}

void MapSession::loadDeferred() const {
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

const WardCouncillors2018* MapSession::wardCouncillors() const {
  loadDeferred();
  return wardCouncillors_.get();
}

const BoundarySet* MapSession::counties() const {
  loadDeferred();
  return counties_.get();
}

std::size_t MapSession::visibleCount() const {
  std::size_t n = 0;
  for (const auto& f : boundaries_.features) n += f.existsIn(year());
  return n;
}


SearchIndex MapSession::searchIndex() const {
  SearchIndex index;
  for (const auto& f : boundaries_.features) {
    if (!f.existsIn(year())) continue;
    const std::string detail = f.code + " \xC2\xB7 " + areaTypeForCode(f.code);
    index.add(f.name, detail, f.code);
    if (const auto cy = welshNames_.find(f.code); cy != welshNames_.end() && cy->second != f.name)
      index.add(cy->second, f.name + " \xC2\xB7 " + detail, f.code);
  }
  return index;
}

BoundarySource MapSession::wardSource(const WardVintage& v) const {
  if (compiled_) return {compiled_->string(), v.compiledLayer, "", "", true};
  return {(dataDir_ / v.file).string(), "", "", ""};
}

std::string MapSession::attribution() const {
  std::string text = attributionFor(boundaries_.source, usesDefaultData_);
  if (colourBy_ == ColourBy::Control) text += std::string(" ") + kControlAttribution;
  return text;
}

std::string MapSession::shortAttribution() const {
  if (!usesDefaultData_) return attribution();
  std::string text = kOnsBoundaryAttributionShort;
  if (colourBy_ == ColourBy::Control) text += std::string(" ") + kControlAttributionShort;
  return text;
}

std::vector<Box> MapSession::visibleBoxes() const {
  std::vector<Box> out;
  for (const Feature& f : boundaries_.features)
    if (f.existsIn(year())) out.push_back(f.bbox);
  return out;
}

std::string MapSession::title() const {
  if (!usesDefaultData_) return boundaries_.layer;
  return tier_ == "upper" ? "UK councils, upper tier" : "UK councils";
}

std::string MapSession::subtitle() const {
  const std::string count = std::to_string(visibleCount()) + " areas";
  // A layer without validity years looks the same on every date, so the date would mislead.
  if (!boundaries_.hasYears) return count;
  return date_.iso() + "  \xC2\xB7  " + count + (dateNote_.empty() ? "" : "  \xC2\xB7  " + dateNote_);
}

const Composition* MapSession::compositionFor(std::string_view code) const {
  return control_ ? control_->at(code, date_) : nullptr;
}

bool MapSession::setTier(const std::string& tier) {
  if (!usesDefaultData_ || tier == tier_ || (tier != "lower" && tier != "upper")) return false;
  BoundarySource src = councilSource_;
  src.layer = compiled_ ? (tier == "upper" ? compiled::kCouncilsUpper : compiled::kCouncilsLower) : (tier == "upper" ? kUpperTierLayer : kDefaultBoundaryLayer);
  boundaries_ = loadBoundaries(src, diagnostics_);
  picker_ = std::make_unique<Picker>(boundaries_);
  councilSource_ = src;
  tier_ = tier;
  return true;
}

std::optional<std::uint32_t> MapSession::countyAt(Point2 p) const {
  loadDeferred();
  return countyPicker_ ? countyPicker_->pick(p, year()) : std::nullopt;
}

std::vector<LegendItem> legendItems(const MapSession& session, const std::vector<MapSession::LegendEntry>& entries) {
  std::vector<LegendItem> out;
  auto floats = [](Rgba c) { return std::array<float, 4>{c.r / 255.f, c.g / 255.f, c.b / 255.f, 1.f}; };
  auto add = [&](std::string label, Rgba c, std::size_t n, bool active, LegendItem::Swatch swatch, bool count) {
    const auto f = floats(c);
    out.push_back({std::move(label), {f[0], f[1], f[2], f[3]}, n, active, swatch, count});
  };
  for (const auto& e : entries) add(e.label, e.colour, e.count, e.active, LegendItem::Swatch::Fill, true);
  // The overlays, keyed by their pattern; they combine with any fill.
  if (session.look().tintNoc && session.colourBy() == ColourBy::Control)
    add("Tinted: NOC toward its largest party", colourForControl(kNoOverallControl, session.look().colourBlindSafe), 0, true,
        LegendItem::Swatch::Tint, false);
  if (session.look().hatchDisputes)
    add("Hatched: in dispute (" + std::to_string(session.disputeWindowDays) + "-day window)", {}, 0, true, LegendItem::Swatch::Hatch, false);
  if (session.look().factionOutline) {
    std::set<std::string> present;
    for (const auto& st : session.states())
      if (st.leadership) present.insert(std::string(st.faction()));
    for (const auto code : kFactionCodes)
      if (code != "unknown" && present.count(std::string(code)))
        add("Outline: " + factionLabel(code).substr(0, factionLabel(code).find(" (")), factionColour(code), 0, true,
            LegendItem::Swatch::Outline, false);
  }
  return out;
}

}  // namespace cm

