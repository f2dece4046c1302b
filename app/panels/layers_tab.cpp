// The Layers tab: what the fill shows, the overlays drawn over it, the tier and the palette.
#include "app/panels/side_panel.h"
#include "app/panels/ui_widgets.h"

namespace cm {

void drawLayersTab(SidePanelState& state, PanelContext& ctx, PanelActions& actions) {
  const MapSession& session = ctx.session;
  const bool political = session.data().control() != nullptr;
  Styling look = session.style;
  bool changed = false;
  sectionHeading("Fill (C cycles)");
  static const std::pair<ColourBy, const char*> kModes[] = {{ColourBy::Control, "Party in control"},
                                                            {ColourBy::Faction, "Leading faction"},
                                                            {ColourBy::Disputes, "Dispute intensity"},
                                                            {ColourBy::Neutral, "Plain (a colour per council)"}};
  for (const auto& [mode, label] : kModes) {
    if (!political && mode != ColourBy::Neutral) continue;
    if (ImGui::RadioButton(label, look.colourBy == mode)) {
      look.colourBy = mode;
      changed = true;
    }
  }
  if (political) {
    changed |= ImGui::Checkbox("Tint no overall control by the largest party", &look.tintNoc);
    sectionHeading("Overlays");
    changed |= ImGui::Checkbox("Hatch councils in dispute (D)", &look.hatchDisputes);
    changed |= ImGui::Checkbox("Outline the leading faction (O)", &look.factionOutline);
  }
  if (session.data().usesDefaultData()) {
    sectionHeading("Wards (W cycles)");
    if (ImGui::RadioButton("When zoomed in", state.wards == "auto")) state.wards = "auto";
    ImGui::SameLine();
    if (ImGui::RadioButton("Always", state.wards == "always")) state.wards = "always";
    ImGui::SameLine();
    if (ImGui::RadioButton("Off", state.wards == "off")) state.wards = "off";
    sectionHeading("Councils (T switches)");
    if (ImGui::RadioButton("Districts and unitaries (lower tier)", session.view.tier == "lower")) actions.tier = "lower";
    if (ImGui::RadioButton("Counties and unitaries (upper tier)", session.view.tier == "upper")) actions.tier = "upper";
  }
  sectionHeading("Palette");
  changed |= ImGui::Checkbox("Colour-blind-safe party colours (B)", &look.colourBlindSafe);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("Okabe-Ito colours; NOC and no data stay apart from every party.");
  ImGui::PopStyleColor();
  if (changed) actions.style = look;
}

}  // namespace cm
