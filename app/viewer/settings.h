#pragma once
#include <filesystem>
#include <string>

#include "view/styling.h"

namespace cm {

// Preferences that outlive a run: how the map is coloured, the panel and playback. Stored as JSON
// in the user's config folder beside ImGui's window layout (imgui.ini).
struct Settings : StyleFlags {
  std::string colourBy = "control";
  bool panelOpen = true;
  int panelTab = 0;
  float panelWidth = 360;  // points
  int playbackSpeed = 2;
  bool loop = true;
  std::string wards = "auto";  // auto (when zoomed in) or off
  std::string compareWith;     // the statistics tab's comparison date, ISO; empty: a year before
};

// $COUNCILMAP_CONFIG_DIR, else $XDG_CONFIG_HOME/councilmap, else ~/.config/councilmap.
std::filesystem::path configDir();

// Missing file: defaults. A broken file: defaults, and `warning` says which file and what is wrong.
Settings loadSettings(const std::filesystem::path& file, std::string* warning);
// Written beside the target and renamed into place. Returns an error message, empty on success.
std::string saveSettings(const std::filesystem::path& file, const Settings& s);

}  // namespace cm
