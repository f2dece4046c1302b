#include "politics/consistency.h"

#include <algorithm>
#include <map>

#include <climits>

#include "politics/council_types.h"

namespace cm {
namespace {

// "line 12" from a composition's source ("Open Council Data UK, FILE line 12"); the whole source
// when it names no line, as a compiled dataset edited by hand might.
std::string lineOf(const std::string& source) {
  const auto at = source.rfind("line ");
  return at == std::string::npos ? source : source.substr(at);
}

struct CodeIndex {
  const std::vector<const BoundarySet*>& sets;
  int lastYear = INT_MIN;
  // True if an area with this code (or its other code) exists in `year`.
  bool exists(std::string_view code, int year) const {
    for (const BoundarySet* s : sets)
      for (std::string_view c : {code, sameCouncilOtherCode(code)})
        if (!c.empty())
          if (const auto f = s->findByCode(c, year); f && s->features[*f].existsIn(year)) return true;
    return false;
  }
};

}  // namespace

void checkConsistency(const ConsistencyInputs& in, Diagnostics& diag) {
  CodeIndex codes{in.boundaries};
  for (const BoundarySet* s : in.boundaries)
    if (const auto r = s->yearRange()) codes.lastYear = std::max(codes.lastYear, r->second);

  if (in.events) {
    for (const Event& e : in.events->all())
      for (const auto& c : e.councils)
        if (!codes.exists(c, e.date.year))
          diag.error(in.eventsFile, "line " + std::to_string(e.line) + " (" + e.id + ")",
                     "council " + c + " does not exist on " + e.date.iso());
  }

  if (in.leadership) {
    std::map<std::string, std::vector<const LeadershipPeriod*>> byCouncil;
    for (const auto& p : in.leadership->all()) {
      byCouncil[p.council].push_back(&p);
      const int year = p.start ? p.start->year : p.end ? p.end->year : 0;
      if (year && !codes.exists(p.council, year))
        diag.error(in.leadershipFile, "line " + std::to_string(p.line),
                   "council " + p.council + " does not exist in " + std::to_string(year));
    }
    for (auto& [council, periods] : byCouncil) {
      std::sort(periods.begin(), periods.end(), [](auto* a, auto* b) {
        return (a->start ? *a->start : Date{1, 1, 1}) < (b->start ? *b->start : Date{1, 1, 1});
      });
      for (std::size_t i = 0; i + 1 < periods.size(); ++i) {
        const LeadershipPeriod *a = periods[i], *b = periods[i + 1];
        if (!a->end || (b->start && *b->start < *a->end))
          diag.error(in.leadershipFile, "line " + std::to_string(b->line),
                     "overlaps line " + std::to_string(a->line) + " (" + council + " " + a->councilName + ": " +
                         (a->end ? "ends " + a->end->iso() : std::string("has no end")) + ", next starts " +
                         (b->start ? b->start->iso() : std::string("with no start")) + ")");
      }
    }
  }

  if (in.control) {
    for (int year = in.control->firstYear(); year <= in.control->lastYear(); ++year) {
      for (const auto& code : in.control->councils()) {
        const Composition* c = in.control->inYear(code, year);
        if (!c || codes.exists(code, year)) continue;
        if (codes.exists(code, year + 1))
          diag.info(in.controlFile, lineOf(c->source) + " (" + c->name + ")",
                    "a shadow council elected in " + std::to_string(year) + "; its area takes effect in " + std::to_string(year + 1));
        else if (year > codes.lastYear)
          diag.warn(in.controlFile, lineOf(c->source) + " (" + c->name + ")",
                    "no boundaries for " + std::to_string(year) + " yet, so " + code + " cannot be placed on the map");
        else
          diag.error(in.controlFile, lineOf(c->source) + " (" + c->name + ")",
                     "council " + code + " does not exist in " + std::to_string(year) + " in the boundaries");
      }
    }
  }
}

}  // namespace cm
