#include "politics/events.h"

#include <algorithm>

#include "base/csv_table.h"
#include "base/text_parse.h"
#include "politics/council_types.h"

namespace cm {

bool isEventType(std::string_view type) { return std::find(std::begin(kEventTypes), std::end(kEventTypes), type) != std::end(kEventTypes); }

std::string eventTypeLabel(std::string_view type) {
  std::string label(type);
  std::replace(label.begin(), label.end(), '_', ' ');
  if (!label.empty() && label[0] >= 'a' && label[0] <= 'z') label[0] = char(label[0] - 'a' + 'A');
  return label;
}

bool isDisputeType(std::string_view type) {
  for (std::string_view t : {"deselection", "selection_contest", "national_party_intervention", "budget_dispute", "policy_dispute",
                             "open_letter", "factional_organising", "pension_disinvestment_dispute"})
    if (t == type) return true;
  return false;
}

Date Event::lastDay() const {
  if (end) return *end;
  if (precision == "year") return {date.year, 12, 31};
  if (precision == "month") return endOfMonth(date.year, date.month);
  if (precision == "week") return dateFromDays(daysSinceEpoch(date) + 6);
  return date;
}

EventLog EventLog::fromTable(const CsvTable& t, Diagnostics& diag) {
  EventLog log;
  if (!requireColumns(t,
                      {"id", "date", "date_precision", "end_date", "type", "councils", "ward", "actors", "factions", "title", "summary",
                       "sources", "confidence"},
                      diag))
    return log;
  auto col = [&](const char* name) { return t.column(name); };
  std::unordered_map<std::string, int> lineOfId;
  for (const auto& row : t.rows) {
    Event e;
    e.line = row.line;
    e.id = t.get(row, col("id"));
    const std::string record = t.where(row) + (e.id.empty() ? "" : " (" + e.id + ")");
    if (e.id.empty())
      diag.warn(t.path, record, "has no id");
    else if (const auto [it, fresh] = lineOfId.emplace(e.id, row.line); !fresh)
      diag.warn(t.path, record, "id '" + e.id + "' is also used on line " + std::to_string(it->second));
    std::string why;
    const auto date = parseDate(t.get(row, col("date")), &why);
    if (!date) {
      diag.warn(t.path, record, "date: " + why + "; event skipped");
      continue;
    }
    e.date = *date;
    e.precision = t.get(row, col("date_precision"));
    if (e.precision != "day" && e.precision != "week" && e.precision != "month" && e.precision != "year") {
      diag.warn(t.path, record, "precision '" + e.precision + "' is not day, week, month or year; taken as day");
      e.precision = "day";
    }
    if (const std::string& endText = t.get(row, col("end_date")); !endText.empty()) {
      if (const auto end = parseDate(endText, &why))
        e.end = *end;
      else
        diag.warn(t.path, record, "end date: " + why + "; treated as open only on its date");
      if (e.end && *e.end < e.date) {
        diag.warn(t.path, record, "ends on " + e.end->iso() + ", before it starts on " + e.date.iso() + "; end date ignored");
        e.end.reset();
      }
    }
    e.type = t.get(row, col("type"));
    if (!isEventType(e.type)) {
      diag.warn(t.path, record, "type '" + e.type + "' is not in the vocabulary; event skipped");
      continue;
    }
    e.councils = splitList(t.get(row, col("councils")), ';');
    for (const auto& c : e.councils)
      if (!isCouncilCode(c)) diag.warn(t.path, record, "'" + c + "' is not a council code");
    e.ward = t.get(row, col("ward"));
    e.actors = t.get(row, col("actors"));
    e.factions = splitList(t.get(row, col("factions")), ';');
    e.title = t.get(row, col("title"));
    e.summary = t.get(row, col("summary"));
    e.sources = splitList(t.get(row, col("sources")), '|');
    e.confidence = t.get(row, col("confidence"));
    if (col("notes") >= 0) e.notes = t.get(row, col("notes"));
    if (e.sources.empty()) diag.warn(t.path, record, "has no source");
    log.events_.push_back(std::move(e));
  }
  std::sort(log.events_.begin(), log.events_.end(), [](const Event& a, const Event& b) { return a.date < b.date; });
  for (const Event& e : log.events_)
    for (const auto& c : e.councils) {
      log.byCouncil_[c].push_back(&e);
      if (const auto other = sameCouncilOtherCode(c); !other.empty()) log.byCouncil_[std::string(other)].push_back(&e);
    }
  return log;
}

const std::vector<const Event*>& EventLog::forCouncil(std::string_view code) const {
  static const std::vector<const Event*> none;
  const auto it = byCouncil_.find(std::string(code));
  return it == byCouncil_.end() ? none : it->second;
}

DisputeStatus EventLog::disputeAt(std::string_view council, Date d, int windowDays) const {
  DisputeStatus s;
  const int day = daysSinceEpoch(d);
  for (const Event* e : forCouncil(council)) {
    if (!isDisputeType(e->type)) continue;
    if (daysSinceEpoch(e->date) <= day && day <= daysSinceEpoch(e->lastDay()) + windowDays) s.events.push_back(e);
  }
  return s;
}

}  // namespace cm
