#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cm {

// What the fill colour shows.
enum class ColourBy { Neutral, Control, Disputes, Faction };

// Each fill's one name, on the command line, in the settings file and in JSON.
inline constexpr struct {
  ColourBy mode;
  std::string_view name;
} kColourByNames[] = {
    {ColourBy::Neutral, "none"}, {ColourBy::Control, "control"}, {ColourBy::Disputes, "disputes"}, {ColourBy::Faction, "faction"}};

inline std::string_view colourByName(ColourBy mode) {
  for (const auto& [m, name] : kColourByNames)
    if (m == mode) return name;
  return "none";
}

inline std::optional<ColourBy> colourByFromName(std::string_view name) {
  for (const auto& [mode, n] : kColourByNames)
    if (n == name) return mode;
  return std::nullopt;
}

inline std::vector<std::string> colourByNameList() {
  std::vector<std::string> out;
  for (const auto& entry : kColourByNames) out.emplace_back(entry.name);
  return out;
}

}  // namespace cm
