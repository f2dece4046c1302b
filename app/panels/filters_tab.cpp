// The Filters tab: which councils stay in colour. The rest are dimmed, not hidden.
#include <algorithm>
#include <functional>
#include <map>

#include "app/panels/side_panel.h"
#include "app/panels/ui_widgets.h"
#include "politics/council_types.h"
#include "politics/parties.h"

namespace cm {
namespace {

// Counts of each value among the councils on the map, before filtering.
struct Counts {
  std::map<std::string, std::size_t> control, faction, disputes, region, type;
};

Counts countAll(const MapSession& session, const std::vector<CouncilState>& states) {
  Counts c;
  const auto& features = session.boundaries().features;
  for (std::uint32_t i = 0; i < features.size(); ++i) {
    if (!features[i].existsIn(session.year())) continue;
    ++c.control[controlOf(states[i])];
    ++c.faction[std::string(states[i].faction())];
    ++c.disputes[disputeLevelOf(states[i])];
    ++c.region[session.data().regionFor(features[i].code)];
    ++c.type[areaTypeForCode(features[i].code)];
  }
  return c;
}

// A checkbox per value with its colour and count; true if the set changed.
bool checkList(std::set<std::string>& chosen, const std::vector<std::string>& values, const std::map<std::string, std::size_t>& counts,
               const std::function<std::string(const std::string&)>& label, const std::function<Rgba(const std::string&)>& colour,
               float scale) {
  bool changed = false;
  for (const auto& v : values) {
    const auto it = counts.find(v);
    const std::size_t n = it == counts.end() ? 0 : it->second;
    ImGui::PushID(v.c_str());
    const std::string text = label(v) + "  (" + std::to_string(n) + ")";
    if (colour ? swatchCheckbox(text, chosen.count(v) > 0, colour(v), scale) : [&] {
          bool on = chosen.count(v) > 0;
          return ImGui::Checkbox(text.c_str(), &on);
        }()) {
      toggle(chosen, v);
      changed = true;
    }
    ImGui::PopID();
  }
  return changed;
}

std::vector<std::string> keysOf(const std::map<std::string, std::size_t>& m) {
  std::vector<std::string> out;
  for (const auto& [k, n] : m) out.push_back(k);
  return out;
}

bool dateField(const char* label, char* buffer, std::optional<Date>& into, float width) {
  ImGui::SetNextItemWidth(width);
  if (!ImGui::InputTextWithHint(label, "YYYY-MM-DD", buffer, 16)) return false;
  const auto d = buffer[0] ? parseDate(buffer) : std::nullopt;
  if (buffer[0] && !d) return false;  // half-typed: keep the previous bound until it parses
  into = d;
  return true;
}

}  // namespace

void drawFiltersTab(SidePanelState& state, PanelContext& ctx, PanelActions& actions) {
  const MapSession& session = ctx.session;
  if (!session.data().control()) {
    ImGui::TextWrapped("Filters need the UK council data (not available with --boundaries).");
    return;
  }
  CouncilFilter filter = session.view.filter;
  const auto states = session.states();
  const Counts counts = countAll(session, states);
  const auto shown = session.included(states);
  ImGui::Text("%zu of %zu councils match", std::size_t(std::count(shown.begin(), shown.end(), true)), session.visibleCount());
  ImGui::SameLine();
  if (ImGui::SmallButton("Reset all")) {
    actions.filter = CouncilFilter{};
    state.eventsFrom[0] = state.eventsTo[0] = '\0';
  }
  ImGui::TextDisabled("Councils outside the filters are dimmed.");
  bool changed = false;
  const float scale = ctx.scale;
  if (ImGui::CollapsingHeader("Party in control", ImGuiTreeNodeFlags_DefaultOpen)) {
    std::vector<std::string> values;
    for (const Party& p : parties())
      if (counts.control.count(std::string(p.code))) values.emplace_back(p.code);
    values.emplace_back(kNoOverallControl);
    values.emplace_back("");
    changed |= checkList(
        filter.control, values, counts.control, [&](const std::string& k) { return labelOfCategory(ColourBy::Control, k); },
        [&](const std::string& k) { return colourOfCategory(ColourBy::Control, k, session.style.colourBlindSafe); }, scale);
  }
  if (ImGui::CollapsingHeader("Leading faction")) {
    std::vector<std::string> values(std::begin(kFactionCodes), std::end(kFactionCodes));
    changed |= checkList(
        filter.factions, values, counts.faction, [](const std::string& k) { return factionLabel(k); },
        [](const std::string& k) { return factionColour(k); }, scale);
  }
  if (ImGui::CollapsingHeader("Disputes")) {
    changed |= checkList(
        filter.disputeLevels, {"0", "1", "2", "3"}, counts.disputes,
        [&](const std::string& k) { return labelOfCategory(ColourBy::Disputes, k); },
        [&](const std::string& k) { return colourOfCategory(ColourBy::Disputes, k, session.style.colourBlindSafe); }, scale);
  }
  if (ImGui::CollapsingHeader("Region or nation")) {
    std::vector<std::string> values = RegionLookup::all();
    for (const auto& [r, n] : counts.region)
      if (std::find(values.begin(), values.end(), r) == values.end()) values.push_back(r);
    changed |= checkList(
        filter.regions, values, counts.region, [](const std::string& k) { return k; }, nullptr, scale);
  }
  if (ImGui::CollapsingHeader("Council type")) {
    changed |= checkList(
        filter.councilTypes, keysOf(counts.type), counts.type, [](const std::string& k) { return k; }, nullptr, scale);
  }
  if (ImGui::CollapsingHeader("Events")) {
    ImGui::TextWrapped(
        "Councils with at least one event matching all of these (up to the date shown unless a range ends it). "
        "The Details tab lists the same events.");
    std::map<std::string, std::size_t> typeCounts;
    if (session.data().events())
      for (const Event& e : session.data().events()->all()) ++typeCounts[e.type];
    std::vector<std::string> types(std::begin(kEventTypes), std::end(kEventTypes));
    changed |= checkList(
        filter.events.types, types, typeCounts, [](const std::string& k) { return eventTypeLabel(k); }, nullptr, scale);
    ImGui::TextDisabled("Confidence");
    static const char* kConfidence[] = {"any", "partly verified or better", "verified only"};
    for (int i = 0; i < 3; ++i)
      if (ImGui::RadioButton(kConfidence[i], filter.events.minConfidence == i)) {
        filter.events.minConfidence = i;
        changed = true;
      }
    ImGui::TextDisabled("Event dates");
    changed |= dateField("from", state.eventsFrom, filter.events.from, 110 * scale);
    ImGui::SameLine();
    changed |= dateField("to", state.eventsTo, filter.events.to, 110 * scale);
  }
  if (changed) actions.filter = filter;
}

}  // namespace cm
