// How the session's councils look: fill categories, the legend, filters and overlays.
#include <map>

#include "app/map_session.h"
#include "app/panels/ui_overlay.h"
#include "politics/council_types.h"
#include "politics/parties.h"
#include "render/map_renderer.h"

namespace cm {

namespace {
constexpr Rgba kDimmed{0xf2, 0xf2, 0xf2, 255};
}

std::string MapSession::categoryOf(const CouncilState& s) const {
  switch (colourBy_) {
    case ColourBy::Control: return controlOf(s);
    case ColourBy::Disputes: return disputeLevelOf(s);
    case ColourBy::Faction: return std::string(s.faction());
    case ColourBy::Neutral: break;
  }
  return {};
}

Rgba MapSession::colourOfCategory(ColourBy mode, const std::string& key) const {
  switch (mode) {
    case ColourBy::Control: return colourForControl(key, look_.colourBlindSafe);
    case ColourBy::Disputes: return disputeColour(key.empty() ? 0 : std::size_t(key[0] - '0'));
    case ColourBy::Faction: return factionColour(key);
    case ColourBy::Neutral: break;
  }
  return {};
}

std::string MapSession::labelOfCategory(ColourBy mode, const std::string& key) const {
  if (mode == ColourBy::Control) {
    if (const Party* p = findParty(key)) return std::string(p->name);
    return key == kNoOverallControl ? "No overall control" : "No data";
  }
  if (mode == ColourBy::Disputes) {
    static const char* kLabels[] = {"No open dispute", "1 dispute event", "2 dispute events", "3 or more"};
    return key.size() == 1 && key[0] >= '0' && key[0] <= '3' ? kLabels[key[0] - '0'] : key;
  }
  return factionLabel(key);
}

CouncilFacts MapSession::factsOf(std::uint32_t feature, const CouncilState& state) const {
  const std::string& code = boundaries_.features[feature].code;
  return {code, &state, regions_.regionFor(code), areaTypeForCode(code), events_ ? &events_->forCouncil(code) : nullptr};
}

std::vector<bool> MapSession::includedAt(const std::vector<CouncilState>& states, Date d) const {
  std::vector<bool> out(boundaries_.features.size());
  for (std::uint32_t i = 0; i < out.size(); ++i)
    out[i] = boundaries_.features[i].existsIn(d.year) && (filter_.empty() || filter_.matches(factsOf(i, states[i]), d));
  return out;
}

std::vector<FeatureStyle> MapSession::styles() const {
  std::vector<FeatureStyle> out(boundaries_.features.size());
  const bool political = colourBy_ != ColourBy::Neutral || look_.hatchDisputes || look_.factionOutline || !filter_.empty();
  const std::vector<CouncilState> state = political ? states() : std::vector<CouncilState>(out.size());
  const std::vector<bool> shown = included(state);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const Feature& f = boundaries_.features[i];
    FeatureStyle& s = out[i];
    s.visible = f.existsIn(year());
    if (colourBy_ == ColourBy::Neutral) {
      s.fill = neutralColourFor(f.code);
    } else {
      const std::string key = categoryOf(state[i]);
      s.fill = colourOfCategory(colourBy_, key);
      // NOC tinted toward the largest party, so hung councils still show who leads them.
      if (look_.tintNoc && colourBy_ == ColourBy::Control && key == kNoOverallControl && !state[i].composition->largest.empty())
        s.fill = blend(s.fill, colourForControl(state[i].composition->largest, look_.colourBlindSafe), 0.45f);
    }
    s.hatch = look_.hatchDisputes && state[i].disputes.inDispute();
    if (look_.factionOutline && state[i].leadership && state[i].faction() != "unknown") s.outline = factionColour(state[i].faction());
    // Filtered out: dimmed toward a pale grey, not hidden, so the geography stays readable.
    if (s.visible && !shown[i]) {
      s.fill = blend(s.fill, kDimmed, 0.8f);
      s.hatch = false;
      s.outline.a = 0;
    }
  }
  return out;
}

std::vector<MapSession::LegendEntry> MapSession::legend() const {
  std::vector<LegendEntry> out;
  if (colourBy_ == ColourBy::Neutral) return out;
  const std::vector<CouncilState> state = states();
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
  const std::set<std::string>* chosen = colourBy_ == ColourBy::Control   ? &filter_.control
                                        : colourBy_ == ColourBy::Faction ? &filter_.factions
                                                                         : &filter_.disputeLevels;
  for (const auto& key : order)
    if (const auto it = counts.find(key); it != counts.end())
      out.push_back({labelOfCategory(key), colourOfCategory(colourBy_, key), it->second, key, chosen->empty() || chosen->count(key) > 0});
  return out;
}

std::size_t MapSession::dimmedCount() const {
  if (filter_.empty()) return 0;
  const std::vector<bool> shown = included(states());
  std::size_t n = 0;
  for (std::size_t i = 0; i < shown.size(); ++i) n += boundaries_.features[i].existsIn(year()) && !shown[i];
  return n;
}

void MapSession::toggleFilter(const std::string& key) {
  switch (colourBy_) {
    case ColourBy::Control: toggle(filter_.control, key); break;
    case ColourBy::Faction: toggle(filter_.factions, key); break;
    case ColourBy::Disputes: toggle(filter_.disputeLevels, key); break;
    case ColourBy::Neutral: break;
  }
}

void MapSession::applyStyle(const StyleOptions& style) {
  const auto colourBy = colourByFromName(style.colourBy);
  if (!colourBy) throw UsageError("--colour-by: '" + style.colourBy + "' is not one of: none, control, disputes, faction");
  const bool needsPolitics = *colourBy != ColourBy::Neutral || style.hatchDisputes || style.factionOutline;
  if (needsPolitics && !control_)
    throw UsageError("--colour-by " + style.colourBy + " and the dispute and faction overlays need the UK council data (not available with --boundaries)");
  colourBy_ = *colourBy;
  look_ = {style.colourBlindSafe, style.tintNoc, style.hatchDisputes, style.factionOutline};
}

}  // namespace cm
