#pragma once
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "app/panels/overlay_layout.h"

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

// Drawing the overlays where layOutOverlays (app/panels/overlay_layout.h) put them; each returns its box.
ScreenBox drawAttribution(const OverlayLayout& layout, float scale);
void drawCaption(const std::string& title, const std::string& subtitle, const ScreenBox& box, float scale);
// The legend, its heading on top. When `interactive`, rows are buttons: returns the index of the item
// clicked this frame, or -1. `rowCentres` (optional) receives each shown row's item and centre.
struct LegendRowCentre {
  std::size_t item;
  float x, y;
};
int drawLegend(const std::string& heading, const std::vector<LegendItem>& items, const LegendLayout& layout, float scale,
               bool interactive = false, std::vector<LegendRowCentre>* rowCentres = nullptr);

}  // namespace cm
