#include "politics/control_history.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <tuple>

#include "base/csv_table.h"
#include "politics/council_types.h"
#include "politics/parties.h"

namespace cm {

Date electionDay(int year) {
  // Zeller-style weekday of 1 May (0 = Monday): Sakamoto's method.
  static constexpr int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  int y = year;
  const int sunday0 = (y + y / 4 - y / 100 + y / 400 + t[4] + 1) % 7;  // 0 = Sunday, for 1 May
  const int daysToThursday = (4 - sunday0 + 7) % 7;
  return {year, 5, 1 + daysToThursday};
}

int electionYearFor(Date d) { return d < electionDay(d.year) ? d.year - 1 : d.year; }

std::string controlFromSeats(const std::vector<std::pair<std::string, int>>& seats, int total) {
  for (const auto& [party, n] : seats)
    if (2 * n > total) return party;
  return std::string(kNoOverallControl);
}

void ControlHistory::put(Composition c) {
  if (lastYear_ < firstYear_) firstYear_ = lastYear_ = c.year;
  if (c.year < firstYear_ || c.year > lastYear_) {
    // Years arrive in order in practice; re-index the rare out-of-order one.
    const int newFirst = std::min(firstYear_, c.year), newLast = std::max(lastYear_, c.year);
    for (auto& [code, v] : byCouncil_) {
      std::vector<Composition> moved(newLast - newFirst + 1);
      for (auto& comp : v)
        if (comp.year) moved[comp.year - newFirst] = std::move(comp);
      v = std::move(moved);
    }
    firstYear_ = newFirst;
    lastYear_ = newLast;
  }
  auto& v = byCouncil_[c.council];
  v.resize(lastYear_ - firstYear_ + 1);
  Composition& slot = v[c.year - firstYear_];
  if (slot.year == 0) ++count_;
  slot = std::move(c);
}

const Composition* ControlHistory::inYear(std::string_view council, int year) const {
  if (year < firstYear_ || year > lastYear_) return nullptr;
  const auto it = byCouncil_.find(std::string(council));
  if (it == byCouncil_.end() || std::size_t(year - firstYear_) >= it->second.size()) return nullptr;
  const Composition& c = it->second[year - firstYear_];
  return c.year ? &c : nullptr;
}

std::vector<std::string> ControlHistory::councils() const {
  std::vector<std::string> out;
  for (const auto& [code, v] : byCouncil_) out.push_back(code);
  std::sort(out.begin(), out.end());
  return out;
}

const Composition* ControlHistory::at(std::string_view council, Date d) const { return inYear(council, electionYearFor(d)); }

namespace {

bool parseCount(const std::string& s, int& out) {
  if (s.empty()) return false;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc{} && r.ptr == s.data() + s.size() && out >= 0;
}

// The 2016-2024 label: "Lab" = majority, "Lab plurality" = no overall control with Labour largest.
std::string controlFromLabel(const std::string& label) {
  const bool plurality = label.find("plurality") != std::string::npos;
  if (plurality) return std::string(kNoOverallControl);
  const auto code = partyCodeFor(label);
  return code ? *code : "";
}

// The source's 2025-26 administration label, or empty where it gives none ("NULL", "TBC").
std::string administrationFromLabel(const std::string& label) { return label == "NULL" || label == "TBC" ? std::string() : label; }

// The named groups table: council code -> (first year, last year, group), each row checked.
using NamedGroups = std::map<std::string, std::vector<std::tuple<int, int, std::string>>>;
NamedGroups readNamedGroups(const CsvTable& t, Diagnostics& diag) {
  NamedGroups out;
  if (t.columns.empty() || !requireColumns(t, {"council", "from_year", "to_year", "group", "sources", "confidence"}, diag)) return out;
  for (const auto& row : t.rows) {
    int from = 0, to = 0;
    const std::string code = t.get(row, t.column("council")), group = t.get(row, t.column("group"));
    if (!isCouncilCode(code) || group.empty() || !parseCount(t.get(row, t.column("from_year")), from) ||
        !parseCount(t.get(row, t.column("to_year")), to) || to < from) {
      diag.warn(t.path, t.where(row), "needs a council code, a group and years from <= to; row ignored");
      continue;
    }
    if (t.get(row, t.column("sources")).empty()) diag.warn(t.path, t.where(row), "has no source");
    out[code].emplace_back(from, to, group);
  }
  return out;
}

const std::string* namedGroupFor(const NamedGroups& groups, const std::string& code, int year) {
  const auto it = groups.find(code);
  if (it == groups.end()) return nullptr;
  for (const auto& [from, to, group] : it->second)
    if (from <= year && year <= to) return &group;
  return nullptr;
}

}  // namespace

ControlHistory ControlHistory::fromCompiled(const CsvTable& t, Diagnostics& diag) {
  ControlHistory h;
  if (!requireColumns(
          t, {"council", "name", "election_year", "total_seats", "control", "largest", "source_label", "administration", "note", "source"},
          diag))
    return h;
  const int council = t.column("council"), name = t.column("name"), year = t.column("election_year"), seats = t.column("total_seats"),
            control = t.column("control"), largest = t.column("largest"), label = t.column("source_label"),
            administration = t.column("administration"), note = t.column("note"), source = t.column("source"),
            group = t.column("control_group");            // absent from datasets built before it was added
  std::vector<std::pair<std::string, int>> partyColumns;  // the parties the table has a column for
  for (const Party& p : parties())
    if (const int c = t.column(std::string(p.code)); c >= 0) partyColumns.emplace_back(p.code, c);
  for (const auto& row : t.rows) {
    Composition c;
    c.council = t.get(row, council);
    c.name = t.get(row, name);
    if (!parseCount(t.get(row, year), c.year) || c.year < 1900 || c.year > 2100 || !parseCount(t.get(row, seats), c.totalSeats)) {
      diag.warn(
          t.path, t.where(row),
          "election year '" + t.get(row, year) + "' or total seats '" + t.get(row, seats) + "' is not a number in range; row skipped");
      continue;
    }
    for (const auto& [party, column] : partyColumns) {
      int n = 0;
      if (parseCount(t.get(row, column), n) && n > 0) c.seats.emplace_back(party, n);
    }
    std::stable_sort(c.seats.begin(), c.seats.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    c.control = t.get(row, control);
    if (group >= 0) c.controlGroup = t.get(row, group);
    c.largest = t.get(row, largest);
    c.sourceLabel = t.get(row, label);
    c.administration = t.get(row, administration);
    c.note = t.get(row, note);
    c.source = t.get(row, source);
    h.put(std::move(c));
  }
  return h;
}

ControlHistory ControlHistory::fromTables(const CsvTable& t, const CsvTable& changes, const CsvTable& lookup, const CsvTable& namedGroups,
                                          const CsvTable& electionResults, Diagnostics& diag) {
  ControlHistory h;
  const NamedGroups groups = readNamedGroups(namedGroups, diag);
  std::set<std::string> withResults;  // councils whose rows the project's election results replace
  if (const int c = electionResults.column("council"); c >= 0)
    for (const auto& row : electionResults.rows) withResults.insert(electionResults.get(row, c));
  std::size_t othersWithoutGroup = 0;
  const std::string& compositionCsv = t.path;
  static const std::vector<std::pair<std::string, std::string>> kSeatColumns = {{"con", "CON"},   {"lab", "LAB"},   {"ld", "LD"},
                                                                                {"green", "GRN"}, {"ukip", "UKIP"}, {"ref", "REF"},
                                                                                {"pc", "PC"},     {"snp", "SNP"},   {"other", "OTH"}};
  std::vector<std::string> required = {"authority", "year", "total", "majority_raw", "ons_uktopo_areacd"};
  for (const auto& [col, party] : kSeatColumns) required.push_back(col);
  if (!requireColumns(t, required, diag)) return h;
  const int cCode = t.column("ons_uktopo_areacd"), cName = t.column("authority"), cYear = t.column("year"), cTotal = t.column("total"),
            cLabel = t.column("majority_raw");
  std::size_t disagreements = 0;
  for (const auto& row : t.rows) {
    Composition c;
    c.council = t.get(row, cCode);
    c.name = t.get(row, cName);
    c.sourceLabel = t.get(row, cLabel);
    c.source = "Open Council Data UK, " + compositionCsv.substr(compositionCsv.find_last_of('/') + 1) + " " + t.where(row);
    const std::string record = t.where(row) + " (" + c.name + ")";
    if (c.council.empty()) {
      diag.warn(t.path, record, "no council code; row skipped");
      continue;
    }
    if (!isCouncilCode(c.council)) diag.warn(t.path, record, "'" + c.council + "' is not a council code");
    if (!parseCount(t.get(row, cYear), c.year) || c.year < 1900 || c.year > 2100) {
      diag.warn(t.path, record, "year '" + t.get(row, cYear) + "' is not a year; row skipped");
      continue;
    }
    if (!parseCount(t.get(row, cTotal), c.totalSeats)) {
      diag.warn(t.path, record, "total seats '" + t.get(row, cTotal) + "' is not a count; row skipped");
      continue;
    }
    bool seatsOk = true;
    int sum = 0;
    for (const auto& [col, party] : kSeatColumns) {
      int n = 0;
      if (!parseCount(t.get(row, t.column(col)), n)) {
        diag.warn(t.path, record, "seats for " + party + " '" + t.get(row, t.column(col)) + "' are not a count; row skipped");
        seatsOk = false;
        break;
      }
      if (n > 0) c.seats.emplace_back(party, n);
      sum += n;
    }
    if (!seatsOk) continue;
    if (sum != c.totalSeats)
      diag.warn(t.path, record, "seats add up to " + std::to_string(sum) + ", not the total " + std::to_string(c.totalSeats));
    std::stable_sort(c.seats.begin(), c.seats.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    c.control = controlFromSeats(c.seats, c.totalSeats);
    if (!c.seats.empty() && (c.seats.size() == 1 || c.seats[0].second > c.seats[1].second)) c.largest = c.seats[0].first;
    if (c.control == "OTH") {
      if (const std::string* group = namedGroupFor(groups, c.council, c.year)) {
        c.controlGroup = *group;
      } else if (withResults.count(c.council)) {
        c.control = std::string(kNoOverallControl);  // replaced below by the council's own election results
      } else {
        c.control = std::string(kNoOverallControl);
        c.note = "independents and others hold " + std::to_string(c.seats[0].second) + " of " + std::to_string(c.totalSeats) +
                 " seats, but no one named group is known to hold a majority: no overall control";
        ++othersWithoutGroup;
        diag.info(t.path, record, c.note);
      }
    }
    if (c.year >= 2025) {
      c.administration = administrationFromLabel(c.sourceLabel);  // from 2025 the label names the administration
    } else if (const std::string byLabel = controlFromLabel(c.sourceLabel);
               !byLabel.empty() && byLabel != c.control && !(byLabel == "OTH" && c.control == kNoOverallControl)) {
      ++disagreements;
      c.note = "the source labels this '" + c.sourceLabel + "', but by seats control is " + c.control;
      diag.info(t.path, record, c.note);
    }
    if (h.inYear(c.council, c.year))
      diag.warn(t.path, record, "a second row for " + c.council + " in " + std::to_string(c.year) + " replaces the first");
    h.put(std::move(c));
  }

  h.addElectionResults(electionResults, diag);

  // Gap 1 (2022 shadow unitaries): the source lists a new council from its shadow election and drops
  // the districts and county it replaces, although they governed until the merger took effect. Their
  // last listed composition is carried forward to the end of their life.
  // Gap 2 (Buckinghamshire 2020): a new unitary with no row in its first year took its first members
  // from the county council it replaced; that county's last composition is carried over.
  if (!requireColumns(changes, {"oldcd", "oldnm", "newcd", "newnm", "type", "start"}, diag)) return h;
  std::map<std::string, std::string> countyOf;
  if (requireColumns(lookup, {"ltlacd", "ctycd"}, diag)) {
    for (const auto& r : lookup.rows) countyOf[lookup.get(r, lookup.column("ltlacd"))] = lookup.get(r, lookup.column("ctycd"));
  }
  std::map<std::string, int> endsBefore;                         // council code -> first year it no longer exists
  std::map<std::string, std::pair<std::string, int>> successor;  // new council -> (a predecessor, first year)
  for (const auto& r : changes.rows) {
    const std::string type = changes.get(r, changes.column("type"));
    if (type != "merger" && type != "termination") continue;
    int start = 0;
    if (!parseCount(changes.get(r, changes.column("start")), start) || start < 1900 || start > 2100) {
      diag.warn(changes.path, changes.where(r), "start '" + changes.get(r, changes.column("start")) + "' is not a year; change ignored");
      continue;
    }
    endsBefore[changes.get(r, changes.column("oldcd"))] = start;
    if (type == "merger" && isCouncilCode(changes.get(r, changes.column("newcd"))))
      successor[changes.get(r, changes.column("newcd"))] = {changes.get(r, changes.column("oldcd")), start};
  }
  for (const auto& [code, end] : endsBefore) {
    for (int y = h.firstYear_ + 1; y < end; ++y) {
      if (h.inYear(code, y)) continue;
      const Composition* prev = h.inYear(code, y - 1);
      if (!prev) continue;
      Composition c = *prev;
      c.year = y;
      c.note = "no row for " + std::to_string(y) + ": the source lists the shadow successor council instead; " + c.name +
               " governed until its abolition on 1 April " + std::to_string(end) + ", so its " + std::to_string(prev->year) +
               " composition is carried forward";
      diag.info(compositionCsv, c.name + " " + std::to_string(y), c.note);
      h.put(std::move(c));
    }
  }
  for (const auto& [code, pred] : successor) {
    const auto& [predecessor, start] = pred;
    if (h.inYear(code, start)) continue;
    const auto county = countyOf.find(predecessor);
    const Composition* from = county != countyOf.end() ? h.inYear(county->second, start - 1) : nullptr;
    if (!from) {
      diag.warn(compositionCsv, code, "no composition for the new council's first year " + std::to_string(start) + "; shown as unknown");
      continue;
    }
    Composition c = *from;
    c.council = code;
    c.year = start;
    c.note = "no row for " + std::to_string(start) +
             " (its first elections were postponed): the new council's first members were those of " + from->name + ", whose " +
             std::to_string(from->year) + " composition is carried over";
    diag.info(compositionCsv, code + " " + std::to_string(start), c.note);
    h.put(std::move(c));
  }
  if (othersWithoutGroup)
    diag.warn(compositionCsv, "",
              std::to_string(othersWithoutGroup) +
                  " council-years where independents and others together hold a majority but no one named group " +
                  "is known to: shown as no overall control (-v lists them; a group that does hold one belongs in " +
                  (namedGroups.path.empty() ? std::string("data/tables/named_groups.csv") : namedGroups.path) + ")");
  if (disagreements)
    diag.info(compositionCsv, "", std::to_string(disagreements) + " rows where the source's control label disagrees with the seats");
  return h;
}

void ControlHistory::addElectionResults(const CsvTable& t, Diagnostics& diag) {
  if (t.columns.empty() || !requireColumns(t, {"council", "council_name", "election_date", "total_seats", "sources", "confidence"}, diag))
    return;
  std::map<std::string, std::vector<Composition>> byCouncil;
  for (const auto& row : t.rows) {
    Composition c;
    c.council = t.get(row, t.column("council"));
    c.name = t.get(row, t.column("council_name"));
    const std::string record = t.where(row) + " (" + c.name + ")";
    const auto date = parseDate(t.get(row, t.column("election_date")));
    if (!isCouncilCode(c.council) || !date || !parseCount(t.get(row, t.column("total_seats")), c.totalSeats)) {
      diag.warn(t.path, record, "needs a council code, an election date and a seat count; row ignored");
      continue;
    }
    c.year = date->year;
    int sum = 0;
    for (const Party& p : parties()) {
      int n = 0;
      const int column = t.column(std::string(p.code));
      if (column >= 0 && parseCount(t.get(row, column), n) && n > 0) c.seats.emplace_back(p.code, n);
      sum += n;
    }
    if (sum != c.totalSeats)
      diag.warn(t.path, record, "seats add up to " + std::to_string(sum) + ", not the total " + std::to_string(c.totalSeats));
    std::stable_sort(c.seats.begin(), c.seats.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    c.control = controlFromSeats(c.seats, c.totalSeats);
    if (c.control == "OTH") c.control = std::string(kNoOverallControl);  // independents and others are not one group
    if (!c.seats.empty() && (c.seats.size() == 1 || c.seats[0].second > c.seats[1].second)) c.largest = c.seats[0].first;
    c.source = t.get(row, t.column("sources")) + " (" + t.get(row, t.column("confidence")) + ", " +
               t.path.substr(t.path.find_last_of('/') + 1) + " " + t.where(row) + ")";
    byCouncil[c.council].push_back(std::move(c));
  }
  for (auto& [code, results] : byCouncil) {
    std::sort(results.begin(), results.end(), [](const auto& a, const auto& b) { return a.year < b.year; });
    for (std::size_t i = 0; i < results.size(); ++i) {
      const int until = i + 1 < results.size() ? results[i + 1].year - 1 : std::max(lastYear_, results[i].year);
      for (int y = results[i].year; y <= until; ++y) {
        Composition c = results[i];
        if (y != c.year)
          c.note = "the seats after the " + std::to_string(c.year) + " election, in force until the next; the source's own row for " +
                   std::to_string(y) + ", if any, lumps the parties together";
        c.year = y;
        put(std::move(c));
      }
    }
  }
}

}  // namespace cm
