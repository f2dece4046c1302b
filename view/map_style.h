#pragma once
// The style: what the user chose to see (view/styling.h) and each council's state at a date in; each
// area's look and the legend out. Pure functions of their arguments: no files, no GL, no globals.
#include <cstddef>
#include <string>
#include <vector>

#include "geo/boundary_set.h"
#include "politics/council_filter.h"
#include "politics/council_state.h"
#include "view/feature_style.h"
#include "view/styling.h"

namespace cm {

// The category a council falls in under a colour mode: a party code, NOC or "" (no data) for control;
// "0" to "3" open dispute events; a faction code. Empty for the plain map.
std::string categoryOf(ColourBy mode, const CouncilState& state);
Rgba colourOfCategory(ColourBy mode, const std::string& key, bool colourBlindSafe);
std::string labelOfCategory(ColourBy mode, const std::string& key);
std::string legendHeading(ColourBy mode, int disputeWindowDays);
// A legend click: the category goes into (or out of) the filter's criterion for that colour mode.
void toggleCategory(CouncilFilter& filter, ColourBy mode, const std::string& key);

// The areas as the style sees them at one date, index-aligned: each area's state (empty states
// where the plain map needs none) and whether it is shown undimmed (exists and passes the filter).
struct StyleInput {
  const BoundarySet& areas;
  const std::vector<CouncilState>& states;
  const std::vector<bool>& included;
  int year = 0;
};

// Each area's fill, hatching and outline; filtered-out areas dimmed toward a pale grey, not hidden.
std::vector<FeatureStyle> featureStyles(const StyleInput& in, const Styling& styling);

struct LegendEntry {
  std::string label;
  Rgba colour;
  std::size_t count = 0;
  std::string key;     // the category (categoryOf)
  bool active = true;  // false when a filter dims this category
};
// What each fill colour means and how many areas existing in the year have it, parties in their
// registry order then NOC and no data, other modes in key order; empty for the plain map.
std::vector<LegendEntry> legendEntries(const StyleInput& in, const Styling& styling, const CouncilFilter& filter);

}  // namespace cm
