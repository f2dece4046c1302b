// Active filters as removable chips under the caption.
#include <functional>

#include <imgui.h>

#include "app/panels/side_panel.h"
#include "politics/events.h"
#include "politics/palette.h"

namespace cm {

std::optional<CouncilFilter> drawFilterChips(const MapSession& session, float x, float y, float maxWidth, float scale, ScreenBox* drawn) {
  CouncilFilter f = session.view.filter;
  *drawn = {};
  if (f.empty()) return std::nullopt;
  ImGui::SetNextWindowPos({x, y}, ImGuiCond_Always);
  ImGui::SetNextWindowBgAlpha(0.85f);
  ImGui::SetNextWindowSizeConstraints({0, 0}, {maxWidth, 400 * scale});
  ImGui::Begin("##chips", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
  ImGui::TextDisabled("Showing only:");
  std::function<void()> remove;
  const float right = maxWidth - 16 * scale;
  auto chip = [&](const std::string& label, std::function<void()> onRemove) {
    const std::string text = label + "  x";
    const float w = ImGui::CalcTextSize(text.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x;
    ImGui::SameLine();
    if (ImGui::GetCursorPosX() + w > right) ImGui::NewLine();
    if (ImGui::SmallButton((text + "##" + label).c_str())) remove = std::move(onRemove);
  };
  auto chips = [&](std::set<std::string>& set, const std::string& prefix, const std::function<std::string(const std::string&)>& label) {
    for (const auto& v : set) chip(prefix + label(v), [&set, v] { set.erase(v); });
  };
  chips(f.control, "", [&](const std::string& k) { return labelOfCategory(ColourBy::Control, k); });
  chips(f.factions, "faction: ", [](const std::string& k) { return factionLabel(k); });
  chips(f.disputeLevels, "", [&](const std::string& k) { return labelOfCategory(ColourBy::Disputes, k); });
  chips(f.regions, "", [](const std::string& k) { return k; });
  chips(f.councilTypes, "", [](const std::string& k) { return k; });
  chips(f.events.types, "event: ", [](const std::string& k) { return eventTypeLabel(k); });
  if (f.events.minConfidence > 0)
    chip(f.events.minConfidence == 2 ? "verified events" : "partly verified events or better", [&f] { f.events.minConfidence = 0; });
  if (f.events.from) chip("events from " + f.events.from->iso(), [&f] { f.events.from.reset(); });
  if (f.events.to) chip("events to " + f.events.to->iso(), [&f] { f.events.to.reset(); });
  ImGui::SameLine();
  const bool reset = ImGui::SmallButton("Reset");
  const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  *drawn = {pos.x, pos.y, pos.x + size.x, pos.y + size.y};
  ImGui::End();
  if (reset) return CouncilFilter{};
  if (!remove) return std::nullopt;
  remove();
  return f;
}

}  // namespace cm
