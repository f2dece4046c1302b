#include "view/map_style.h"

#include <map>
#include <set>

#include "politics/parties.h"

namespace cm {
namespace {
constexpr Rgba kDimmed{0xf2, 0xf2, 0xf2, 255};
}

std::string categoryOf(ColourBy mode, const CouncilState& s) {
  switch (mode) {
    case ColourBy::Control: return controlOf(s);
    case ColourBy::Disputes: return disputeLevelOf(s);
    case ColourBy::Faction: return std::string(s.faction());
    case ColourBy::Neutral: break;
  }
  return {};
}

Rgba colourOfCategory(ColourBy mode, const std::string& key, bool colourBlindSafe) {
  switch (mode) {
    case ColourBy::Control: return colourForControl(key, colourBlindSafe);
    case ColourBy::Disputes: return disputeColour(key.empty() ? 0 : std::size_t(key[0] - '0'));
    case ColourBy::Faction: return factionColour(key);
    case ColourBy::Neutral: break;
  }
  return {};
}

std::string labelOfCategory(ColourBy mode, const std::string& key) {
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

std::string legendHeading(ColourBy mode, int disputeWindowDays) {
  return mode == ColourBy::Disputes  ? "Disputes (open or within " + std::to_string(disputeWindowDays) + " days)"
         : mode == ColourBy::Faction ? "Leading faction"
                                     : "Control";
}

void toggleCategory(CouncilFilter& filter, ColourBy mode, const std::string& key) {
  switch (mode) {
    case ColourBy::Control: toggle(filter.control, key); break;
    case ColourBy::Faction: toggle(filter.factions, key); break;
    case ColourBy::Disputes: toggle(filter.disputeLevels, key); break;
    case ColourBy::Neutral: break;
  }
}

std::vector<FeatureStyle> featureStyles(const StyleInput& in, const Styling& look) {
  std::vector<FeatureStyle> out(in.areas.features.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    const Feature& f = in.areas.features[i];
    const CouncilState& state = in.states[i];
    FeatureStyle& s = out[i];
    s.visible = f.existsIn(in.year);
    if (look.colourBy == ColourBy::Neutral) {
      s.fill = neutralColourFor(f.code);
    } else {
      const std::string key = categoryOf(look.colourBy, state);
      s.fill = colourOfCategory(look.colourBy, key, look.colourBlindSafe);
      // NOC tinted toward the largest party, so hung councils still show who leads them.
      if (look.tintNoc && look.colourBy == ColourBy::Control && key == kNoOverallControl && !state.composition->largest.empty())
        s.fill = blend(s.fill, colourForControl(state.composition->largest, look.colourBlindSafe), 0.45f);
    }
    s.hatch = look.hatchDisputes && state.disputes.inDispute();
    if (look.factionOutline && state.leadership && state.faction() != "unknown") s.outline = factionColour(state.faction());
    // Filtered out: dimmed toward a pale grey, not hidden, so the geography stays readable.
    if (s.visible && !in.included[i]) {
      s.fill = blend(s.fill, kDimmed, 0.8f);
      s.hatch = false;
      s.outline.a = 0;
    }
  }
  return out;
}

std::vector<LegendEntry> legendEntries(const StyleInput& in, const Styling& look, const CouncilFilter& filter) {
  std::vector<LegendEntry> out;
  if (look.colourBy == ColourBy::Neutral) return out;
  std::map<std::string, std::size_t> counts;
  for (std::size_t i = 0; i < in.states.size(); ++i)
    if (in.areas.features[i].existsIn(in.year)) ++counts[categoryOf(look.colourBy, in.states[i])];
  std::vector<std::string> order;
  if (look.colourBy == ColourBy::Control) {
    for (const Party& p : parties()) order.emplace_back(p.code);
    order.emplace_back(kNoOverallControl);
    order.emplace_back("");
  } else {
    for (const auto& [key, n] : counts) order.push_back(key);
  }
  const std::set<std::string>& chosen = look.colourBy == ColourBy::Control   ? filter.control
                                        : look.colourBy == ColourBy::Faction ? filter.factions
                                                                             : filter.disputeLevels;
  for (const auto& key : order)
    if (const auto it = counts.find(key); it != counts.end())
      out.push_back({labelOfCategory(look.colourBy, key), colourOfCategory(look.colourBy, key, look.colourBlindSafe), it->second, key,
                     chosen.empty() || chosen.count(key) > 0});
  return out;
}

}  // namespace cm
