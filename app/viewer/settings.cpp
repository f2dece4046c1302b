#include "app/viewer/settings.h"

#include <cstdlib>
#include <fstream>

#include <nlohmann/json.hpp>

#include "base/atomic_file.h"

namespace cm {

std::filesystem::path configDir() {
  if (const char* d = std::getenv("COUNCILMAP_CONFIG_DIR"); d && *d) return d;
  if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x) return std::filesystem::path(x) / "councilmap";
  if (const char* h = std::getenv("HOME"); h && *h) return std::filesystem::path(h) / ".config" / "councilmap";
  return std::filesystem::temp_directory_path() / "councilmap";
}

namespace {
template <class T>
void read(const nlohmann::json& j, const char* key, T& into) {
  if (const auto it = j.find(key); it != j.end()) into = it->get<T>();
}
}  // namespace

Settings loadSettings(const std::filesystem::path& file, std::string* warning) {
  Settings s;
  std::ifstream in(file);
  if (!in) return s;
  try {
    const auto j = nlohmann::json::parse(in);
    read(j, "colour_by", s.colourBy);
    read(j, "colour_blind_safe", s.colourBlindSafe);
    read(j, "tint_noc", s.tintNoc);
    read(j, "hatch_disputes", s.hatchDisputes);
    read(j, "faction_outline", s.factionOutline);
    read(j, "panel_open", s.panelOpen);
    read(j, "panel_tab", s.panelTab);
    read(j, "panel_width", s.panelWidth);
    read(j, "playback_speed", s.playbackSpeed);
    read(j, "loop", s.loop);
    read(j, "wards", s.wards);
    read(j, "compare_with", s.compareWith);
  } catch (const std::exception& e) {
    if (warning) *warning = file.string() + ": settings ignored, " + e.what();
    return Settings{};
  }
  return s;
}

std::string saveSettings(const std::filesystem::path& file, const Settings& s) {
  namespace fs = std::filesystem;
  const nlohmann::json j = {{"colour_by", s.colourBy},
                            {"colour_blind_safe", s.colourBlindSafe},
                            {"tint_noc", s.tintNoc},
                            {"hatch_disputes", s.hatchDisputes},
                            {"faction_outline", s.factionOutline},
                            {"panel_open", s.panelOpen},
                            {"panel_tab", s.panelTab},
                            {"panel_width", s.panelWidth},
                            {"playback_speed", s.playbackSpeed},
                            {"loop", s.loop},
                            {"wards", s.wards},
                            {"compare_with", s.compareWith}};
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  return writeFileAtomically(file, j.dump(2) + "\n");
}

}  // namespace cm
