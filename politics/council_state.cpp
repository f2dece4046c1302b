#include "politics/council_state.h"

namespace cm {

CouncilState PoliticalData::stateOf(std::string_view code, Date d) const {
  CouncilState s;
  if (control) s.composition = control->at(code, d);
  if (leadership) s.leadership = leadership->at(code, d);
  if (events) s.disputes = events->disputeAt(code, d, disputeWindowDays);
  return s;
}

std::vector<CouncilState> PoliticalData::stateAt(const BoundarySet& set, Date d) const {
  std::vector<CouncilState> out(set.features.size());
  for (std::size_t i = 0; i < out.size(); ++i)
    if (set.features[i].existsIn(d.year)) out[i] = stateOf(set.features[i].code, d);
  return out;
}

}  // namespace cm
