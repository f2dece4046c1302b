#pragma once
#include <memory>
#include <string>
#include <utility>
#include <vector>

struct ImFont;
struct ImFontAtlas;

namespace cm {

// Dear ImGui set-up shared by the window and headless export, so both draw the same text.
// Creates the context and loads DejaVu Sans where installed, rasterised at `pixelDensity` (drawable
// pixels per window point) so text stays sharp on HiDPI screens.
// `onlyGlyphsOf`: when given, the font holds ASCII and the characters of this text only (an export
// knows the names it will write), several times faster to build than the window's full set.
void initImGui(float uiScale, float pixelDensity = 1.0f, const std::string* onlyGlyphsOf = nullptr);
void shutdownImGui();

// The same in two steps, so the window can rasterise its font on another thread while its GL driver
// compiles: buildFonts needs no ImGui context, and must finish before one is made (ImGui counts its
// allocations in the current context). initImGui then keeps the atlas until shutdownImGui.
struct UiFonts {
  std::shared_ptr<ImFontAtlas> atlas;
  float globalScale = 1.0f;  // ImGuiIO::FontGlobalScale for this atlas
};
UiFonts buildFonts(float uiScale, float pixelDensity = 1.0f, const std::string* onlyGlyphsOf = nullptr);
void initImGui(float uiScale, UiFonts fonts);

// Where the credit for the data on show (bottom-right, as on every published map) goes beside the
// legend (bottom-left, its right edge at `legendRight`) on a map `mapWidth` wide.
struct CreditPlacement {
  float maxWidth = 0;         // the box's widest; its text wraps inside
  float height = 0;           // from the map's bottom edge to the box's top, the gap below it included
  bool besideLegend = true;   // false: too little room right of the legend, which then goes above
};
CreditPlacement placeCredit(const std::string& text, float mapWidth, float legendRight, float scale);
// An overlay's box on screen, in window points.
struct ScreenBox {
  float left = 0, top = 0, right = 0, bottom = 0;
};
// Draws the credit in the bottom-right corner of a map `width` by `height`; returns its box.
ScreenBox drawAttribution(const std::string& text, float width, float height, float scale, const CreditPlacement& place);
// A caption top-left (e.g. "UK councils · 2025-12-31").
void drawCaption(const std::string& title, const std::string& subtitle, float scale);

struct LegendItem {
  std::string label;
  float rgba[4];
  std::size_t count;
  bool active = true;  // drawn faded when a filter excludes it
  enum class Swatch { Fill, Hatch, Outline } swatch = Swatch::Fill;  // overlays are keyed by their pattern
  bool showCount = true;
};
// A key of fill colours with counts, bottom-left, its box's bottom at `bottom`. When `interactive`,
// rows are buttons: returns the index of the row clicked this frame, or -1. `rowCentres` (optional)
// receives each row's centre, `box` (optional) the legend's box (given last frame's, it keeps the
// legend below the top edge).
int drawLegend(const std::string& heading, const std::vector<LegendItem>& items, float bottom, float scale,
               bool interactive = false, std::vector<std::pair<float, float>>* rowCentres = nullptr, ScreenBox* box = nullptr);
// The right edge of drawLegend's box, measured before any frame (framing is decided before the first).
float legendRight(const std::string& heading, const std::vector<LegendItem>& items, float scale, bool interactive);
// Where the legend's bottom goes: at `lowest`, or above the credit when it is not beside it.
float legendBottom(const CreditPlacement& credit, float mapBottom, float lowest, float scale);

std::string attributionFor(const std::string& boundarySource, bool isDefaultData);

}  // namespace cm
