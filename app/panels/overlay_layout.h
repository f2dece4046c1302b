#pragma once
// Where the boxes drawn over a map go: the caption, the filter chips, the wards box, the legend, the
// data warnings button and the data credit. Laid out before a frame, from the text they will hold
// (measured with the panels' font, as ImGui will draw it), so that the window and export draw them
// where they were planned, a view is framed clear of them, and none covers another.
#include <string>
#include <vector>

namespace cm {

// Lengths in points at UI scale 1, and font scales, shared by the layout and the drawing (ui_overlay.cpp).
namespace overlay {
inline constexpr float kCaptionPadX = 10, kCaptionPadY = 6, kTitleFontScale = 1.35f;
inline constexpr float kLegendPadX = 10, kLegendPadY = 8, kSwatchWidth = 1.4f;  // a swatch's width in line heights
inline constexpr float kCreditFontScale = 0.8f, kCreditPadX = 6, kCreditPadY = 3;
inline constexpr const char* kLegendHint = "click to filter";
}  // namespace overlay

// An overlay's box on screen, in window points.
struct ScreenBox {
  float left = 0, top = 0, right = 0, bottom = 0;
  float width() const { return right - left; }
  float height() const { return bottom - top; }
  bool empty() const { return !(right > left && bottom > top); }
  bool overlaps(const ScreenBox& o) const {
    return !empty() && !o.empty() && left < o.right && o.left < right && top < o.bottom && o.top < bottom;
  }
};

struct LegendItem {
  std::string label;
  float rgba[4];
  std::size_t count;
  bool active = true;  // drawn faded when a filter excludes it
  // Overlays are keyed by their pattern; Tint shows no overall control tinted toward parties.
  enum class Swatch { Fill, Hatch, Outline, Tint } swatch = Swatch::Fill;
  bool showCount = true;
};

// Where the credit for the data on show goes: bottom-right beside the legend, or where there is too
// little room beside it, across the map's foot with the legend above it.
struct CreditPlacement {
  float maxWidth = 0;  // the box's widest; its text wraps inside
  float height = 0;    // from the map's bottom edge to the box's top, the gap below it included
  bool besideLegend = true;
};
CreditPlacement placeCredit(const std::string& text, float mapWidth, float legendRight, float scale);

// The legend as it will be drawn: its box, and the text and place of every row shown. Where the
// rows do not fit the height left between the caption and the bottom, they go into columns, then a
// smaller font, then the last rows are summed up in one line ("+ 3 more").
struct LegendLayout {
  ScreenBox box;
  float fontScale = 1;
  int columns = 1;
  struct Row {
    std::size_t item;   // index into the items
    std::string text;   // shortened with an ellipsis where it could not fit
    float x, y, width;  // from the box's top-left: the swatch's left, the row's top; the text's width
    bool shortened = false;
  };
  std::vector<Row> rows;
  std::string more;  // "+ N more" when rows were left out, drawn after the last row
  float moreX = 0, moreY = 0;
};

struct OverlayContent {
  std::string title, subtitle;  // the caption, top-left; no title, no caption
  std::string legendHeading;
  std::vector<LegendItem> legend;
  bool interactive = false;  // the window's legend, whose rows are buttons under a hint
  std::string credit;
  std::string shortCredit;                      // used instead where the credit would take too much of a small map
  std::vector<std::string> notice;              // the lines of the box at the top centre (the wards' key, a notice); none, no box
  float chipsWidth = 0, chipsHeight = 0;        // the filter chips as last drawn (under the caption), or 0
  std::string warningsLabel;                    // the data warnings button (bottom-left), or empty
  float topRightWidth = 0, topRightHeight = 0;  // kept free in the top-right corner (the folded panel's button)
};

struct OverlayLayout {
  ScreenBox caption, chips, notice, warnings, credit;
  LegendLayout legend;
  CreditPlacement creditPlace;
  std::string creditText;                // the credit or its short form
  std::vector<std::string> noticeLines;  // the notice's lines, cut short with an ellipsis where too wide
  ScreenBox topRight;                    // the corner kept free
  // Every box a framed area should keep clear of.
  std::vector<ScreenBox> boxes() const;
};

// Lays the overlays out on a map `width` x `height` (window points: the part no side panel or
// timeline covers) at UI `scale`. Needs the panels' font (initImGui), not a frame.
OverlayLayout layOutOverlays(const OverlayContent& content, float width, float height, float scale);

// Text as the overlays' font sets it, measurable before a frame has begun (width rounded up as ImGui does).
struct TextSize {
  float x = 0, y = 0;
};
TextSize measureText(const std::string& text, float fontScale = 1.0f, float wrapWidth = 0);
// A button's or a text box's height (ImGui::GetFrameHeight knows it only once a frame has begun).
float frameHeight();

}  // namespace cm
