#include "app/panels/help_overlay.h"

#include <imgui.h>

namespace cm {

void drawHelpOverlay(bool& open, float scale) {
  if (!open) return;
  static constexpr const char* kShortcuts[][2] = {
      {"Drag", "pan"},
      {"Wheel, + / -", "zoom (about the cursor with the wheel)"},
      {"Shift+arrows, Up / Down", "pan"},
      {"F, Home", "fit the map"},
      {"Click", "select a council"},
      {"Double-click, Z", "zoom to a council and show its wards / to the selection"},
      {"Esc", "clear the selection, close search"},
      {"Space", "play / pause the timeline"},
      {"Left / Right", "previous / next event"},
      {"C", "colour by control, disputes, faction, or plain"},
      {"D / O / N", "hatch disputes / outline factions / tint NOC"},
      {"B", "colour-blind-safe palette"},
      {"W", "wards when zoomed in, always, or off"},
      {"T", "districts or counties (the council tier)"},
      {"Tab", "fold or unfold the side panel"},
      {"Legend row", "filter to that category (chips undo)"},
      {"/ or Ctrl+F", "search councils and wards"},
      {"H", "this help"},
      {"Ctrl+Q", "quit"},
  };
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos({vp->Size.x / 2, vp->Size.y / 2}, ImGuiCond_Always, {0.5f, 0.5f});
  ImGui::SetNextWindowBgAlpha(0.95f);
  ImGui::Begin("Keyboard and mouse (H to close)", &open,
               ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse);
  if (ImGui::BeginTable("##keys", 2, ImGuiTableFlags_RowBg)) {
    for (const auto& row : kShortcuts) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row[0]);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row[1]);
    }
    ImGui::EndTable();
  }
  ImGui::Dummy({360 * scale, 0});
  ImGui::End();
}

}  // namespace cm
