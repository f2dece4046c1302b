#include "app/panels/timeline_panel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include <imgui.h>

#include "app/panels/overlay_layout.h"
#include "politics/events.h"

namespace cm {
namespace {

ImU32 eventTypeColour(const std::string& type) {
  // Disputes warm, everything else cool, so the strip reads at a glance.
  if (isDisputeType(type)) return IM_COL32(214, 96, 77, 255);
  if (type == "leadership_change") return IM_COL32(67, 147, 195, 255);
  if (type == "control_change") return IM_COL32(33, 102, 172, 255);
  return IM_COL32(120, 120, 140, 255);
}

const char* kMonthNames[] = {"",     "January", "February",  "March",   "April",    "May",     "June",
                             "July", "August",  "September", "October", "November", "December"};

}  // namespace

namespace {
// Points at UI scale 1.
constexpr float kWideHeight = 96, kTrackHeightStacked = 64, kMinTrackWidth = 280, kGroupGap = 16;
constexpr float kPlayWidth = 56, kSpeedWidth = 110, kDateBoxWidth = 100, kDateFontScale = 1.6f;
const char* kWidestDate = "30 September 2026";

float buttonWidth(const char* label) { return measureText(label).x + 2 * ImGui::GetStyle().FramePadding.x; }

// The controls' row: previous, play, next, [speed, loop | more], the date box.
float controlsWidth(bool compact, float scale) {
  const ImGuiStyle& style = ImGui::GetStyle();
  float w = buttonWidth("|<") + kPlayWidth * scale + buttonWidth(">|") + kDateBoxWidth * scale;
  if (compact) return w + buttonWidth("...") + 3 * style.ItemSpacing.x;
  const float loop = frameHeight() + style.ItemInnerSpacing.x + measureText("Loop").x;
  return w + kSpeedWidth * scale + loop + 5 * style.ItemSpacing.x;
}
}  // namespace

TimelineLayout layOutTimeline(float width, float scale) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float room = width - 2 * style.WindowPadding.x;
  TimelineLayout l;
  l.compact = controlsWidth(false, scale) > room;
  const float group = std::max(measureText(kWidestDate, kDateFontScale).x, controlsWidth(l.compact, scale));
  l.stacked = group + (kGroupGap + kMinTrackWidth) * scale > room;
  const float groupHeight = measureText("X", kDateFontScale).y + style.ItemSpacing.y + frameHeight();
  l.height = l.stacked ? 2 * style.WindowPadding.y + groupHeight + style.ItemSpacing.y + kTrackHeightStacked * scale : kWideHeight * scale;
  return l;
}

int yearLabelStep(float yearWidth, float labelWidth) {
  for (int step : {1, 2, 5, 10})
    if (yearWidth * float(step) >= labelWidth) return step;
  return 20;
}

std::optional<Date> nextEventDate(const std::vector<Event>& events, Date from, bool forward) {
  std::optional<Date> best;
  for (const Event& e : events) {
    if (forward ? !(from < e.date) : !(e.date < from)) continue;
    if (!best || (forward ? e.date < *best : *best < e.date)) best = e.date;
  }
  return best;
}

std::optional<Date> advancePlayback(TimelineState& s, double seconds, Date first, Date last) {
  if (!s.playing) return std::nullopt;
  const int before = int(std::floor(s.position));
  s.position += kPlaybackSpeeds[s.speed].daysPerSecond * std::min(seconds, 0.25);
  const int lo = daysSinceEpoch(first), hi = daysSinceEpoch(last);
  if (s.position > hi) {
    if (s.loop)
      s.position = lo;
    else {
      s.position = hi;
      s.playing = false;
    }
  }
  const int after = int(std::floor(s.position));
  if (after == before) return std::nullopt;
  return dateFromDays(after);
}

