#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/csv_table.h"

namespace cm {

// The nation of a GSS code from its first letter: England, Wales, Scotland or Northern Ireland.
std::string nationForCode(std::string_view gssCode);

// Which region each council lies in: England's nine regions, and the nation elsewhere.
// Built from mySociety's authority register (current and former codes) and, for districts the
// register leaves without a region, the ONS 2014 district lookup.
class RegionLookup {
 public:
  // Any table may be empty. Columns: register code|gss-code, former_codes|former-gss-codes, region;
  // lookup code|ltlacd, region|rgnnm; changes oldcd, newcd (a council whose code changed keeps its
  // region, which covers codes newer than the register, such as Barnsley's and Sheffield's of 2025).
  static RegionLookup build(const CsvTable& authorityRegister, const CsvTable& lookup2014, const CsvTable& codeChanges, Diagnostics& diag);
  // The region, or the nation when the code is not known (never empty for a GSS code).
  std::string regionFor(std::string_view code) const;
  // Every region in a fixed order: England's regions north to south, then Wales, Scotland, NI.
  static const std::vector<std::string>& all();
  std::size_t size() const { return byCode_.size(); }

 private:
  std::unordered_map<std::string, std::string> byCode_;
};

}  // namespace cm
