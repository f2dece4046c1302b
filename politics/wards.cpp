#include "politics/wards.h"

#include "base/csv_table.h"
#include "politics/control_history.h"
#include "politics/parties.h"

namespace cm {

WardCouncillors2018 WardCouncillors2018::fromTable(const CsvTable& t, Diagnostics& diag) {
  WardCouncillors2018 w;
  if (!requireColumns(t, {"WD18CD", "COUNC1", "COUNC2", "COUNC3", "REPR"}, diag)) return w;
  for (const auto& row : t.rows) {
    WardCouncillors c;
    for (const char* col : {"COUNC1", "COUNC2", "COUNC3"}) {
      const std::string& name = t.get(row, t.column(col));
      if (name.empty()) continue;
      c.names.push_back(name);
      c.codes.push_back(partyCodeFor(name).value_or("OTH"));
    }
    c.representation = t.get(row, t.column("REPR"));
    w.byWard_[t.get(row, t.column("WD18CD"))] = std::move(c);
  }
  return w;
}

const WardCouncillors* WardCouncillors2018::find(const std::string& code) const {
  const auto it = byWard_.find(code);
  return it == byWard_.end() ? nullptr : &it->second;
}

bool WardCouncillors2018::covers(Date d) { return !(d < electionDay(2018)) && d < electionDay(2019); }

}  // namespace cm
