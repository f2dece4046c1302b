#include "politics/leadership.h"

#include "base/csv_table.h"

namespace cm {

LeadershipRecord LeadershipRecord::fromTable(const CsvTable& t, Diagnostics& diag) {
  LeadershipRecord r;
  if (!requireColumns(t, {"council", "council_name", "leader", "party", "faction", "start_date", "end_date"}, diag)) return r;
  auto get = [&](const CsvTable::Row& row, const char* c) { return t.get(row, t.column(c)); };
  for (const auto& row : t.rows) {
    LeadershipPeriod p;
    p.line = row.line;
    p.council = get(row, "council");
    p.councilName = get(row, "council_name");
    p.leader = get(row, "leader");
    p.party = get(row, "party");
    p.faction = get(row, "faction").empty() ? "unknown" : get(row, "faction");
    if (t.column("basis") >= 0) p.basis = get(row, "basis");
    if (t.column("confidence") >= 0) p.confidence = get(row, "confidence");
    if (t.column("sources") >= 0)
      for (std::size_t a = 0, b; a < get(row, "sources").size(); a = b + 1) {
        const std::string s = get(row, "sources");
        b = s.find('|', a);
        if (b == std::string::npos) b = s.size();
        if (b > a) p.sources.push_back(s.substr(a, b - a));
      }
    const std::string record = t.where(row) + " (" + p.councilName + ")";
    bool ok = true;
    for (auto [text, slot] : {std::pair{get(row, "start_date"), &p.start}, std::pair{get(row, "end_date"), &p.end}}) {
      if (text.empty()) continue;
      std::string why;
      if (const auto d = parseDate(text, &why))
        *slot = *d;
      else {
        diag.warn(t.path, record, why + "; period skipped");
        ok = false;
      }
    }
    if (!ok) continue;
    if (t.column("start_precision") >= 0 && !get(row, "start_precision").empty()) p.startPrecision = get(row, "start_precision");
    if (p.start && p.end && !(*p.start < *p.end)) diag.warn(t.path, record, "ends before it starts");
    r.byCouncil_[p.council].push_back(r.periods_.size());
    r.periods_.push_back(std::move(p));
  }
  // A start known only to the month or year, inside which the previous leader's period ended, began
  // when that one ended: "Yates, 2018" after "Morgan, to 26 February 2018" starts on 26 February.
  for (auto& [council, indices] : r.byCouncil_) {
    for (std::size_t a : indices)
      for (std::size_t b : indices) {
        LeadershipPeriod &pa = r.periods_[a], &pb = r.periods_[b];
        if (a == b || !pa.end || !pb.start || pb.startPrecision == "day" || !(*pb.start < *pa.end)) continue;
        const Date periodEnd = pb.startPrecision == "year" ? Date{pb.start->year, 12, 31} : endOfMonth(pb.start->year, pb.start->month);
        if (!(periodEnd < *pa.end) && (!pa.start || *pa.start < *pb.start)) pb.start = pa.end;
      }
  }
  return r;
}

const LeadershipPeriod* LeadershipRecord::at(std::string_view council, Date d) const {
  const auto it = byCouncil_.find(std::string(council));
  if (it == byCouncil_.end()) return nullptr;
  // The latest-starting period that covers the date wins, so a dated successor overrides an
  // open-ended earlier record.
  const LeadershipPeriod* best = nullptr;
  for (std::size_t i : it->second) {
    const LeadershipPeriod& p = periods_[i];
    if (p.covers(d) && (!best || (p.start && (!best->start || *best->start < *p.start)))) best = &p;
  }
  return best;
}

}  // namespace cm
