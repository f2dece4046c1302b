#include "app/panels/warnings_panel.h"

#include <imgui.h>

namespace cm {

std::string warningsButtonLabel(std::size_t problems) {
  return std::to_string(problems) + (problems == 1 ? " data warning" : " data warnings");
}

void drawWarningsPanel(const Diagnostics& diagnostics, bool& open, const ScreenBox& box, float mapBottom, float scale) {
  const std::size_t problems = diagnostics.count(Severity::Warning) + diagnostics.count(Severity::Error);
  if (problems == 0 || box.empty()) return;
  ImGui::SetNextWindowPos({box.left, box.top}, ImGuiCond_Always);
  ImGui::SetNextWindowSize({box.width(), box.height()}, ImGuiCond_Always);
  ImGui::Begin("##warnings-button", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
  if (ImGui::Button(warningsButtonLabel(problems).c_str())) open = !open;
  ImGui::End();
  if (!open) return;
  ImGui::SetNextWindowSize({640 * scale, 260 * scale}, ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowPos({10 * scale, mapBottom - 50 * scale}, ImGuiCond_FirstUseEver, {0, 1});
  if (ImGui::Begin("Data warnings", &open)) {
    for (const auto& d : diagnostics.items()) {
      if (d.severity == Severity::Info) continue;
      ImGui::TextWrapped("%s", d.text().c_str());
    }
  }
  ImGui::End();
}

}  // namespace cm
