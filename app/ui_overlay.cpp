#include "app/ui_overlay.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>
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
// map's width, its text this much smaller than the panels' (lengths in points at UI scale 1).
constexpr float kAttributionWidth = 0.62f, kAttributionFontScale = 0.8f, kGap = 6, kPadX = 6, kPadY = 3;

float attributionWrapWidth(float width, float scale) { return width * kAttributionWidth - 2 * kPadX * scale; }
}  // namespace

float attributionHeight(const std::string& text, float width, float scale) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.Fonts->Fonts.empty()) return 0;
  const ImFont* font = io.Fonts->Fonts[0];
  const float size = font->FontSize * io.FontGlobalScale * kAttributionFontScale;
  const float textHeight = font->CalcTextSizeA(size, FLT_MAX, attributionWrapWidth(width, scale), text.c_str()).y;
  return textHeight + (2 * kPadY + kGap) * scale;
}

float drawAttribution(const std::string& text, float width, float height, float scale) {
  ImGui::SetNextWindowPos({width - kGap * scale, height - kGap * scale}, ImGuiCond_Always, {1, 1});
  ImGui::SetNextWindowBgAlpha(0.72f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {kPadX * scale, kPadY * scale});
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
  ImGui::SetNextWindowSizeConstraints({0, 0}, {width * kAttributionWidth, height});
  ImGui::Begin("##attribution", nullptr, kOverlayFlags);
  ImGui::SetWindowFontScale(kAttributionFontScale);
  ImGui::PushTextWrapPos(attributionWrapWidth(width, scale));
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  const float top = ImGui::GetWindowPos().y;
  ImGui::End();
  ImGui::PopStyleVar(2);
  return top;
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

int drawLegend(const std::string& heading, const std::vector<LegendItem>& items, float height, float scale, bool interactive,
               std::vector<std::pair<float, float>>* rowCentres) {
  if (items.empty()) return -1;
  int clicked = -1;
  ImGui::SetNextWindowPos({10 * scale, height - 10 * scale}, ImGuiCond_Always, {0, 1});
  ImGui::SetNextWindowBgAlpha(0.85f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {10 * scale, 8 * scale});
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
    char text[160];
    if (item.showCount) std::snprintf(text, sizeof text, "%s  %zu", item.label.c_str(), item.count);
    else std::snprintf(text, sizeof text, "%s", item.label.c_str());
    if (!item.active) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    if (interactive && item.showCount) {
      ImGui::PushID(int(i));
      if (ImGui::Selectable(text, false, 0, {0, swatch})) clicked = int(i);
      ImGui::PopID();
    } else {
      ImGui::TextUnformatted(text);
    }
    if (!item.active) ImGui::PopStyleColor();
    if (rowCentres) {
      const ImVec2 mn = ImGui::GetItemRectMin(), mx = ImGui::GetItemRectMax();
      rowCentres->push_back({(mn.x + mx.x) / 2, (mn.y + mx.y) / 2});
    }
  }
  ImGui::End();
  ImGui::PopStyleVar();
  return clicked;
}

}  // namespace cm
