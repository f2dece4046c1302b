// The Details tab: everything known about the selected council at the date shown.
#include <algorithm>
#include <map>

#include <SDL.h>
#include <climits>

#include "app/panels/side_panel.h"
#include "app/panels/ui_widgets.h"
#include "politics/council_filter.h"
#include "politics/council_types.h"
#include "politics/parties.h"

namespace cm {
namespace {

void factRow(const char* key, const std::string& value) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextDisabled("%s", key);
  ImGui::TableNextColumn();
  ImGui::TextWrapped("%s", value.c_str());
}

std::string seatsText(const Composition& c) {
  std::string s;
  for (const auto& [party, n] : c.seats) s += (s.empty() ? "" : ", ") + party + " " + std::to_string(n);
  return s + " of " + std::to_string(c.totalSeats);
}

void drawFacts(PanelContext& ctx, const Feature& f) {
  const MapSession& session = ctx.session;
  if (!ImGui::BeginTable("##facts", 2)) return;
  ImGui::TableSetupColumn("k", ImGuiTableColumnFlags_WidthFixed, 90 * ctx.scale);
  factRow("Code", f.code);
  factRow("Type", areaTypeForCode(f.code));
  if (session.data().usesDefaultData()) factRow("Region", session.data().regionFor(f.code));
  if (const Composition* c = session.stateOf(f.code).composition) {
    factRow("Control", c->control == kNoOverallControl
                           ? "No overall control" + (c->largest.empty() ? std::string() : " (largest " + c->largest + ")")
                           : labelOfCategory(ColourBy::Control, c->control) + (c->controlGroup.empty() ? "" : ": " + c->controlGroup));
    if (!c->administration.empty()) factRow("Administration", c->administration);
    factRow("Seats", seatsText(*c));
    // A yearly snapshot, in force from that year's election day (not every council votes every year).
    factRow("Record", "from " + shortDate(electionDay(c->year).iso(), "day") + (c->note.empty() ? "" : " (see note)"));
    if (!c->note.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", c->note.c_str());

  } else if (session.data().control()) {
    factRow("Control", "no data");
  }
  if (session.data().leadership()) {
    const LeadershipPeriod* lead = session.data().leadership()->at(f.code, session.view.date);
    if (lead && !lead->leader.empty()) factRow("Leader", lead->leader + (lead->party.empty() ? "" : " (" + lead->party + ")"));
    factRow("Faction", factionLabel(std::string(session.stateOf(f.code).faction())));
    const auto disputes = session.stateOf(f.code).disputes;
    if (disputes.inDispute())
      factRow("In dispute", std::to_string(disputes.events.size()) + " open event" + (disputes.events.size() > 1 ? "s" : ""));
  }
  if (session.boundaries().hasYears) {
    auto year = [](int y, const char* open) { return (y == INT_MIN || y == INT_MAX) ? std::string(open) : std::to_string(y); };
    factRow("Exists", year(f.startYear, "earlier") + " \xE2\x80\x93 " + year(f.endYear, "present"));
  }
  ImGui::EndTable();
}

// One square per year of the data, coloured by control; the year shown is outlined. A click jumps
// to that year, just after its May elections.
void drawControlStrip(PanelContext& ctx, const Feature& f, PanelActions& actions) {
  const ControlHistory* history = ctx.session.data().control();
  if (!history) return;
  ImGui::TextDisabled("Control, year by year");
  const int first = history->firstYear(), last = history->lastYear();
  const float gap = 2 * ctx.scale;
  const float cell = std::min(22 * ctx.scale, (ImGui::GetContentRegionAvail().x - gap * (last - first)) / float(last - first + 1));
  const int shown = electionYearFor(ctx.session.view.date);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (int y = first; y <= last; ++y) {
    if (y > first) ImGui::SameLine(0, gap);
    const Composition* c = history->inYear(f.code, y);
    const std::string control = c ? c->control : std::string();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::PushID(y);
    if (ImGui::InvisibleButton("##year", {cell, cell})) actions.setDate = Date{y, 6, 1};
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    const Rgba colour = c ? colourForControl(control, ctx.session.style.colourBlindSafe) : Rgba{235, 235, 235, 255};
    dl->AddRectFilled(p, {p.x + cell, p.y + cell}, toImU32(colour));
    if (y == shown) dl->AddRect({p.x - 1, p.y - 1}, {p.x + cell + 1, p.y + cell + 1}, IM_COL32(20, 20, 20, 255), 0, 0, 2 * ctx.scale);
    if (hovered) {
      ImGui::BeginTooltip();
      ImGui::Text("%d: %s", y, c ? labelOfCategory(ColourBy::Control, control).c_str() : "no data (council not in the record)");
      if (c) ImGui::TextDisabled("%s", seatsText(*c).c_str());
      ImGui::TextDisabled("Click to show %d", y);
      ImGui::EndTooltip();
    }
  }
  ImGui::TextDisabled("%d", first);
  ImGui::SameLine(ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize("0000").x);
  ImGui::TextDisabled("%d", last);
}

}  // namespace

// A year's row is the composition recorded for that year, whether or not the council had an election
// then (London's boroughs vote every four years), so it is not called "after May".
std::string seatsHeading(const Composition& now, const Composition* before) {
  return "Seats recorded for " + std::to_string(now.year) + (before ? " (pale: " + std::to_string(before->year) + ")" : "");
}

namespace {

// Seats by party now and in the previous year's record, as paired bars.
void drawSeatChart(PanelContext& ctx, const Feature& f) {
  const ControlHistory* history = ctx.session.data().control();
  const Composition* now = history ? history->at(f.code, ctx.session.view.date) : nullptr;
  if (!now) return;
  const Composition* before = history->inYear(f.code, now->year - 1);
  ImGui::TextDisabled("%s", seatsHeading(*now, before).c_str());
  std::vector<std::string> partiesShown;
  for (const auto& [p, n] : now->seats) partiesShown.push_back(p);
  if (before)
    for (const auto& [p, n] : before->seats)
      if (std::find(partiesShown.begin(), partiesShown.end(), p) == partiesShown.end()) partiesShown.push_back(p);
  auto seatsOf = [](const Composition* c, const std::string& p) {
    if (!c) return 0;
    for (const auto& [q, n] : c->seats)
      if (q == p) return n;
    return 0;
  };
  const int most = std::max(now->totalSeats, before ? before->totalSeats : 0);
  for (const auto& p : partiesShown) {
    const Rgba colour = colourForControl(p, ctx.session.style.colourBlindSafe);
    const int a = seatsOf(now, p), b = seatsOf(before, p);
    std::string label = p + " " + std::to_string(a);
    if (before && a != b) label += " (" + std::string(a > b ? "+" : "") + std::to_string(a - b) + ")";
    labelledBar(colour, most ? float(a) / float(most) : 0, label, 9 * ctx.scale);
    if (before)
      labelledBar(blend(colour, {255, 255, 255, 255}, 0.55f), most ? float(b) / float(most) : 0, before ? std::to_string(b) : "",
                  5 * ctx.scale);
  }
  if (now->control != kNoOverallControl) ImGui::TextDisabled("Majority: %d seats", now->totalSeats / 2 + 1);
}

void drawEvents(PanelContext& ctx, const Feature& f) {
  const MapSession& session = ctx.session;
  if (!session.data().events()) return;
  const auto& all = session.data().events()->forCouncil(f.code);
  const EventCriteria& criteria = session.view.filter.events;
  std::vector<const Event*> events;
  for (const Event* e : all)
    if (criteria.matches(*e)) events.push_back(e);
  const std::string heading = "Events (" + std::to_string(events.size()) +
                              (events.size() != all.size() ? " of " + std::to_string(all.size()) + ", filtered" : "") + ")";
  if (events.empty() || !ImGui::CollapsingHeader(heading.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
    if (events.empty() && !all.empty()) ImGui::TextDisabled("%s: none match the event filters", heading.c_str());
    return;
  }
  // Newest first, each with its sources (a click opens the page in the browser).
  for (auto it = events.rbegin(); it != events.rend(); ++it) {
    const Event& e = **it;
    ImGui::PushID(e.id.c_str());
    ImGui::TextDisabled("%s \xC2\xB7 %s", shortDate(e.date.iso(), e.precision).c_str(), eventTypeLabel(e.type).c_str());
    // Events after the date on show are dimmed: they are known to the data, not yet to the map.
    const bool future = session.view.date < e.date;
    if (future) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", e.title.c_str());
    if (future) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) {
      ImGui::BeginTooltip();
      ImGui::PushTextWrapPos(360 * ctx.scale);
      ImGui::TextUnformatted(e.summary.c_str());
      ImGui::TextDisabled("%s%s \xC2\xB7 %s \xC2\xB7 confidence: %s", e.ward.empty() ? "" : ("ward: " + e.ward + " \xC2\xB7 ").c_str(),
                          e.id.c_str(), e.actors.c_str(), e.confidence.c_str());
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
    ImGui::Spacing();
    ImGui::PopID();
  }
}

void drawWards(PanelContext& ctx, const Feature& f, PanelActions& actions) {
  if (!ctx.session.data().usesDefaultData() || !ImGui::CollapsingHeader("Wards")) return;
  if (!ctx.wards) {
    if (ImGui::Button("Load the wards of this date")) actions.loadWards = true;
    return;
  }
  std::vector<std::uint32_t> mine;
  const BoundarySet& councils = ctx.session.boundaries();
  // Wards name their council where the layer says; otherwise (NI 2012) the ward's middle decides.
  auto inCouncil = [&](const Feature& ward) {
    if (!ward.parent.empty()) return ward.parent == f.code;
    const Point2 mid = ward.bbox.centre();
    for (std::uint32_t p = f.firstPart; p < f.firstPart + f.partCount; ++p)
      if (partContains(councils, councils.parts[p], mid)) return true;
    return false;
  };
  for (std::uint32_t i = 0; i < ctx.wards->features.size(); ++i)
    if (inCouncil(ctx.wards->features[i])) mine.push_back(i);
  if (mine.empty()) {
    ImGui::TextDisabled("This ward vintage does not name its councils");
    return;
  }
  std::sort(mine.begin(), mine.end(), [&](auto a, auto b) { return ctx.wards->features[a].name < ctx.wards->features[b].name; });
  ImGui::TextDisabled("%zu wards; a click flies to one", mine.size());
  for (const std::uint32_t w : mine) {
    const Feature& ward = ctx.wards->features[w];
    if (ImGui::Selectable((ward.name + "##" + ward.code).c_str())) actions.goToWard = w;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ward.code.c_str());
  }
}

}  // namespace

void drawDetailsTab(PanelContext& ctx, PanelActions& actions) {
  if (!ctx.session.view.selected) {
    ImGui::TextWrapped("Click a council on the map, or search with / or Ctrl+F.");
    return;
  }
  const Feature& f = ctx.session.boundaries().features[*ctx.session.view.selected];
  ImGui::SetWindowFontScale(1.3f);
  ImGui::TextWrapped("%s", f.name.c_str());
  ImGui::SetWindowFontScale(1.0f);
  if (ImGui::SmallButton("Zoom to (Z)")) actions.zoomToSelection = true;
  ImGui::SameLine();
  if (ImGui::SmallButton("Clear (Esc)")) actions.clearSelection = true;
  ImGui::Separator();
  drawFacts(ctx, f);
  ImGui::Spacing();
  drawControlStrip(ctx, f, actions);
  ImGui::Spacing();
  drawSeatChart(ctx, f);
  ImGui::Spacing();
  drawEvents(ctx, f);
  drawWards(ctx, f, actions);
}

}  // namespace cm
