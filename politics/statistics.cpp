#include "politics/statistics.h"

#include <algorithm>

#include "politics/council_filter.h"

namespace cm {
namespace {

template <class Map>
auto mostFirst(const Map& m) {
  std::vector<std::pair<typename Map::key_type, typename Map::mapped_type>> out(m.begin(), m.end());
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

bool shown(const BoundarySet& set, const std::vector<bool>& included, std::size_t i, int year) {
  return set.features[i].existsIn(year) && (included.empty() || included[i]);
}

}  // namespace

ControlSummary summarise(const BoundarySet& set, const std::vector<CouncilState>& states, int year, const std::vector<bool>& included) {
  ControlSummary out;
  std::map<std::string, std::size_t> councils;
  std::map<std::string, int> seats;
  for (std::size_t i = 0; i < set.features.size() && i < states.size(); ++i) {
    if (!shown(set, included, i, year)) continue;
    ++out.councils;
    ++councils[controlOf(states[i])];
    if (const Composition* c = states[i].composition) {
      ++out.withData;
      out.totalSeats += c->totalSeats;
      for (const auto& [party, n] : c->seats) seats[party] += n;
    }
  }
  out.councilsByControl = mostFirst(councils);
  out.seatsByParty = mostFirst(seats);
  return out;
}

ControlComparison compareControl(const BoundarySet& set, const std::vector<CouncilState>& before, int beforeYear,
                                 const std::vector<CouncilState>& after, int afterYear, const std::vector<bool>& included) {
  ControlComparison out;
  for (std::size_t i = 0; i < set.features.size() && i < before.size() && i < after.size(); ++i) {
    if (!included.empty() && !included[i]) continue;
    const Feature& f = set.features[i];
    const bool was = f.existsIn(beforeYear), is = f.existsIn(afterYear);
    if (was) --out.net[controlOf(before[i])];
    if (is) ++out.net[controlOf(after[i])];
    out.created += is && !was;
    out.abolished += was && !is;
    if (!was || !is) continue;
    const std::string a = controlOf(before[i]), b = controlOf(after[i]);
    if (a == b) continue;
    ++out.losses[a];
    ++out.gains[b];
    out.changes.push_back({f.code, f.name, a, b});
  }
  std::erase_if(out.net, [](const auto& kv) { return kv.second == 0; });
  std::sort(out.changes.begin(), out.changes.end(), [](const auto& x, const auto& y) { return x.name < y.name; });
  return out;
}

std::vector<RegionRow> controlByRegion(const BoundarySet& set, const std::vector<CouncilState>& states, int year,
                                       const std::vector<std::string>& regionOf, const std::vector<std::string>& regionOrder,
                                       const std::vector<bool>& included) {
  std::vector<RegionRow> rows;
  for (const auto& r : regionOrder) rows.push_back({r, 0, {}});
  for (std::size_t i = 0; i < set.features.size() && i < states.size() && i < regionOf.size(); ++i) {
    if (!shown(set, included, i, year)) continue;
    auto it = std::find_if(rows.begin(), rows.end(), [&](const RegionRow& r) { return r.region == regionOf[i]; });
    if (it == rows.end()) it = rows.insert(rows.end(), {regionOf[i], 0, {}});
    ++it->councils;
    ++it->byControl[controlOf(states[i])];
  }
  std::erase_if(rows, [](const RegionRow& r) { return r.councils == 0; });
  return rows;
}

}  // namespace cm
