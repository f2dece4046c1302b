#include "app/selection_panel.h"

#include <imgui.h>

#include "data/council_types.h"

namespace cm {

SelectionAction drawSelectionPanel(const MapSession& session, std::optional<std::uint32_t> selected, float scale) {
  if (!selected) return SelectionAction::None;
  const Feature& f = session.boundaries().features[*selected];
  SelectionAction action = SelectionAction::None;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos({vp->Size.x - 10 * scale, 10 * scale}, ImGuiCond_Always, {1, 0});
  ImGui::SetNextWindowSizeConstraints({240 * scale, 0}, {420 * scale, vp->Size.y});
  ImGui::Begin("Selected council", nullptr,
               ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse |
                   ImGuiWindowFlags_NoFocusOnAppearing);
  ImGui::SetWindowFontScale(1.25f);
  ImGui::TextUnformatted(f.name.c_str());
  ImGui::SetWindowFontScale(1.0f);
  ImGui::Separator();
  if (ImGui::BeginTable("##facts", 2)) {
    auto row = [](const char* k, const std::string& v) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%s", k);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(v.c_str());
    };
    row("Code", f.code);
    row("Type", areaTypeForCode(f.code));
    if (const Composition* c = session.compositionFor(f.code)) {
      std::string seats;
      for (const auto& [party, n] : c->seats) seats += (seats.empty() ? "" : ", ") + party + " " + std::to_string(n);
      row("Control", c->control == "NOC" ? "No overall control" + (c->largest.empty() ? std::string() : " (largest " + c->largest + ")") : c->control);
      row("Seats", seats + " of " + std::to_string(c->totalSeats));
      if (!c->administration.empty()) row("Administration", c->administration);
      // A yearly snapshot, in force from that year's election day (not every council votes every year).
      const Date from = electionDay(c->year);
      static const char* kMonths[] = {"", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
      row("Record", "from " + std::to_string(from.day) + " " + kMonths[from.month] + " " + std::to_string(from.year) + (c->note.empty() ? "" : " (see note)"));
    } else if (session.control()) {
      row("Control", "no data");
    }
    if (session.leadership()) {
      const LeadershipPeriod* lead = session.leadership()->at(f.code, session.date());
      if (lead && !lead->leader.empty()) row("Leader", lead->leader);
      row("Faction", factionLabel(session.factionFor(f.code)));
      const auto disputes = session.disputesFor(f.code);
      if (disputes.inDispute()) row("In dispute", std::to_string(disputes.events.size()) + " open event" + (disputes.events.size() > 1 ? "s" : ""));
    }
    if (session.boundaries().hasYears) {
      auto year = [](int y, const char* open) { return (y == INT_MIN || y == INT_MAX) ? std::string(open) : std::to_string(y); };
      row("Exists", year(f.startYear, "earlier") + " \xE2\x80\x93 " + year(f.endYear, "present"));
    }
    ImGui::EndTable();
  }
  if (ImGui::Button("Zoom to")) action = SelectionAction::ZoomTo;
  ImGui::SameLine();
  if (ImGui::Button("Clear (Esc)")) action = SelectionAction::Clear;
  ImGui::End();
  return action;
}

}  // namespace cm
