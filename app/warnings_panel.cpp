#include "app/warnings_panel.h"

#include <imgui.h>

namespace cm {

void drawWarningsPanel(const Diagnostics& diagnostics, bool& open, float bottom, float scale) {
  const std::size_t problems = diagnostics.count(Severity::Warning) + diagnostics.count(Severity::Error);
  if (problems == 0) return;
  ImGui::SetNextWindowPos({10 * scale, bottom - 10 * scale}, ImGuiCond_Always, {0, 1});
  ImGui::Begin("##warnings-button", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
  const std::string label = std::to_string(problems) + (problems == 1 ? " data warning" : " data warnings");
  if (ImGui::Button(label.c_str())) open = !open;
  ImGui::End();
  if (!open) return;
  ImGui::SetNextWindowSize({640 * scale, 260 * scale}, ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowPos({10 * scale, bottom - 50 * scale}, ImGuiCond_FirstUseEver, {0, 1});
  if (ImGui::Begin("Data warnings", &open)) {
    for (const auto& d : diagnostics.items()) {
      if (d.severity == Severity::Info) continue;
      ImGui::TextWrapped("%s", d.text().c_str());
    }
  }
  ImGui::End();
}

}  // namespace cm
