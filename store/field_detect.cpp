#include "store/field_detect.h"

#include <algorithm>
#include <cctype>
#include <regex>

namespace cm {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

int findExact(const std::vector<std::string>& names, const std::string& wanted) {
  const std::string w = lower(wanted);
  for (std::size_t i = 0; i < names.size(); ++i)
    if (lower(names[i]) == w) return static_cast<int>(i);
  return -1;
}

// ONS column names are PREFIX + two-digit vintage + CD/NM, e.g. LAD13CD, WD19NM, CTYUA21CD.
const std::regex kOnsCode(R"(^([a-z]{2,7})(\d{2})cd$)");
const std::regex kOnsName(R"(^([a-z]{2,7})(\d{2})nm$)");

}  // namespace

FieldRoles detectFieldRoles(const std::vector<std::string>& names, const std::string& codeOverride, const std::string& nameOverride) {
  FieldRoles roles;
  std::string codePrefix;  // e.g. "wd19", so the name pairs with the same area type and vintage
  if (!codeOverride.empty()) {
    roles.code = findExact(names, codeOverride);
  } else {
    for (std::size_t i = 0; i < names.size() && roles.code < 0; ++i) {
      const std::string n = lower(names[i]);
      std::smatch m;
      if (std::regex_match(n, m, kOnsCode)) {
        roles.code = static_cast<int>(i);
        codePrefix = m[1].str() + m[2].str();
      }
    }
    for (const char* generic : {"areacd", "lgdcode", "wardcode", "gss_code", "gss-code", "gsscode", "code"})
      if (roles.code < 0) roles.code = findExact(names, generic);
  }

  if (!nameOverride.empty()) {
    roles.name = findExact(names, nameOverride);
  } else {
    if (!codePrefix.empty()) roles.name = findExact(names, codePrefix + "nm");
    for (std::size_t i = 0; i < names.size() && roles.name < 0; ++i)
      if (std::regex_match(lower(names[i]), kOnsName)) roles.name = static_cast<int>(i);
    for (const char* generic : {"areanm", "lgdname", "wardname", "name", "nm"})
      if (roles.name < 0) roles.name = findExact(names, generic);
  }

  // A ward layer's council: an ONS district code column other than the area's own (LAD19CD beside WD19CD).
  if (codePrefix.rfind("wd", 0) == 0)
    for (std::size_t i = 0; i < names.size() && roles.parent < 0; ++i) {
      std::smatch m;
      const std::string n = lower(names[i]);
      if (int(i) != roles.code && std::regex_match(n, m, kOnsCode) && m[1].str() == "lad") roles.parent = int(i);
    }

  roles.startYear = findExact(names, "start");
  roles.endYear = findExact(names, "end");
  return roles;
}

}  // namespace cm
