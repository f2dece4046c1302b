// The Statistics tab: councils and seats by party at the date, changes since a comparison date,
// and a breakdown by region. Everything counts only the councils the filters keep.
#include <algorithm>

#include "app/panels/side_panel.h"
#include "app/panels/ui_widgets.h"
#include "politics/parties.h"
#include "politics/statistics.h"

namespace cm {
namespace {

std::string shortName(const MapSession&, const std::string& control) {
  if (control.empty()) return "No data";
  if (control == kNoOverallControl) return "NOC";
  return control;
}

Date comparisonDate(SidePanelState& state, const MapSession& session) {
  if (const auto d = parseDate(state.compareWith)) return *d;
  const Date now = session.view.date;
  return {now.year - 1, now.month, std::min(now.day, 28)};
}

}  // namespace

void drawStatisticsTab(SidePanelState& state, PanelContext& ctx, PanelActions& actions) {
  const MapSession& session = ctx.session;
  if (!session.data().control()) {
    ImGui::TextWrapped("Statistics need the UK council data (not available with --boundaries).");
    return;
  }
  const BoundarySet& set = session.boundaries();
  const auto states = session.states();
  const auto shown = session.included(states);
  const ControlSummary sum = summarise(set, states, session.year(), shown);
  const bool cb = session.style.colourBlindSafe;
  if (!session.view.filter.empty())
    ImGui::TextColored({0.75f, 0.35f, 0.0f, 1}, "Filtered: %zu of %zu councils", sum.councils, session.visibleCount());

  sectionHeading("Councils by control");
  for (const auto& [control, n] : sum.councilsByControl)
    labelledBar(colourForControl(control, cb), sum.councils ? float(n) / float(sum.councils) : 0,
                shortName(session, control) + " " + std::to_string(n), 11 * ctx.scale);
  ImGui::TextDisabled("%zu councils, %zu with seat data", sum.councils, sum.withData);

  sectionHeading("Seats by party");
  const int top = sum.seatsByParty.empty() ? 1 : sum.seatsByParty.front().second;
  std::size_t rows = 0;
  for (const auto& [party, n] : sum.seatsByParty) {
    if (++rows > 12) break;  // the long tail of small parties and independents adds nothing readable
    labelledBar(colourForControl(party, cb), float(n) / float(top),
                party + " " + std::to_string(n) + " (" + std::to_string(sum.totalSeats ? n * 100 / sum.totalSeats : 0) + "%)",
                9 * ctx.scale);
  }
  ImGui::TextDisabled("%d seats in all", sum.totalSeats);

  sectionHeading("Change since");
  if (!state.compareWith[0]) std::snprintf(state.compareWith, sizeof state.compareWith, "%s", comparisonDate(state, session).iso().c_str());
  ImGui::SetNextItemWidth(120 * ctx.scale);
  ImGui::InputTextWithHint("##compare", "YYYY-MM-DD", state.compareWith, sizeof state.compareWith);
  const auto then = parseDate(state.compareWith);
  if (!then) {
    ImGui::SameLine();
    ImGui::TextDisabled("type a date");
    return;
  }
  ImGui::SameLine();
  ImGui::TextDisabled("to %s", session.view.date.iso().c_str());
  const auto before = session.political().stateAt(set, *then);
  // Each council is judged by the filter on the date it existed: abolished councils as they were.
  std::vector<bool> either = session.includedAt(before, *then);
  for (std::size_t i = 0; i < either.size(); ++i) either[i] = either[i] || shown[i];
  const ControlComparison cmp = compareControl(set, before, then->year, states, session.year(), either);
  if (cmp.net.empty() && cmp.changes.empty()) ImGui::TextDisabled("No change in control");
  for (const auto& [control, n] : cmp.net) {
    colourSwatch(colourForControl(control, cb), 10 * ctx.scale);
    ImGui::SameLine();
    const int g = cmp.gains.count(control) ? cmp.gains.at(control) : 0, l = cmp.losses.count(control) ? cmp.losses.at(control) : 0;
    ImGui::Text("%s %+ld  (gained %d, lost %d)", shortName(session, control).c_str(), n, g, l);
  }
  if (cmp.created || cmp.abolished) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("Boundary changes: %zu councils created, %zu abolished", cmp.created, cmp.abolished);
    ImGui::PopStyleColor();
  }
  if (!cmp.changes.empty() && ImGui::TreeNode("##changes", "Councils that changed hands (%zu)", cmp.changes.size())) {
    for (const auto& c : cmp.changes) {
      if (ImGui::Selectable(
              (c.name + ": " + shortName(session, c.before) + " \xE2\x86\x92 " + shortName(session, c.after) + "##" + c.code).c_str()))
        actions.goToCode = c.code;
    }
    ImGui::TreePop();
  }

  sectionHeading("By region");
  std::vector<std::string> regionOf(set.features.size());
  for (std::size_t i = 0; i < set.features.size(); ++i)
    if (set.features[i].existsIn(session.year())) regionOf[i] = session.data().regionFor(set.features[i].code);
  const auto regions = controlByRegion(set, states, session.year(), regionOf, RegionLookup::all(), shown);
  const float barWidth = ImGui::GetContentRegionAvail().x * 0.45f;
  for (const auto& r : regions) {
    // A stacked bar per region: each control category's share of its councils.
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight() * 0.7f, y = p.y + ImGui::GetTextLineHeight() * 0.15f;
    float x = p.x;
    std::vector<std::pair<std::string, std::size_t>> parts(r.byControl.begin(), r.byControl.end());
    std::stable_sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::string tip = r.region + ":";
    for (const auto& [control, n] : parts) {
      const float w = barWidth * float(n) / float(r.councils);
      ImGui::GetWindowDrawList()->AddRectFilled({x, y}, {x + w, y + h}, toImU32(colourForControl(control, cb)));
      x += w;
      tip += "\n  " + shortName(session, control) + " " + std::to_string(n);
    }
    ImGui::Dummy({barWidth, ImGui::GetTextLineHeight()});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip.c_str());
    ImGui::SameLine();
    ImGui::Text("%s (%zu)", r.region.c_str(), r.councils);
  }
}

}  // namespace cm
