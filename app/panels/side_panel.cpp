#include "app/panels/side_panel.h"

#include <algorithm>

#include <imgui.h>

namespace cm {

void PanelActions::merge(const PanelActions& o) {
  if (o.filter) filter = o.filter;
  if (o.style) style = o.style;
  if (o.tier) tier = o.tier;
  clearSelection |= o.clearSelection;
  zoomToSelection |= o.zoomToSelection;
  loadWards |= o.loadWards;
  if (o.goToCode) goToCode = o.goToCode;
  if (o.goToWard) goToWard = o.goToWard;
  if (o.setDate) setDate = o.setDate;
}

namespace {
constexpr float kMargin = 8;  // points at UI scale 1, from the window's edges
const char* kUnfold = "\xE2\x97\x80 Panel";
}  // namespace

ScreenBox foldedPanelButton(float windowWidth, float scale) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float w = measureText(kUnfold).x + 2 * (style.FramePadding.x + style.WindowPadding.x);
  const float h = frameHeight() + 2 * style.WindowPadding.y, margin = kMargin * scale;
  return {windowWidth - margin - w, margin, windowWidth - margin, margin + h};
}

float drawSidePanel(SidePanelState& state, PanelContext& ctx, float usableHeight, PanelActions& actions) {
  const float scale = ctx.scale;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float margin = kMargin * scale;
  if (!state.open) {
    const ScreenBox button = foldedPanelButton(vp->Size.x, scale);
    ImGui::SetNextWindowPos({button.left, button.top}, ImGuiCond_Always);
    ImGui::SetNextWindowSize({button.width(), button.height()}, ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.85f);
    ImGui::Begin("##panel-folded", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
    if (ImGui::Button(kUnfold)) state.open = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show the side panel (Tab)");
    ImGui::End();
    return button.width() + margin;
  }
  const float width = std::clamp(state.width, 260.0f, 700.0f) * scale;
  ImGui::SetNextWindowPos({vp->Size.x - width - margin, margin}, ImGuiCond_Always);
  ImGui::SetNextWindowSize({width, std::max(200 * scale, usableHeight - 2 * margin)}, ImGuiCond_Always);
  ImGui::SetNextWindowBgAlpha(0.94f);
  ImGui::Begin("##side-panel", nullptr,
               ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                   ImGuiWindowFlags_NoSavedSettings);
  if (ImGui::SmallButton("\xE2\x96\xB6")) state.open = false;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Fold the panel away (Tab)");
  ImGui::SameLine();
  // Narrower / wider: the panel's width is a preference kept between runs.
  if (ImGui::SmallButton("-")) state.width = std::max(260.0f, state.width - 40);
  ImGui::SameLine();
  if (ImGui::SmallButton("+")) state.width = std::min(700.0f, state.width + 40);
  if (ImGui::BeginTabBar("##tabs")) {
    for (int i = 0; i < 4; ++i) {
      const bool force = state.switchTab && int(state.tab) == i;
      const bool open = ImGui::BeginTabItem(kPanelTabNames[i], nullptr, force ? ImGuiTabItemFlags_SetSelected : 0);
      const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
      state.tabCentres[i][0] = (lo.x + hi.x) / 2;
      state.tabCentres[i][1] = (lo.y + hi.y) / 2;
      if (open) {
        if (!state.switchTab) state.tab = PanelTab(i);
        ImGui::BeginChild("##tab-content", {0, 0}, false);
        switch (PanelTab(i)) {
          case PanelTab::Details: drawDetailsTab(ctx, actions); break;
          case PanelTab::Filters: drawFiltersTab(state, ctx, actions); break;
          case PanelTab::Statistics: drawStatisticsTab(state, ctx, actions); break;
          case PanelTab::Layers: drawLayersTab(state, ctx, actions); break;
        }
        ImGui::EndChild();
        ImGui::EndTabItem();
      }
    }
    ImGui::EndTabBar();
  }
  state.switchTab = false;
  ImGui::End();
  return width + margin;
}

}  // namespace cm
