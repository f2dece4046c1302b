#include "app/map_session.h"

#include <array>
#include <iostream>
#include <set>

#include "app/panels/ui_overlay.h"
#include "politics/palette.h"
#include "politics/parties.h"

namespace cm {
namespace {

DatasetRequest requestFor(const CommonOptions& o) {
  return {o.dataset, o.dataDir, o.boundaries, o.layer, o.codeField, o.nameField, o.tier, o.sourcesOnly};
}

}  // namespace

bool MapSession::readsFromCacheOnly(const CommonOptions& o) { return MapDataset::readsFromCacheOnly(requestFor(o)); }

std::unique_ptr<MapSession> MapSession::open(const CommonOptions& o) {
  auto s = std::make_unique<MapSession>();
  s->data_ = MapDataset::open(requestFor(o));
  s->view.tier = o.tier;
  s->view.disputeWindowDays = o.disputeWindowDays;
  // Today, unless the data ends sooner; a date outside the data is shown, but never silently.
  const auto covered = s->data_->coveredDates();
  MapView& v = s->view;
  if (o.date.empty()) {
    v.date = today();
    if (covered && covered->second < v.date) {
      v.dateNote = "the data's last date (today is " + v.date.iso() + ")";
      v.date = covered->second;
    }
  } else {
    std::string why;
    const auto d = parseDate(o.date, &why);
    if (!d) throw UsageError("--date: " + why);
    v.date = *d;
    if (covered && (v.date < covered->first || covered->second < v.date)) {
      v.dateNote = "outside the data (" + covered->first.iso() + " to " + covered->second.iso() + ")";
      std::cerr << "councilmap: warning: --date " + v.date.iso() + " is outside the data, which covers " + covered->first.iso() + " to " +
                       covered->second.iso() + "; showing it with the nearest boundaries and no control known\n";
    }
  }
  return s;
}

void MapSession::applyStyle(const StyleOptions& options) {
  const auto colourBy = colourByFromName(options.colourBy);
  if (!colourBy) throw UsageError("--colour-by: '" + options.colourBy + "' is not one of: none, control, disputes, faction");
  Styling wanted;
  static_cast<StyleFlags&>(wanted) = options;
  wanted.colourBy = *colourBy;
  if (wanted.needsPolitics() && !data_->control())
    throw UsageError("--colour-by " + options.colourBy +
                     " and the dispute and faction overlays need the UK council data (not available with --boundaries)");
  style = wanted;
}

bool MapSession::setTier(const std::string& tier) {
  if (!data_->hasTiers() || tier == view.tier || (tier != "lower" && tier != "upper")) return false;
  data_->councils(tier);  // read now, so a failure leaves the view as it was
  view.tier = tier;
  return true;
}

std::vector<bool> MapSession::includedAt(const std::vector<CouncilState>& states, Date d) const {
  const BoundarySet& councils = boundaries();
  std::vector<bool> out(councils.features.size());
  for (std::uint32_t i = 0; i < out.size(); ++i)
    out[i] = councils.features[i].existsIn(d.year) &&
             (view.filter.empty() || view.filter.matches(data_->factsOf(councils.features[i].code, states[i]), d));
  return out;
}

std::size_t MapSession::dimmedCount() const {
  if (view.filter.empty()) return 0;
  const std::vector<bool> shown = included(states());
  std::size_t n = 0;
  for (std::size_t i = 0; i < shown.size(); ++i) n += boundaries().features[i].existsIn(year()) && !shown[i];
  return n;
}

std::size_t MapSession::visibleCount() const {
  std::size_t n = 0;
  for (const auto& f : boundaries().features) n += f.existsIn(year());
  return n;
}

std::vector<Box> MapSession::visibleBoxes() const {
  std::vector<Box> out;
  for (const Feature& f : boundaries().features)
    if (f.existsIn(year())) out.push_back(f.bbox);
  return out;
}

std::vector<FeatureStyle> MapSession::styles() const {
  const std::size_t n = boundaries().features.size();
  const std::vector<CouncilState> state = style.needsPolitics() || !view.filter.empty() ? states() : std::vector<CouncilState>(n);
  const std::vector<bool> shown = included(state);
  return featureStyles({boundaries(), state, shown, year()}, style);
}

std::vector<LegendEntry> MapSession::legend() const {
  if (style.colourBy == ColourBy::Neutral) return {};
  const std::vector<CouncilState> state = states();
  const std::vector<bool> unused;  // the legend counts every council, dimmed or not
  return legendEntries({boundaries(), state, unused, year()}, style, view.filter);
}

std::string MapSession::title() const {
  if (!data_->usesDefaultData()) return boundaries().layer;
  return view.tier == "upper" ? "UK councils, upper tier" : "UK councils";
}

std::string MapSession::subtitle() const {
  const std::string count = std::to_string(visibleCount()) + " areas";
  // A layer without validity years looks the same on every date, so the date would mislead.
  if (!boundaries().hasYears) return count;
  return view.date.iso() + "  \xC2\xB7  " + count + (view.dateNote.empty() ? "" : "  \xC2\xB7  " + view.dateNote);
}

std::vector<LegendItem> legendItems(const MapSession& session, const std::vector<LegendEntry>& entries) {
  std::vector<LegendItem> out;
  auto floats = [](Rgba c) { return std::array<float, 4>{c.r / 255.f, c.g / 255.f, c.b / 255.f, 1.f}; };
  auto add = [&](std::string label, Rgba c, std::size_t n, bool active, LegendItem::Swatch swatch, bool count) {
    const auto f = floats(c);
    out.push_back({std::move(label), {f[0], f[1], f[2], f[3]}, n, active, swatch, count});
  };
  for (const auto& e : entries) add(e.label, e.colour, e.count, e.active, LegendItem::Swatch::Fill, true);
  // The overlays, keyed by their pattern; they combine with any fill.
  const Styling& look = session.style;
  if (look.tintNoc && look.colourBy == ColourBy::Control)
    add("Tinted: NOC toward its largest party", colourForControl(kNoOverallControl, look.colourBlindSafe), 0, true,
        LegendItem::Swatch::Tint, false);
  if (look.hatchDisputes)
    add("Hatched: in dispute (" + std::to_string(session.view.disputeWindowDays) + "-day window)", {}, 0, true, LegendItem::Swatch::Hatch,
        false);
  if (look.factionOutline) {
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
