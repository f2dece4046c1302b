#include "politics/regions.h"

#include <algorithm>

#include "base/search_index.h"
#include "base/text_parse.h"

namespace cm {

std::string nationForCode(std::string_view code) {
  if (code.empty()) return "Unknown";
  switch (code[0]) {
    case 'E': return "England";
    case 'W': return "Wales";
    case 'S': return "Scotland";
    case 'N': return "Northern Ireland";
    default: return "Unknown";
  }
}

const std::vector<std::string>& RegionLookup::all() {
  static const std::vector<std::string> kRegions = {"North East",    "North West",    "Yorkshire and The Humber",
                                                    "East Midlands", "West Midlands", "East of England",
                                                    "London",        "South East",    "South West",
                                                    "Wales",         "Scotland",      "Northern Ireland"};
  return kRegions;
}

namespace {

int firstColumn(const CsvTable& t, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (const int c = t.column(n); c >= 0) return c;
  return -1;
}

// "Yorkshire and the Humber" and other spellings onto the names of all().
std::string canonicalRegion(const std::string& name) {
  for (const auto& r : RegionLookup::all())
    if (foldForSearch(r) == foldForSearch(name)) return r;
  return name;
}

}  // namespace

RegionLookup RegionLookup::build(const CsvTable& reg, const CsvTable& lookup, const CsvTable& changes, Diagnostics& diag) {
  RegionLookup out;
  auto add = [&](const CsvTable& t, const CsvTable::Row& row, const std::string& code, const std::string& region) {
    if (code.empty() || region.empty()) return;
    const std::string canonical = canonicalRegion(region);
    if (std::find(all().begin(), all().end(), canonical) == all().end()) {
      diag.warn(t.path, t.where(row), "unknown region '" + region + "' for " + code);
      return;
    }
    out.byCode_.emplace(code, canonical);  // the first source wins
  };
  if (!reg.rows.empty()) {
    const int code = firstColumn(reg, {"code", "gss-code"}), former = firstColumn(reg, {"former_codes", "former-gss-codes"});
    const int region = reg.column("region");
    if (code < 0 || region < 0) {
      diag.warn(reg.path, "", "no code or region column; regions come from the 2014 lookup only");
    } else {
      for (const auto& row : reg.rows) {
        add(reg, row, reg.get(row, code), reg.get(row, region));
        if (former >= 0)
          for (const auto& old : splitList(reg.get(row, former), ',')) add(reg, row, old, reg.get(row, region));
      }
    }
  }
  if (!lookup.rows.empty()) {
    const int code = firstColumn(lookup, {"code", "ltlacd"}), region = firstColumn(lookup, {"region", "rgnnm"});
    if (code >= 0 && region >= 0)
      for (const auto& row : lookup.rows) add(lookup, row, lookup.get(row, code), lookup.get(row, region));
  }
  if (const int from = changes.column("oldcd"), to = changes.column("newcd"); from >= 0 && to >= 0)
    for (const auto& row : changes.rows)
      if (const auto it = out.byCode_.find(changes.get(row, from)); it != out.byCode_.end() && !changes.get(row, to).empty())
        out.byCode_.emplace(changes.get(row, to), std::string(it->second));
  return out;
}

std::string RegionLookup::regionFor(std::string_view code) const {
  if (const auto it = byCode_.find(std::string(code)); it != byCode_.end()) return it->second;
  const std::string nation = nationForCode(code);
  return nation == "England" ? "England (region unknown)" : nation;
}

}  // namespace cm
