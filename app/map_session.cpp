#include "app/map_session.h"

#include <filesystem>
#include <iostream>
#include <map>

#include "data/data_locator.h"
#include "data/boundary_loader.h"
#include "data/palette.h"
#include "data/parties.h"
#include "app/ui_overlay.h"
#include "data/attribution.h"
#include "data/council_types.h"
#include "data/csv_table.h"
#include "render/map_renderer.h"

namespace cm {

Date defaultDate(const BoundarySet& set) {
  const Date now = today();
  const auto range = set.yearRange();
  if (!range || now.year <= range->second) return now;
  return {range->second, 12, 31};
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

// True when a project table changed after the dataset was compiled.
bool olderThanTables(const std::filesystem::path& dataset, const std::filesystem::path& tables) {
  std::error_code ec;
  const auto built = std::filesystem::last_write_time(dataset, ec);
  for (const auto& e : std::filesystem::directory_iterator(tables, ec))
    if (e.last_write_time(ec) > built) return true;
  return false;
}

}  // namespace

std::unique_ptr<MapSession> MapSession::open(const CommonOptions& o) {
  auto s = std::make_unique<MapSession>();
  BoundarySource src{o.boundaries, o.layer, o.codeField, o.nameField};
  const std::filesystem::path tables = std::filesystem::path(COUNCILMAP_SOURCE_DIR) / "data" / "tables";
  s->tier_ = o.tier;
  if (const auto compiled = compiledDataset(o)) {
    // One file holds everything, already in British National Grid.
    const std::string path = compiled->string();
    s->compiled_ = *compiled;
    src.path = path;
    if (src.layer.empty()) src.layer = o.tier == "upper" ? "councils_upper" : "councils_lower";
    s->counties_ = std::make_unique<BoundarySet>(loadBoundaries({path, "county_councils", "", ""}, s->diagnostics_));
    s->control_ = std::make_unique<ControlHistory>(ControlHistory::loadCompiled(path, s->diagnostics_));
    s->events_ = std::make_unique<EventLog>(EventLog::load(path, s->diagnostics_, "events"));
    s->leadership_ = std::make_unique<LeadershipRecord>(LeadershipRecord::load(path, s->diagnostics_, "leadership_periods"));
    s->wardCouncillors_ = std::make_unique<WardCouncillors2018>(WardCouncillors2018::load(path, s->diagnostics_, "ward_councillors_2018"));
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
    s->events_ = std::make_unique<EventLog>(EventLog::load((tables / "events.csv").string(), s->diagnostics_));
    s->leadership_ = std::make_unique<LeadershipRecord>(LeadershipRecord::load((tables / "leadership_periods.csv").string(), s->diagnostics_));
    s->counties_ = std::make_unique<BoundarySet>(loadBoundaries({src.path, kCountyLayer, "", ""}, s->diagnostics_));
    s->usesDefaultData_ = true;
    s->dataDir_ = loc->dir;
    s->wardCouncillors_ = std::make_unique<WardCouncillors2018>(
        WardCouncillors2018::load((loc->dir / "control" / "odm_ward_councillor_party_2018.csv").string(), s->diagnostics_));
    const auto control = loc->dir / "control";
    s->control_ = std::make_unique<ControlHistory>(ControlHistory::load(
        (control / "ocd_council_composition_2016_2026_gss.csv").string(),
        (loc->dir / "boundaries" / "ons_uk_topojson_changes.csv").string(),
        (loc->dir / "boundaries" / "ons_uk_topojson_ltla14_lookup.csv").string(), s->diagnostics_));
    s->dataDescription_ = "data folder " + loc->dir.string() + " (" + loc->how + ")";
  } else {
    s->dataDescription_ = "boundaries " + src.path;
  }
  if (s->counties_) s->countyPicker_ = std::make_unique<Picker>(*s->counties_, 16);
  if (s->usesDefaultData_) {
    const CsvTable names = s->compiled_ ? readTable(s->compiled_->string(), "council_names_welsh", s->diagnostics_)
                                        : readTable((s->dataDir_ / "boundaries/lad_may2023_uk_buc.gpkg").string(), "lad_may2023", s->diagnostics_);
    const int code = names.column(s->compiled_ ? "code" : "LAD23CD"), cy = names.column(s->compiled_ ? "name_cy" : "LAD23NMW");
    for (const auto& row : names.rows)
      if (!names.get(row, cy).empty()) s->welshNames_[names.get(row, code)] = names.get(row, cy);
  }
  s->disputeWindowDays = o.disputeWindowDays;
  s->boundaries_ = loadBoundaries(src, s->diagnostics_);
  s->dataDescription_ += ", layer " + s->boundaries_.layer + ", " + std::to_string(s->boundaries_.features.size()) + " areas";
  s->picker_ = std::make_unique<Picker>(s->boundaries_);
  if (o.date.empty()) {
    s->date_ = defaultDate(s->boundaries_);
  } else {
    std::string why;
    const auto d = parseDate(o.date, &why);
    if (!d) throw UsageError("--date: " + why);
    s->date_ = *d;
  }
  return s;
}

std::vector<FeatureStyle> MapSession::styles() const {
  std::vector<FeatureStyle> out(boundaries_.features.size());
  const std::vector<CouncilState> state =
      colourBy_ == ColourBy::Neutral ? std::vector<CouncilState>(out.size()) : political().stateAt(boundaries_, date_);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const Feature& f = boundaries_.features[i];
    out[i].visible = f.existsIn(year());
    if (colourBy_ == ColourBy::Neutral) {
      out[i].fill = neutralColourFor(f.code);
      continue;
    }
    const std::string key = categoryOf(state[i]);
    out[i].fill = colourOfCategory(key);
    // Filtered out: dimmed toward a pale grey, not hidden, so the geography stays readable.
    if (!filter_.empty() && !filter_.count(key)) out[i].fill = blend(out[i].fill, {0xf2, 0xf2, 0xf2, 255}, 0.8f);
  }
  return out;
}

