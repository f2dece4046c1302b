#include "app/selection_panel.h"

#include <SDL.h>
#include <imgui.h>

#include <algorithm>

#include "data/council_types.h"

namespace cm {

SelectionAction drawSelectionPanel(const MapSession& session, std::optional<std::uint32_t> selected, float scale) {
  if (!selected) return SelectionAction::None;
  const Feature& f = session.boundaries().features[*selected];
  SelectionAction action = SelectionAction::None;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos({vp->Size.x - 10 * scale, 10 * scale}, ImGuiCond_Always, {1, 0});
  ImGui::SetNextWindowSizeConstraints({240 * scale, 0}, {440 * scale, vp->Size.y * 0.8f});
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
  // Every event touching the council, newest first, each with its sources (a click opens the page).
  if (session.events()) {
    const auto& events = session.events()->forCouncil(f.code);
    if (!events.empty() && ImGui::CollapsingHeader(("Events (" + std::to_string(events.size()) + ")").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
      ImGui::BeginChild("##events", {0, std::min(260 * scale, 24 * scale * float(events.size()) + 30 * scale)}, false);
      for (auto it = events.rbegin(); it != events.rend(); ++it) {
        const Event& e = **it;
        ImGui::PushID(e.id.c_str());
        ImGui::TextDisabled("%s", e.date.iso().substr(0, e.precision == "year" ? 4 : e.precision == "month" ? 7 : 10).c_str());
        ImGui::SameLine();
        // Events after the date on show are dimmed: they are known to the data, not yet to the map.
        const bool future = session.date() < e.date;
        if (future) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", e.title.c_str());
        if (future) ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) {
          ImGui::BeginTooltip();
          ImGui::PushTextWrapPos(360 * scale);
          ImGui::TextUnformatted(e.summary.c_str());
          ImGui::TextDisabled("%s \xC2\xB7 %s \xC2\xB7 %s", e.type.c_str(), e.id.c_str(), e.confidence.c_str());
          ImGui::PopTextWrapPos();
          ImGui::EndTooltip();
        }
        int n = 0;
        for (const auto& src : e.sources) {
          if (src.rfind("http", 0) != 0) continue;
          const std::string label = "source " + std::to_string(n + 1);
          const float width = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
          const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
          if (n++ && ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= right) ImGui::SameLine();
          if (ImGui::SmallButton(label.c_str())) SDL_OpenURL(src.c_str());
          if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", src.c_str());
        }
        ImGui::PopID();
      }
      ImGui::EndChild();
    }
  }
  if (ImGui::Button("Zoom to")) action = SelectionAction::ZoomTo;
  ImGui::SameLine();
  if (ImGui::Button("Clear (Esc)")) action = SelectionAction::Clear;
  ImGui::End();
  return action;
}

}  // namespace cm
