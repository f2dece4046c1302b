#pragma once
#include <map>
#include <string>
#include <vector>

#include "geo/boundary_set.h"
#include "politics/council_state.h"

namespace cm {

// Totals over the councils shown at one date (those `included`, index-aligned with the set).
struct ControlSummary {
  std::size_t councils = 0, withData = 0;
  std::vector<std::pair<std::string, std::size_t>> councilsByControl;  // control (party, NOC, "" no data), most first
  std::vector<std::pair<std::string, int>> seatsByParty;               // most first
  int totalSeats = 0;
};
ControlSummary summarise(const BoundarySet& set, const std::vector<CouncilState>& states, int year, const std::vector<bool>& included);

// A council that changed hands between two dates.
struct ControlChange {
  std::string code, name, before, after;  // control codes ("" for no data)
};

// What changed between a comparison date and the date shown. Net change per control category is
// counted over all councils of each date, so mergers count too; `changes` lists councils that
// exist on both dates and changed hands.
struct ControlComparison {
  std::map<std::string, long> net;           // councils held at the date minus at the comparison date
  std::map<std::string, int> gains, losses;  // among councils present on both dates
  std::vector<ControlChange> changes;
  std::size_t created = 0, abolished = 0;  // boundary changes between the dates
};
ControlComparison compareControl(const BoundarySet& set, const std::vector<CouncilState>& before, int beforeYear,
                                 const std::vector<CouncilState>& after, int afterYear, const std::vector<bool>& included);

// Councils by control within each region (regions as given per feature, index-aligned).
struct RegionRow {
  std::string region;
  std::size_t councils = 0;
  std::map<std::string, std::size_t> byControl;
};
std::vector<RegionRow> controlByRegion(const BoundarySet& set, const std::vector<CouncilState>& states, int year,
                                       const std::vector<std::string>& regionOf, const std::vector<std::string>& regionOrder,
                                       const std::vector<bool>& included);

}  // namespace cm
