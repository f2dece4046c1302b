#include "app/ui_overlay.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <filesystem>

#include "data/attribution.h"

namespace cm {

namespace {
std::shared_ptr<ImFontAtlas> gFonts;  // the context's atlas, which ImGui does not own when handed one
}  // namespace

UiFonts buildFonts(float uiScale, float pixelDensity, const std::string* onlyGlyphsOf) {
  UiFonts fonts{std::make_shared<ImFontAtlas>(), uiScale};
  const char* font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
  std::error_code ec;
  // Latin-1 plus Latin Extended-A covers Welsh and Gaelic names (Ynys Môn, Rhondda Cynon Taf, ŵ, ŷ);
  // the General Punctuation block brings dashes, curly quotes and the ellipsis; arrows and
  // geometric shapes give the panel its fold and play symbols.
  static const ImWchar kRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x2027, 0x2190, 0x21FF, 0x25A0, 0x25FF, 0};
  const float density = std::max(1.0f, pixelDensity);
  if (std::filesystem::exists(font, ec)) {
    ImFontConfig config;
    const float pixels = 15.0f * uiScale * density;
    // Horizontal oversampling places small glyphs on subpixels; large ones need none, and at 30 px
    // (a 4K export, a HiDPI window) rasterising them three times over costs ~8 ms at start-up.
    config.OversampleH = pixels >= 24 ? 1 : 3;
    static ImVector<ImWchar> textRanges;  // the atlas reads the ranges when it is built, below
    if (onlyGlyphsOf) {
      static const ImWchar kAscii[] = {0x0020, 0x007E, 0};  // digits, counts, labels drawn later
      ImFontGlyphRangesBuilder builder;
      builder.AddRanges(kAscii);
      builder.AddText(onlyGlyphsOf->c_str());
      builder.AddChar(0x2026);  // the ellipsis ImGui draws for clipped text
      textRanges.clear();
      builder.BuildRanges(&textRanges);
    }
    fonts.atlas->AddFontFromFileTTF(font, pixels, &config, onlyGlyphsOf ? textRanges.Data : kRanges);
    fonts.globalScale = 1.0f / density;
  } else {
    fonts.atlas->AddFontDefault();
  }
  // Rasterised now, in the form the GL backend uploads, rather than at the first frame.
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  fonts.atlas->GetTexDataAsRGBA32(&pixels, &w, &h);
  return fonts;
}

void initImGui(float uiScale, UiFonts fonts) {
  IMGUI_CHECKVERSION();
  gFonts = std::move(fonts.atlas);
  ImGui::CreateContext(gFonts.get());
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the viewer names its own file in the user's config folder; export keeps none
  io.FontGlobalScale = fonts.globalScale;
  ImGui::StyleColorsLight();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 4;
  style.FrameRounding = 3;
  style.ScaleAllSizes(uiScale);
}

void initImGui(float uiScale, float pixelDensity, const std::string* onlyGlyphsOf) {
  initImGui(uiScale, buildFonts(uiScale, pixelDensity, onlyGlyphsOf));
}

void shutdownImGui() {
  ImGui::DestroyContext();
  gFonts.reset();
}

std::string attributionFor(const std::string& source, bool isDefaultData) {
  if (isDefaultData) return kOnsBoundaryAttribution;
  return "Boundaries: " + std::filesystem::path(source).filename().string();
}

namespace {
// A borderless, input-free window: overlays must never steal clicks from the map.
constexpr ImGuiWindowFlags kOverlayFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs |
                                           ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                           ImGuiWindowFlags_NoNav | ImGuiWindowFlags_AlwaysAutoResize;

// The attribution's box: in the bottom-right corner, `kGap` from the edges, at most this share of the
// map's width (less where the legend needs the room), its text this much smaller than the panels'
// (lengths in points at UI scale 1). Below kBesideShare of the map's width it gives up the room
// beside the legend and the legend goes above it.
constexpr float kAttributionWidth = 0.62f, kBesideShare = 0.3f, kAttributionFontScale = 0.8f, kGap = 6, kPadX = 6, kPadY = 3;
constexpr float kLegendInset = 10, kLegendPadX = 10, kLegendPadY = 8;

// Text as the overlays' font sets it, measurable before a frame has begun.
ImVec2 textSize(const std::string& text, float fontScale = 1.0f, float wrapWidth = 0) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.Fonts->Fonts.empty()) return {0, 0};
  const ImFont* font = io.Fonts->Fonts[0];
  return font->CalcTextSizeA(font->FontSize * io.FontGlobalScale * fontScale, FLT_MAX, wrapWidth, text.c_str());
}

std::string legendRowText(const LegendItem& item) {
  return item.showCount ? item.label + "  " + std::to_string(item.count) : item.label;
}
}  // namespace

CreditPlacement placeCredit(const std::string& text, float mapWidth, float legendRight, float scale) {
  CreditPlacement place;
  place.maxWidth = std::min(mapWidth * kAttributionWidth, mapWidth - legendRight - 2 * kGap * scale);
  // Too narrow beside the legend: as wide as the map allows, so as few lines as can be go above it.
  if (place.maxWidth < mapWidth * kBesideShare) place = {mapWidth - 2 * kGap * scale, 0, false};
  place.height = textSize(text, kAttributionFontScale, place.maxWidth - 2 * kPadX * scale).y + (2 * kPadY + kGap) * scale;
  return place;
}

namespace {
ScreenBox currentWindowBox() {
  const ImVec2 p = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  return {p.x, p.y, p.x + size.x, p.y + size.y};
}
}  // namespace

