#include "app/panels/search_panel.h"

#include <algorithm>

#include <imgui.h>

namespace cm {

std::optional<std::string> drawSearchPanel(SearchState& s, const SearchIndex& index, float scale) {
  if (!s.open) return std::nullopt;
  std::optional<std::string> chosen;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos({vp->Size.x / 2, 12 * scale}, ImGuiCond_Always, {0.5f, 0});
  ImGui::SetNextWindowSize({std::min(420 * scale, vp->Size.x - 20 * scale), 0});  // never wider than the window
  ImGui::Begin("##search", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
  if (s.focusInput) {
    ImGui::SetKeyboardFocusHere();
    s.focusInput = false;
  }
  ImGui::SetNextItemWidth(-1);
  const bool enter = ImGui::InputTextWithHint("##query", "Search councils and wards (Esc to close)", s.query, sizeof s.query,
                                              ImGuiInputTextFlags_EnterReturnsTrue);
  const auto results = index.find(s.query, 10);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) ++s.highlighted;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) --s.highlighted;
  s.highlighted = results.empty() ? 0 : std::clamp(s.highlighted, 0, int(results.size()) - 1);
  for (int i = 0; i < int(results.size()); ++i) {
    const SearchEntry* e = results[i];
    if (ImGui::Selectable(e->label.c_str(), i == s.highlighted)) chosen = e->code;
    ImGui::SameLine();
    ImGui::TextDisabled("%s", e->detail.c_str());
  }
  if (s.query[0] && results.empty()) ImGui::TextDisabled("No council matches \"%s\"", s.query);
  if (enter && !results.empty()) chosen = results[s.highlighted]->code;
  if (enter) ImGui::SetKeyboardFocusHere(-1);  // keep typing after a miss
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) s.open = false;
  ImGui::End();
  if (chosen) {
    s.open = false;
    s.query[0] = 0;
    s.highlighted = 0;
  }
  return chosen;
}

}  // namespace cm
