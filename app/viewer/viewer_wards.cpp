// The viewer's wards: shown over the councils when zoomed in, marked where ward-level events
// happened, and searchable by name.
#include <imgui.h>

#include "app/viewer/viewer_window.h"
#include "politics/council_types.h"
#include "politics/wards.h"

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

bool Viewer::wardsWanted(double metresPerPixel) const {
  const bool close = panel_.wards == "always" || metresPerPixel < kWardMetresPerPixel || (wardsPinned_ && session_.view.selected);
  return session_.data().usesDefaultData() && panel_.wards != "off" && close;
}

// Shows the wards of the date's vintage when zoomed in. They are read on another thread while the
// councils are drawn (announced in the wards' key), and shown from the first frame after.
void Viewer::updateWards() {
  if (!wardsWanted(canvas_.camera().metresPerPixel())) {
    if (wardsShown_) canvas_.setOverlay({}, {});
    wardsShown_ = wardsLoading_ = false;
    return;
  }
  if (wards_.poll()) {
    selectedWard_.reset();
    wardMarkersVintage_.clear();
  }
  if (wardsShown_ && wards_.holdsVintageFor(session_)) return;
  if (!wards_.holdsVintageFor(session_)) {
    if (wardsShown_) canvas_.setOverlay({}, {});  // another vintage's wards, at another date
    wardsShown_ = false;
    wards_.startLoading(session_, canvas_.camera().metresPerPixel());
    wardsLoading_ = true;
    canvas_.invalidate();
    return;
  }
  wardsLoading_ = false;
  canvas_.setOverlay(wards_.drawable(), WardLayer::look());
  wardsShown_ = true;
  restyleWards();
}

// The wards' key: which vintage, how many, what colours them. While they load it says so, in a box of
// the size it will have (counts measured with placeholder digits), so nothing framed beside it moves.
std::vector<std::string> Viewer::wardKeyLines(bool wardsComing) const {
  if (!wardsShown_ && !wardsLoading_ && !wardsComing) return {};
  const bool loaded = wardsShown_ && wards_.set();
  const std::string count = loaded ? std::to_string(wards_.set()->features.size()) : "0000";
  const std::string vintage = loaded ? wards_.vintage() : WardLayer::keyFor(session_.year());
  std::vector<std::string> lines;
  lines.push_back(loaded ? "Wards: " + vintage + ", " + count + " wards" : "Loading wards: " + vintage + ", " + count + " wards");
  const bool inPeriod = WardCouncillors2018::covers(session_.view.date);
  if (inPeriod)
    lines.push_back("Councillors' parties, Sept 2018: " + (loaded ? std::to_string(wards_.covered()) : std::string("0000")) +
                    " wards. Pale wards: gaps in that data");
  else
    lines.push_back("Councillors by ward are known for May 2018 to May 2019 only");
  lines.push_back(wardMarkers_.empty() || !loaded ? "W: wards when zoomed in, always, or off" : "Diamonds: wards named by an event");
  return lines;
}

// The box at the top centre: its first line plain, the rest greyed.
void Viewer::drawNotice(const std::vector<std::string>& lines, const ScreenBox& box) {
  ImGui::SetNextWindowPos({box.left, box.top}, ImGuiCond_Always);
  ImGui::SetNextWindowSize({box.width(), box.height()}, ImGuiCond_Always);
  ImGui::SetNextWindowBgAlpha(0.85f);
  ImGui::Begin("##notice", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoInputs);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i == 0)
      ImGui::TextUnformatted(lines[i].c_str());
    else
      ImGui::TextDisabled("%s", lines[i].c_str());
  }
  ImGui::End();
}

// A diamond on each ward named by an event up to the date: near-black while the newest such event
// is within the dispute window (no party uses it), grey once older. Hovering lists the events.
void Viewer::drawWardMarkers() {
  if (!wardsShown_ || !session_.data().events()) return;
  if (wardMarkersVintage_ != wards_.vintage()) {
    wardMarkers_ = wardEventMarkers(*wards_.set(), session_.data().events()->all());
    wardMarkersVintage_ = wards_.vintage();
  }
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  const double r = pixelRatio();
  const float size = 7 * uiScale_;
  const Date today = session_.view.date;
  for (const auto& m : wardMarkers_) {
    std::vector<const Event*> happened;
    for (const Event* e : m.events)
      if (!(today < e->date)) happened.push_back(e);
    if (happened.empty()) continue;
    const Point2 s = canvas_.camera().worldToScreen(m.at);
    const ImVec2 c{float(s.x / r), float(s.y / r)};
    const bool recent = daysSinceEpoch(today) - daysSinceEpoch(happened.back()->lastDay()) <= session_.view.disputeWindowDays;
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
  fitArea(w.bbox, 0.1);  // as a council is framed: the ward fills most of the free map
  canvas_.setOverlaySelection(selectedWard_);
}

void Viewer::openSearch() {
  search_.open = true;
  search_.focusInput = true;
}

// Council names of the date, with Welsh names, plus the ward names of the date's vintage.
void Viewer::refreshSearchIndex() {
  const std::string key = std::to_string(session_.year()) + session_.view.tier + WardLayer::keyFor(session_.year());
  if (searchIndexKey_ == key) return;
  searchIndex_ = session_.data().searchIndex(session_.view.tier, session_.year());
  if (session_.data().usesDefaultData()) {
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