std::size_t MapSession::visibleCount() const {
  std::size_t n = 0;
  for (const auto& f : boundaries_.features) n += f.existsIn(year());
  return n;
}

}  // namespace cm

namespace cm {
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
  if (compiled_) return {compiled_->string(), v.compiledLayer, "", ""};
  return {(dataDir_ / v.file).string(), "", "", ""};
}

std::string MapSession::attribution() const {
  std::string text = attributionFor(boundaries_.source, usesDefaultData_);
  if (colourBy_ == ColourBy::Control) text += std::string(" ") + kControlAttribution;
  return text;
}

std::string MapSession::title() const {
  if (!usesDefaultData_) return boundaries_.layer;
  return tier_ == "upper" ? "UK councils, upper tier" : "UK councils";
}

std::string MapSession::subtitle() const {
  const std::string count = std::to_string(visibleCount()) + " areas";
  // A layer without validity years looks the same on every date, so the date would mislead.
  return boundaries_.hasYears ? date_.iso() + "  \xC2\xB7  " + count : count;
}
}  // namespace cm

namespace cm {
const Composition* MapSession::compositionOf(std::uint32_t feature) const {
  return compositionFor(boundaries_.features[feature].code);
}

const Composition* MapSession::compositionFor(std::string_view code) const {
  return control_ ? control_->at(code, date_) : nullptr;
}

std::optional<std::uint32_t> MapSession::countyAt(Point2 p) const {
  return countyPicker_ ? countyPicker_->pick(p, year()) : std::nullopt;
}
}  // namespace cm