ScreenBox drawAttribution(const std::string& text, float width, float height, float scale, const CreditPlacement& place) {
  ImGui::SetNextWindowPos({width - kGap * scale, height - kGap * scale}, ImGuiCond_Always, {1, 1});
  ImGui::SetNextWindowBgAlpha(0.72f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {kPadX * scale, kPadY * scale});
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
  ImGui::SetNextWindowSizeConstraints({0, 0}, {place.maxWidth, height});
  ImGui::Begin("##attribution", nullptr, kOverlayFlags);
  ImGui::SetWindowFontScale(kAttributionFontScale);
  ImGui::PushTextWrapPos(place.maxWidth - kPadX * scale);  // from the window's left: the text starts kPadX in
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  const ScreenBox box = currentWindowBox();
  ImGui::End();
  ImGui::PopStyleVar(2);
  return box;
}

void drawCaption(const std::string& title, const std::string& subtitle, float scale) {
  ImGui::SetNextWindowPos({10 * scale, 10 * scale}, ImGuiCond_Always);
  ImGui::SetNextWindowBgAlpha(0.82f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {10 * scale, 6 * scale});
  ImGui::Begin("##caption", nullptr, kOverlayFlags);
  ImGui::SetWindowFontScale(1.35f);
  ImGui::TextUnformatted(title.c_str());
  ImGui::SetWindowFontScale(1.0f);
  if (!subtitle.empty()) ImGui::TextDisabled("%s", subtitle.c_str());
  ImGui::End();
  ImGui::PopStyleVar();
}

float legendRight(const std::string& heading, const std::vector<LegendItem>& items, float scale, bool interactive) {
  if (items.empty()) return 0;
  float content = std::max(textSize(heading).x, interactive ? textSize("click to filter").x : 0.0f);
  const float swatch = textSize("X").y;
  for (const auto& item : items)
    content = std::max(content, swatch * 1.4f + ImGui::GetStyle().ItemSpacing.x + textSize(legendRowText(item)).x);
  return (kLegendInset + 2 * kLegendPadX) * scale + content;
}

float legendBottom(const CreditPlacement& credit, float mapBottom, float lowest, float scale) {
  return credit.besideLegend ? lowest : std::min(lowest, mapBottom - credit.height - 4 * scale);
}

int drawLegend(const std::string& heading, const std::vector<LegendItem>& items, float bottom, float scale, bool interactive,
               std::vector<std::pair<float, float>>* rowCentres, ScreenBox* box) {
  if (items.empty()) return -1;
  int clicked = -1;
  // Never above the window's top, where it could not be read: by its height when last drawn (the
  // window and export lay their overlays out twice before the first image).
  if (box && box->bottom > box->top) bottom = std::max(bottom, box->bottom - box->top + kLegendInset * scale);
  ImGui::SetNextWindowPos({kLegendInset * scale, bottom}, ImGuiCond_Always, {0, 1});
  ImGui::SetNextWindowBgAlpha(0.85f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {kLegendPadX * scale, kLegendPadY * scale});
  ImGui::Begin("##legend", nullptr, interactive ? (kOverlayFlags & ~ImGuiWindowFlags_NoInputs) : kOverlayFlags);
  ImGui::TextUnformatted(heading.c_str());
  if (interactive) ImGui::TextDisabled("click to filter");
  const float swatch = ImGui::GetTextLineHeight();
  if (rowCentres) rowCentres->clear();
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float alpha = item.active ? 1.0f : 0.3f;
    const ImU32 fill = ImGui::ColorConvertFloat4ToU32({item.rgba[0], item.rgba[1], item.rgba[2], alpha});
    const ImVec2 q{p.x + swatch * 1.4f, p.y + swatch};
    if (item.swatch == LegendItem::Swatch::Hatch) {
      // The map's stripes: dark diagonals over a pale ground.
      dl->AddRectFilled(p, q, IM_COL32(235, 235, 235, 255));
      dl->PushClipRect(p, q, true);
      for (float x = p.x - swatch; x < q.x; x += swatch * 0.45f)
        dl->AddLine({x, q.y}, {x + swatch, p.y}, IM_COL32(30, 30, 35, 200), std::max(1.0f, swatch * 0.13f));
      dl->PopClipRect();
    } else if (item.swatch == LegendItem::Swatch::Outline) {
      dl->AddRectFilled(p, q, IM_COL32(235, 235, 235, 255));
      dl->AddRect({p.x + 1, p.y + 1}, {q.x - 1, q.y - 1}, fill, 0, 0, std::max(2.0f, swatch * 0.2f));
    } else {
      dl->AddRectFilled(p, q, fill);
    }
    dl->AddRect(p, q, IM_COL32(70, 70, 70, int(255 * alpha)));
    ImGui::Dummy({swatch * 1.4f, swatch});
    ImGui::SameLine();
    const std::string text = legendRowText(item);
    if (!item.active) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    if (interactive && item.showCount) {
      ImGui::PushID(int(i));
      if (ImGui::Selectable(text.c_str(), false, 0, {0, swatch})) clicked = int(i);
      ImGui::PopID();
    } else {
      ImGui::TextUnformatted(text.c_str());
    }
    if (!item.active) ImGui::PopStyleColor();
    if (rowCentres) {
      const ImVec2 mn = ImGui::GetItemRectMin(), mx = ImGui::GetItemRectMax();
      rowCentres->push_back({(mn.x + mx.x) / 2, (mn.y + mx.y) / 2});
    }
  }
  if (box) *box = currentWindowBox();
  ImGui::End();
  ImGui::PopStyleVar();
  return clicked;
}

}  // namespace cm
