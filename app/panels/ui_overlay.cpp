#include "app/panels/ui_overlay.h"

#include <algorithm>
#include <filesystem>

#include <imgui.h>

#include "store/attribution.h"

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
  // Overlays are sized to their text (app/panels/overlay_layout.h): a one-line credit is shorter than
  // ImGui's usual smallest window, which would grow it past the map's edge.
  style.WindowMinSize = {1, 1};
}

void initImGui(float uiScale, float pixelDensity, const std::string* onlyGlyphsOf) {
  initImGui(uiScale, buildFonts(uiScale, pixelDensity, onlyGlyphsOf));
}

void shutdownImGui() {
  ImGui::DestroyContext();
  gFonts.reset();
}

namespace {
// A borderless, input-free window of the size its layout gave: overlays never steal clicks from the map.
constexpr ImGuiWindowFlags kOverlayFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoSavedSettings |
                                           ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;
using namespace overlay;

void placeWindow(const ScreenBox& box) {
  ImGui::SetNextWindowPos({box.left, box.top}, ImGuiCond_Always);
  ImGui::SetNextWindowSize({box.width(), box.height()}, ImGuiCond_Always);
}

ScreenBox currentWindowBox() {
  const ImVec2 p = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  return {p.x, p.y, p.x + size.x, p.y + size.y};
}

// A swatch of the fill or overlay an item stands for, at `p`, `h` tall.
void drawSwatch(ImDrawList* dl, const LegendItem& item, ImVec2 p, float h) {
  const float alpha = item.active ? 1.0f : 0.3f;
  const ImU32 fill = ImGui::ColorConvertFloat4ToU32({item.rgba[0], item.rgba[1], item.rgba[2], alpha});
  const ImVec2 q{p.x + h * kSwatchWidth, p.y + h};
  switch (item.swatch) {
    case LegendItem::Swatch::Hatch:  // the map's stripes: dark diagonals over a pale ground
      dl->AddRectFilled(p, q, IM_COL32(235, 235, 235, 255));
      dl->PushClipRect(p, q, true);
      for (float x = p.x - h; x < q.x; x += h * 0.45f)
        dl->AddLine({x, q.y}, {x + h, p.y}, IM_COL32(30, 30, 35, 200), std::max(1.0f, h * 0.13f));
      dl->PopClipRect();
      break;
    case LegendItem::Swatch::Outline:
      dl->AddRectFilled(p, q, IM_COL32(235, 235, 235, 255));
      dl->AddRect({p.x + 1, p.y + 1}, {q.x - 1, q.y - 1}, fill, 0, 0, std::max(2.0f, h * 0.2f));
      break;
    case LegendItem::Swatch::Tint: {  // the NOC colour, then three bands tinted toward three parties
      dl->AddRectFilled(p, q, fill);
      const ImU32 tints[] = {IM_COL32(0x8f, 0xb3, 0xd6, 255), IM_COL32(0xdb, 0x8a, 0x93, 255), IM_COL32(0xe6, 0xbf, 0x86, 255)};
      const float band = (q.x - p.x) / 6;
      for (int i = 0; i < 3; ++i) dl->AddRectFilled({p.x + band * float(3 + i), p.y}, {p.x + band * float(4 + i), q.y}, tints[i]);
      break;
    }
    case LegendItem::Swatch::Fill: dl->AddRectFilled(p, q, fill); break;
  }
  dl->AddRect(p, q, IM_COL32(70, 70, 70, int(255 * alpha)));
}
}  // namespace

ScreenBox drawAttribution(const OverlayLayout& layout, float scale) {
  const std::string& text = layout.creditText;
  if (layout.credit.empty()) return {};
  placeWindow(layout.credit);
  ImGui::SetNextWindowBgAlpha(0.72f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {kCreditPadX * scale, kCreditPadY * scale});
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
  ImGui::Begin("##attribution", nullptr, kOverlayFlags);
  ImGui::SetWindowFontScale(kCreditFontScale);
  ImGui::PushTextWrapPos(layout.creditPlace.maxWidth - kCreditPadX * scale);  // from the window's left: the text starts kCreditPadX in
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  const ScreenBox box = currentWindowBox();
  ImGui::End();
  ImGui::PopStyleVar(2);
  return box;
}

void drawCaption(const std::string& title, const std::string& subtitle, const ScreenBox& box, float scale) {
  if (box.empty()) return;
  placeWindow(box);
  ImGui::SetNextWindowBgAlpha(0.82f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {kCaptionPadX * scale, kCaptionPadY * scale});
  ImGui::Begin("##caption", nullptr, kOverlayFlags);
  ImGui::SetWindowFontScale(kTitleFontScale);
  ImGui::TextUnformatted(title.c_str());
  ImGui::SetWindowFontScale(1.0f);
  if (!subtitle.empty()) ImGui::TextDisabled("%s", subtitle.c_str());
  ImGui::End();
  ImGui::PopStyleVar();
}

int drawLegend(const std::string& heading, const std::vector<LegendItem>& items, const LegendLayout& layout, float scale, bool interactive,
               std::vector<LegendRowCentre>* rowCentres) {
  if (rowCentres) rowCentres->clear();
  if (layout.box.empty()) return -1;
  int clicked = -1;
  placeWindow(layout.box);
  ImGui::SetNextWindowBgAlpha(0.85f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {kLegendPadX * scale, kLegendPadY * scale});
  ImGui::Begin("##legend", nullptr, interactive ? (kOverlayFlags & ~ImGuiWindowFlags_NoInputs) : kOverlayFlags);
  ImGui::SetWindowFontScale(layout.fontScale);
  ImGui::TextUnformatted(heading.c_str());
  if (interactive) ImGui::TextDisabled("%s", kLegendHint);
  const float h = ImGui::GetTextLineHeight();
  const ImVec2 origin = ImGui::GetWindowPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (const auto& row : layout.rows) {
    const LegendItem& item = items[row.item];
    const ImVec2 p{origin.x + row.x, origin.y + row.y};
    ImGui::SetCursorScreenPos(p);
    drawSwatch(dl, item, p, h);
    ImGui::Dummy({h * kSwatchWidth, h});
    ImGui::SameLine();
    if (!item.active) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    if (interactive && item.showCount) {
      ImGui::PushID(int(row.item));
      if (ImGui::Selectable(row.text.c_str(), false, 0, {row.width, h})) clicked = int(row.item);
      ImGui::PopID();
    } else {
      ImGui::TextUnformatted(row.text.c_str());
    }
    if (!item.active) ImGui::PopStyleColor();
    if (interactive && row.shortened && ImGui::IsItemHovered())
      ImGui::SetTooltip("%s", item.label.c_str());  // shortened to fit: the whole label on hover
    if (rowCentres) {
      const ImVec2 mn = ImGui::GetItemRectMin(), mx = ImGui::GetItemRectMax();
      rowCentres->push_back({row.item, (mn.x + mx.x) / 2, (mn.y + mx.y) / 2});
    }
  }
  if (!layout.more.empty()) {
    ImGui::SetCursorScreenPos({origin.x + layout.moreX, origin.y + layout.moreY});
    ImGui::TextDisabled("%s", layout.more.c_str());
  }
  ImGui::End();
  ImGui::PopStyleVar();
  return clicked;
}

}  // namespace cm