namespace cm {
std::string MapSession::categoryOf(const CouncilState& s) const {
  switch (colourBy_) {
    case ColourBy::Control: return s.composition ? s.composition->control : std::string();
    case ColourBy::Disputes: return std::to_string(std::min<std::size_t>(s.disputes.events.size(), 3));
    case ColourBy::Faction: return std::string(s.faction());
    case ColourBy::Neutral: break;
  }
  return {};
}

Rgba MapSession::colourOfCategory(const std::string& key) const {
  switch (colourBy_) {
    case ColourBy::Control: return colourForControl(key, colourBlindSafe_);
    case ColourBy::Disputes: return disputeColour(std::size_t(key[0] - '0'));
    case ColourBy::Faction: return factionColour(key);
    case ColourBy::Neutral: break;
  }
  return {};
}

std::string MapSession::labelOfCategory(const std::string& key) const {
  if (colourBy_ == ColourBy::Control) {
    if (const Party* p = findParty(key)) return std::string(p->name);
    return key == kNoOverallControl ? "No overall control" : "No data";
  }
  if (colourBy_ == ColourBy::Disputes) {
    static const char* kLabels[] = {"No open dispute", "1 dispute event", "2 dispute events", "3 or more"};
    return kLabels[key[0] - '0'];
  }
  return factionLabel(key);
}

std::vector<MapSession::LegendEntry> MapSession::legend() const {
  std::vector<LegendEntry> out;
  if (colourBy_ == ColourBy::Neutral) return out;
  const std::vector<CouncilState> state = political().stateAt(boundaries_, date_);
  std::map<std::string, std::size_t> counts;
  for (std::size_t i = 0; i < state.size(); ++i)
    if (boundaries_.features[i].existsIn(year())) ++counts[categoryOf(state[i])];
  // Parties in their registry order, then NOC and no data; other modes in key order.
  std::vector<std::string> order;
  if (colourBy_ == ColourBy::Control) {
    for (const Party& p : parties()) order.emplace_back(p.code);
    order.emplace_back(kNoOverallControl);
    order.emplace_back("");
  } else {
    for (const auto& [key, n] : counts) order.push_back(key);
  }
  for (const auto& key : order)
    if (const auto it = counts.find(key); it != counts.end())
      out.push_back({labelOfCategory(key), colourOfCategory(key), it->second, key, filter_.empty() || filter_.count(key) > 0});
  return out;
}

std::size_t MapSession::dimmedCount() const {
  if (filter_.empty() || colourBy_ == ColourBy::Neutral) return 0;
  const std::vector<CouncilState> state = political().stateAt(boundaries_, date_);
  std::size_t n = 0;
  for (std::size_t i = 0; i < state.size(); ++i)
    n += boundaries_.features[i].existsIn(year()) && !filter_.count(categoryOf(state[i]));
  return n;
}

void MapSession::toggleFilter(const std::string& key) {
  if (!filter_.erase(key)) filter_.insert(key);
}
}  // namespace cm

namespace cm {
std::vector<LegendItem> legendItems(const std::vector<MapSession::LegendEntry>& entries) {
  std::vector<LegendItem> out;
  for (const auto& e : entries)
    out.push_back({e.label, {e.colour.r / 255.f, e.colour.g / 255.f, e.colour.b / 255.f, 1.f}, e.count, e.active});
  return out;
}
}  // namespace cm

namespace cm {
std::optional<ColourBy> colourByFromName(std::string_view n) {
  if (n == "none") return ColourBy::Neutral;
  if (n == "control") return ColourBy::Control;
  if (n == "disputes") return ColourBy::Disputes;
  if (n == "faction") return ColourBy::Faction;
  return std::nullopt;
}

}  // namespace cm

namespace cm {
void MapSession::applyStyle(const StyleOptions& style) {
  const auto colourBy = colourByFromName(style.colourBy);
  if (!colourBy) throw UsageError("--colour-by: '" + style.colourBy + "' is not one of: none, control, disputes, faction");
  if (*colourBy != ColourBy::Neutral && !control_)
    throw UsageError("--colour-by " + style.colourBy + " needs the UK council data (not available with --boundaries)");
  colourBy_ = *colourBy;
  colourBlindSafe_ = style.colourBlindSafe;
}
}  // namespace cm