std::optional<Date> drawTimeline(TimelineState& s, Date current, Date first, Date last, const std::vector<Event>& events,
                                 const TimelineLayout& layout, float scale) {
  std::optional<Date> chosen;
  if (!s.playing) s.position = daysSinceEpoch(current);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float height = layout.height;
  ImGui::SetNextWindowPos({0, vp->Size.y - height});
  ImGui::SetNextWindowSize({vp->Size.x, height});
  ImGui::SetNextWindowBgAlpha(0.92f);
  ImGui::Begin("##timeline", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove);

  // Left: the date, large, and the controls.
  ImGui::BeginGroup();
  ImGui::SetWindowFontScale(kDateFontScale);
  char big[48];
  std::snprintf(big, sizeof big, "%d %s %d", current.day, kMonthNames[current.month], current.year);
  ImGui::TextUnformatted(big);
  ImGui::SetWindowFontScale(1.0f);
  if (ImGui::Button("|<")) chosen = nextEventDate(events, current, false);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Previous event (Left)");
  ImGui::SameLine();
  if (ImGui::Button(s.playing ? "Pause" : "Play", {kPlayWidth * scale, 0})) s.playing = !s.playing;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Play or pause (Space)");
  ImGui::SameLine();
  if (ImGui::Button(">|")) chosen = nextEventDate(events, current, true);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Next event (Right)");
  ImGui::SameLine();
  // The speed and loop: in the row, or where it is too narrow, in a popup behind "...".
  auto speedAndLoop = [&] {
    ImGui::SetNextItemWidth(kSpeedWidth * scale);
    if (ImGui::BeginCombo("##speed", kPlaybackSpeeds[s.speed].label)) {
      for (int i = 0; i < int(std::size(kPlaybackSpeeds)); ++i)
        if (ImGui::Selectable(kPlaybackSpeeds[i].label, i == s.speed)) s.speed = i;
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::Checkbox("Loop", &s.loop);
  };
  if (layout.compact) {
    if (ImGui::Button("...")) ImGui::OpenPopup("##playback");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Playback speed and loop");
    if (ImGui::BeginPopup("##playback")) {
      speedAndLoop();
      ImGui::EndPopup();
    }
  } else {
    speedAndLoop();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(kDateBoxWidth * scale);
  if (!s.editing) std::snprintf(s.typed, sizeof s.typed, "%s", current.iso().c_str());
  if (ImGui::InputText("##date", s.typed, sizeof s.typed, ImGuiInputTextFlags_EnterReturnsTrue)) {
    if (const auto d = parseDate(s.typed)) chosen = *d;
  }
  s.editing = ImGui::IsItemActive();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Type a date (YYYY-MM-DD) and press Enter");
  ImGui::EndGroup();
  if (!layout.stacked) ImGui::SameLine(0, kGroupGap * scale);

  // Right of the controls or under them: the track, with event markers above it and year ticks below.
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = std::max(50.0f, ImGui::GetContentRegionAvail().x - 8 * scale);
  const float trackH = layout.stacked ? kTrackHeightStacked * scale : height - 24 * scale;
  ImGui::InvisibleButton("##track", {width, trackH});
  s.trackLeft = origin.x;
  s.trackRight = origin.x + width;
  s.trackY = origin.y + trackH * 0.62f;
  const int lo = daysSinceEpoch(first), hi = daysSinceEpoch(last);
  auto xOf = [&](int day) { return origin.x + width * float(day - lo) / float(std::max(1, hi - lo)); };
  if (ImGui::IsItemActive()) {
    const float t = std::clamp((ImGui::GetIO().MousePos.x - origin.x) / width, 0.0f, 1.0f);
    const Date d = dateFromDays(lo + int(std::lround(t * (hi - lo))));
    if (d != current) chosen = d;
    s.playing = false;
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float lineY = origin.y + trackH * 0.62f;
  dl->AddLine({origin.x, lineY}, {origin.x + width, lineY}, IM_COL32(90, 90, 90, 255), 2 * scale);
  // Year ticks, and labels as often as they fit without touching (every 2nd, 5th or 10th year when narrow).
  const float yearWidth = width * 365.25f / float(std::max(1, hi - lo));
  const float labelGap = 6 * scale, labelWidth = measureText("0000").x;
  const int step = yearLabelStep(yearWidth, labelWidth + labelGap);
  s.yearLabels.clear();
  for (int y = first.year; y <= last.year; ++y) {
    const float x = xOf(daysSinceEpoch({y, 1, 1}));
    if (x < origin.x - 1 || x > origin.x + width + 1) continue;
    const bool labelled = (y - first.year) % step == 0;
    if (!labelled && yearWidth < 4 * scale) continue;  // ticks too close to tell apart
    dl->AddLine({x, lineY - (labelled ? 5 : 3) * scale}, {x, lineY + (labelled ? 5 : 3) * scale}, IM_COL32(90, 90, 90, 255), scale);
    if (!labelled || x + 3 * scale + labelWidth > origin.x + width + 8 * scale) continue;  // not past the track's end
    char label[8];
    std::snprintf(label, sizeof label, "%d", y);
    const ImVec2 at{x + 3 * scale, lineY + 4 * scale};
    dl->AddText(at, IM_COL32(60, 60, 60, 255), label);
    const ImVec2 size = ImGui::CalcTextSize(label);
    s.yearLabels.push_back({y, at.x, at.x + size.x, at.y, at.y + size.y});
  }
  // Event markers: one tick per event, growing into a histogram where several share a pixel column.
  const int bins = std::max(1, int(width / (3 * scale)));
  std::vector<int> counts(bins, 0);
  std::vector<ImU32> colours(bins, 0);
  for (const Event& e : events) {
    const int day = daysSinceEpoch(e.date);
    if (day < lo || day > hi) continue;
    const int b = std::clamp(int(float(day - lo) / float(std::max(1, hi - lo)) * bins), 0, bins - 1);
    ++counts[b];
    if (!colours[b] || isDisputeType(e.type)) colours[b] = eventTypeColour(e.type);
  }
  const float stripBottom = lineY - 8 * scale, stripTop = origin.y + 4 * scale;
  for (int b = 0; b < bins; ++b) {
    if (!counts[b]) continue;
    const float x = origin.x + (b + 0.5f) * width / bins;
    const float h = std::min(stripBottom - stripTop, (6.0f + 5.0f * (counts[b] - 1)) * scale);
    dl->AddRectFilled({x - 1.2f * scale, stripBottom - h}, {x + 1.2f * scale, stripBottom}, colours[b]);
  }
  // The current date.
  const float cx = xOf(daysSinceEpoch(current));
  dl->AddTriangleFilled({cx - 6 * scale, lineY - 9 * scale}, {cx + 6 * scale, lineY - 9 * scale}, {cx, lineY}, IM_COL32(200, 30, 30, 255));
  dl->AddLine({cx, lineY}, {cx, lineY + 8 * scale}, IM_COL32(200, 30, 30, 255), 2 * scale);
  ImGui::End();
  return chosen;
}

}  // namespace cm
