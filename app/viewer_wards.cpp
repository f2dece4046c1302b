// The viewer's wards: shown over the councils when zoomed in, marked where ward-level events
// happened, and searchable by name.
#include <imgui.h>

#include "app/viewer_window.h"
#include "data/council_types.h"
#include "data/wards.h"

namespace cm {
namespace {
// Closer than this, wards appear over the councils (about the scale of a city region on screen).
constexpr double kWardMetresPerPixel = 150;
}  // namespace

void Viewer::restyleWards() {
  if (!canvas_.hasOverlay()) return;
  canvas_.setOverlayStyles(wards_.styles(session_));
  canvas_.setOverlaySelection(selectedWard_);
}

// Shows the wards of the date's vintage when zoomed in. Loading takes a frame to announce itself
// first, since a ward file can take a second to read from the sources.
void Viewer::updateWards() {
  const bool close = panel_.wards == "always" || canvas_.camera().metresPerPixel() < kWardMetresPerPixel ||
                     (wardsPinned_ && state_.selected);
  const bool want = session_.usesDefaultData() && panel_.wards != "off" && close;
  if (!want) {
    if (wardsShown_) canvas_.setOverlay({}, {});
    wardsShown_ = wardsLoading_ = false;
    return;
  }
  if (wardsShown_ && wards_.holdsVintageFor(session_)) return;
  if (!wardsLoading_ && !wards_.holdsVintageFor(session_)) {
    wardsLoading_ = true;
    return;
  }
  wardsLoading_ = false;
  if (wards_.ensureFor(session_)) selectedWard_.reset();
  canvas_.setOverlay(wards_.drawable(), WardLayer::look());
  wardsShown_ = true;
  restyleWards();
}

void Viewer::drawWardInfo() {
  if (!wardsShown_ && !wardsLoading_) return;
  ImGui::SetNextWindowPos({(ImGui::GetMainViewport()->Size.x - panelWidth_) / 2, 12 * uiScale_}, ImGuiCond_Always, {0.5f, 0});
  ImGui::SetNextWindowBgAlpha(0.85f);
  ImGui::Begin("##wardinfo", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoInputs);
  if (wardsLoading_) {
    ImGui::TextUnformatted("Loading wards\xE2\x80\xA6");
  } else {
    const std::size_t coloured = wards_.covered();
    ImGui::Text("Wards: %s, %zu wards", wards_.vintage().c_str(), wards_.set()->features.size());
    if (coloured) ImGui::TextDisabled("Councillors' parties, Sept 2018: %zu wards. Pale wards: gaps in that data", coloured);
    else ImGui::TextDisabled("Councillors by ward are known for May 2018 to May 2019 only");
    if (!wardMarkers_.empty()) ImGui::TextDisabled("Diamonds: wards named by an event");
  }
  ImGui::End();
}

// A diamond on each ward named by an event up to the date: near-black while the newest such event
// is within the dispute window (no party uses it), grey once older. Hovering lists the events.
void Viewer::drawWardMarkers() {
  if (!wardsShown_ || !session_.events()) return;
  if (wardMarkersVintage_ != wards_.vintage()) {
    wardMarkers_ = wardEventMarkers(*wards_.set(), session_.events()->all());
    wardMarkersVintage_ = wards_.vintage();
  }
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  const double r = pixelRatio();
  const float size = 7 * uiScale_;
  const Date today = session_.date();
  for (const auto& m : wardMarkers_) {
    std::vector<const Event*> happened;
    for (const Event* e : m.events)
      if (!(today < e->date)) happened.push_back(e);
    if (happened.empty()) continue;
    const Point2 s = canvas_.camera().worldToScreen(m.at);
    const ImVec2 c{float(s.x / r), float(s.y / r)};
    const bool recent = daysSinceEpoch(today) - daysSinceEpoch(happened.back()->lastDay()) <= session_.disputeWindowDays;
    const ImU32 fill = recent ? IM_COL32(25, 20, 35, 255) : IM_COL32(135, 135, 135, 255);
    const ImVec2 pts[] = {{c.x, c.y - size}, {c.x + size, c.y}, {c.x, c.y + size}, {c.x - size, c.y}};
    dl->AddConvexPolyFilled(pts, 4, fill);
    dl->AddPolyline(pts, 4, IM_COL32(255, 255, 255, 255), ImDrawFlags_Closed, 1.5f * uiScale_);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (std::abs(mouse.x - c.x) + std::abs(mouse.y - c.y) <= size && !ImGui::GetIO().WantCaptureMouse) {
      ImGui::BeginTooltip();
      ImGui::Text("%s ward", wards_.set()->features[m.ward].name.c_str());
      for (const Event* e : happened) ImGui::BulletText("%s  %s", e->date.iso().c_str(), e->title.c_str());
      ImGui::EndTooltip();
    }
  }
}

void Viewer::goToWard(std::uint32_t ward) {
  if (!wards_.set() || ward >= wards_.set()->features.size()) return;
  const Feature& w = wards_.set()->features[ward];
  const Point2 inside = interiorPoint(*wards_.set(), w);
  if (const auto council = session_.featureAt(inside)) select(council);
  selectedWard_ = ward;
  fitFree(w.bbox, 0.6);
  canvas_.setOverlaySelection(selectedWard_);
}

void Viewer::openSearch() {
  search_.open = true;
  search_.focusInput = true;
}

// Council names of the date, with Welsh names, plus the ward names of the date's vintage.
void Viewer::refreshSearchIndex() {
  const std::string key = std::to_string(session_.year()) + session_.tier() + WardLayer::keyFor(session_.year());
  if (searchIndexKey_ == key) return;
  searchIndex_ = session_.searchIndex();
  if (session_.usesDefaultData()) {
    if (wards_.ensureFor(session_)) {  // another vintage: the overlay on show must follow it
      selectedWard_.reset();
      if (wardsShown_) canvas_.setOverlay({}, {});
      wardsShown_ = false;
    }
    const BoundarySet& councils = session_.boundaries();
    for (const auto& w : wards_.set()->features) {
      const auto council = w.parent.empty() ? std::nullopt : councils.findByCode(w.parent, session_.year());
      searchIndex_.add(w.name, "ward \xC2\xB7 " + (council ? councils.features[*council].name : w.code), w.code);
    }
  }
  searchIndexKey_ = key;
}

}  // namespace cm
