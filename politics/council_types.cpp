#include "politics/council_types.h"

#include <algorithm>
#include <array>
#include <utility>

namespace cm {

std::string areaTypeForCode(std::string_view code) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kTypes{{
      {"E06", "Unitary authority"},
      {"E07", "Non-metropolitan district"},
      {"E08", "Metropolitan borough"},
      {"E09", "London borough"},
      {"E10", "County council"},
      {"E11", "Metropolitan county"},
      {"E47", "Combined authority"},
      {"W06", "Welsh principal area"},
      {"S12", "Scottish council area"},
      {"N09", "Northern Ireland district"},
      {"E05", "Electoral ward"},
      {"W05", "Electoral ward"},
      {"S13", "Electoral ward"},
      {"N08", "Electoral ward"},
  }};
  if (code.size() >= 3)
    for (auto [prefix, name] : kTypes)
      if (code.substr(0, 3) == prefix) return std::string(name);
  return "Unknown area type";
}

bool isCouncilCode(std::string_view code) {
  // A GSS code is a letter and eight digits: "E0900001X" or "E09 000014" is a typo, not a council.
  if (code.size() != 9 || !std::all_of(code.begin() + 1, code.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  for (std::string_view p : {"E06", "E07", "E08", "E09", "E10", "W06", "S12", "N09"})
    if (code.substr(0, 3) == p) return true;
  return false;
}

std::string_view sameCouncilOtherCode(std::string_view code) {
  static constexpr std::pair<std::string_view, std::string_view> kPairs[] = {{"S12000049", "S12000046"}, {"S12000050", "S12000044"}};
  for (auto [a, b] : kPairs) {
    if (code == a) return b;
    if (code == b) return a;
  }
  return {};
}

}  // namespace cm
