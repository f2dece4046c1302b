#include "app/panels/overlay_layout.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <limits>

#include <imgui.h>

namespace cm {
namespace {

// Lengths in points at UI scale 1.
constexpr float kInset = 10, kGap = 6;  // from the map's edges; between boxes
using namespace overlay;
constexpr float kLegendColumnGap = 14;
constexpr float kLegendFontScales[] = {1.0f, 0.85f, 0.72f};
constexpr int kMostLegendColumns = 4;
// The credit: at most this share of the map's width (less where the legend needs the room), its text
// this much smaller than the panels'. Below kBesideShare of the map's width it gives up the room
// beside the legend, which then goes above it.
constexpr float kCreditWidth = 0.62f, kBesideShare = 0.3f;
constexpr float kWardInfoTop = 12;
constexpr float kMostCreditShare = 0.15f;  // of the map's height, before the short credit is used

std::string rowText(const LegendItem& item) { return item.showCount ? item.label + "  " + std::to_string(item.count) : item.label; }

// `text` cut short with an ellipsis (never inside a UTF-8 sequence) to fit `width`.
std::string fitText(const std::string& text, float width, float fontScale) {
  if (measureText(text, fontScale).x <= width) return text;
  std::string cut = text;
  while (!cut.empty()) {
    do cut.pop_back();
    while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80);
    if (!cut.empty()) cut.pop_back();  // the lead byte (or a plain character) of what was cut into
    const std::string shown = cut + "\xE2\x80\xA6";
    if (measureText(shown, fontScale).x <= width) return shown;
  }
  return "\xE2\x80\xA6";
}

ScreenBox captionBox(const OverlayContent& c, float width, float scale) {
  if (c.title.empty()) return {};
  const ImGuiStyle& style = ImGui::GetStyle();
  const TextSize title = measureText(c.title, kTitleFontScale), sub = measureText(c.subtitle);
  const float w = std::max(title.x, sub.x) + 2 * kCaptionPadX * scale;
  const float h = title.y + (c.subtitle.empty() ? 0 : style.ItemSpacing.y + sub.y) + 2 * kCaptionPadY * scale;
  const float left = kInset * scale;
  return {left, kInset * scale, std::min(left + w, width - kInset * scale), kInset * scale + h};
}

// The legend's rows in `columns` at `fontScale`, its box's bottom-left at (left, bottom); rows past
// `rowLimit` are summed up in one line.
LegendLayout legendIn(const OverlayContent& c, int columns, float fontScale, float maxWidth, std::size_t rowLimit, float left, float bottom,
                      float scale) {
  const ImGuiStyle& style = ImGui::GetStyle();
  LegendLayout l;
  l.fontScale = fontScale;
  l.columns = columns;
  const float lh = measureText("X", fontScale).y, swatch = lh * kSwatchWidth, pitch = lh + style.ItemSpacing.y;
  const float padX = kLegendPadX * scale, padY = kLegendPadY * scale, colGap = kLegendColumnGap * scale;
  const std::size_t n = c.legend.size(), shown = std::min(n, rowLimit);
  const std::size_t slots = shown + (shown < n ? 1 : 0);  // the "+ N more" line takes a slot
  const std::size_t perColumn = (slots + std::size_t(columns) - 1) / std::size_t(columns);
  const float header = (c.interactive ? 2 : 1) * pitch;
  // Each column as wide as its widest row. Only where the columns together are wider than `maxWidth`
  // is every row's text cut to an equal share.
  float natural = 2 * padX + (columns - 1) * colGap;
  for (int col = 0; col < columns; ++col) {
    float widest = 0;
    for (std::size_t r = 0; r < perColumn; ++r) {
      const std::size_t slot = std::size_t(col) * perColumn + r;
      if (slot >= shown) break;
      widest = std::max(widest, swatch + style.ItemSpacing.x + measureText(rowText(c.legend[slot]), fontScale).x);
    }
    natural += widest;
  }
  const float textRoom = natural <= maxWidth
                             ? std::numeric_limits<float>::max()
                             : std::max(lh, (maxWidth - 2 * padX - (columns - 1) * colGap) / columns - swatch - style.ItemSpacing.x);
  float x = padX, contentRight =
                      padX + std::max(measureText(c.legendHeading, fontScale).x, c.interactive ? measureText(kLegendHint, fontScale).x : 0);
  for (int col = 0; col < columns; ++col) {
    float widest = 0;
    for (std::size_t r = 0; r < perColumn; ++r) {
      const std::size_t slot = std::size_t(col) * perColumn + r;
      if (slot >= slots) break;
      const float y = padY + header + float(r) * pitch;
      if (slot < shown) {
        const std::string full = rowText(c.legend[slot]);
        std::string text = fitText(full, textRoom, fontScale);
        const float w = measureText(text, fontScale).x;
        const bool shortened = text != full;
        l.rows.push_back({slot, std::move(text), x, y, w, shortened});
        widest = std::max(widest, swatch + style.ItemSpacing.x + w);
      } else {
        l.more = "+ " + std::to_string(n - shown) + " more";
        l.moreX = x;
        l.moreY = y;
        widest = std::max(widest, measureText(l.more, fontScale).x);
      }
    }
    contentRight = std::max(contentRight, x + widest);
    x += widest + colGap;
  }
  const float h = 2 * padY + header + float(perColumn) * lh + float(perColumn > 0 ? perColumn - 1 : 0) * style.ItemSpacing.y;
  l.box = {left, bottom - h, left + contentRight + padX, bottom};
  return l;
}

// The first layout, from the largest font and fewest columns, that fits `maxWidth` and the height
// between `top` and `bottom`; else the smallest font, as many columns as fit, and as many rows.
LegendLayout layOutLegend(const OverlayContent& c, float maxWidth, float top, float bottom, float scale) {
  if (c.legend.empty()) return {};
  const float left = kInset * scale;
  const int mostColumns = int(std::min<std::size_t>(kMostLegendColumns, c.legend.size()));
  for (float fontScale : kLegendFontScales)
    for (int columns = 1; columns <= mostColumns; ++columns) {
      LegendLayout l = legendIn(c, columns, fontScale, maxWidth, c.legend.size(), left, bottom, scale);
      const bool whole = std::none_of(l.rows.begin(), l.rows.end(), [](const LegendLayout::Row& r) { return r.shortened; });
      if (whole && l.box.right - left <= maxWidth && l.box.top >= top) return l;
    }
  const float smallest = kLegendFontScales[std::size(kLegendFontScales) - 1];
  int columns = mostColumns;
  while (columns > 1 && legendIn(c, columns, smallest, maxWidth, c.legend.size(), left, bottom, scale).box.right - left > maxWidth)
    --columns;
  std::size_t rows = c.legend.size();
  LegendLayout l = legendIn(c, columns, smallest, maxWidth, rows, left, bottom, scale);
  while (rows > 1 && l.box.top < top) l = legendIn(c, columns, smallest, maxWidth, --rows, left, bottom, scale);
  return l;
}

ScreenBox noticeBox(const OverlayContent& c, const ScreenBox& caption, const ScreenBox& chips, const ScreenBox& topRight, float width,
                    float scale) {
  if (c.notice.empty()) return {};
  const ImGuiStyle& style = ImGui::GetStyle();
  float w = 0;
  for (const auto& line : c.notice) w = std::max(w, measureText(line).x);
  w = std::min(w + 2 * style.WindowPadding.x, width - 2 * kInset * scale);
  const float lh = measureText("X").y;
  const float h = float(c.notice.size()) * lh + float(c.notice.size() - 1) * style.ItemSpacing.y + 2 * style.WindowPadding.y;
  const float top = kWardInfoTop * scale, gap = kGap * scale;
  const float rightmost = (topRight.empty() ? width - kInset * scale : topRight.left - gap);
  // Centred on the map; else just right of the caption; else under the caption and the chips.
  ScreenBox box{(width - w) / 2, top, (width + w) / 2, top + h};
  const ScreenBox aboveLeft =
      chips.empty() ? caption
                    : ScreenBox{caption.left, caption.top, std::max(caption.right, chips.right), std::max(caption.bottom, chips.bottom)};
  if (!box.overlaps(aboveLeft) && box.right <= rightmost) return box;
  box = {aboveLeft.right + gap, top, aboveLeft.right + gap + w, top + h};
  if (aboveLeft.empty()) box = {kInset * scale, top, kInset * scale + w, top + h};
  if (box.right <= rightmost) return box;
  const float below = (aboveLeft.empty() ? top : aboveLeft.bottom + gap);
  return {kInset * scale, below, kInset * scale + w, below + h};
}

ScreenBox warningsBox(const std::string& label, float bottom, float scale) {
  if (label.empty()) return {};
  const ImGuiStyle& style = ImGui::GetStyle();
  const TextSize t = measureText(label);
  const float w = t.x + 2 * style.FramePadding.x + 2 * style.WindowPadding.x,
              h = t.y + 2 * style.FramePadding.y + 2 * style.WindowPadding.y;
  return {kInset * scale, bottom - h, kInset * scale + w, bottom};
}

}  // namespace

TextSize measureText(const std::string& text, float fontScale, float wrapWidth) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.Fonts->Fonts.empty()) return {};
  const ImFont* font = io.Fonts->Fonts[0];
  const ImVec2 s = font->CalcTextSizeA(font->FontSize * io.FontGlobalScale * fontScale, FLT_MAX, wrapWidth, text.c_str());
  return {std::floor(s.x + 0.99999f), s.y};
}

float frameHeight() { return measureText("X").y + 2 * ImGui::GetStyle().FramePadding.y; }

CreditPlacement placeCredit(const std::string& text, float mapWidth, float legendRight, float scale) {
  CreditPlacement place;
  place.maxWidth = std::min(mapWidth * kCreditWidth, mapWidth - legendRight - 2 * kGap * scale);
  // Too narrow beside the legend: as wide as the map allows, so as few lines as can be go above it.
  if (place.maxWidth < mapWidth * kBesideShare) place = {mapWidth - 2 * kGap * scale, 0, false};
  place.height = measureText(text, kCreditFontScale, place.maxWidth - 2 * kCreditPadX * scale).y + (2 * kCreditPadY + kGap) * scale;
  return place;
}

std::vector<ScreenBox> OverlayLayout::boxes() const {
  std::vector<ScreenBox> out;
  for (const ScreenBox& b : {caption, chips, notice, warnings, credit, legend.box, topRight})
    if (!b.empty()) out.push_back(b);
  return out;
}

OverlayLayout layOutOverlays(const OverlayContent& c, float width, float height, float scale) {
  OverlayLayout o;
  const float gap = kGap * scale, inset = kInset * scale;
  if (c.topRightWidth > 0) o.topRight = {width - c.topRightWidth, 0, width, c.topRightHeight};
  o.caption = captionBox(c, width, scale);
  // Where the chips go even before they were first drawn (then an empty box, which covers nothing).
  const float chipsTop = o.caption.empty() ? inset : o.caption.bottom + gap;
  o.chips = {inset, chipsTop, inset + c.chipsWidth, chipsTop + c.chipsHeight};
  o.notice = noticeBox(c, o.caption, o.chips, o.topRight, width, scale);
  for (const auto& line : c.notice) o.noticeLines.push_back(fitText(line, o.notice.width() - 2 * ImGui::GetStyle().WindowPadding.x, 1.0f));
  // The legend may reach up to whatever sits at the top on the left.
  float top = inset;
  for (const ScreenBox& b : {o.caption, o.chips, o.notice})
    if (!b.empty() && b.left < width / 2) top = std::max(top, b.bottom + gap);
  const float maxLegendWidth = width - 2 * inset;
  // The credit beside the legend first; where it must span the foot, the left column stands on it.
  // Where the whole credit would take too much of a small map, its short form.
  o.creditText = c.credit;
  if (!c.shortCredit.empty() && placeCredit(c.credit, width, width, scale).height > kMostCreditShare * height) o.creditText = c.shortCredit;
  // First the legend in the width the credit leaves beside it, if it is whole there; else the legend
  // as wide as the map and the credit across the foot, the legend standing on it.
  const float besideWidth = width * (1 - kBesideShare) - inset - 2 * gap - 1;  // a pixel short, against rounding
  float bottom = height - inset;
  for (int pass = 0; pass < 2; ++pass) {
    o.warnings = warningsBox(c.warningsLabel, bottom, scale);
    o.legend = layOutLegend(c, pass == 0 ? besideWidth : maxLegendWidth, top, o.warnings.empty() ? bottom : o.warnings.top - gap, scale);
    const float leftColumnRight = std::max({o.legend.box.right, o.warnings.right, 0.0f});
    o.creditPlace = placeCredit(o.creditText, width, leftColumnRight, scale);
    const bool legendWhole = o.legend.more.empty() && std::none_of(o.legend.rows.begin(), o.legend.rows.end(),
                                                                   [](const LegendLayout::Row& r) { return r.shortened; });
    if ((o.creditPlace.besideLegend && legendWhole) || pass == 1) break;
    bottom = height - placeCredit(o.creditText, width, width, scale).height - gap;
  }
  if (!o.creditText.empty()) {
    const float padX = kCreditPadX * scale, padY = kCreditPadY * scale;
    const TextSize t = measureText(o.creditText, kCreditFontScale, o.creditPlace.maxWidth - 2 * padX);
    const float right = width - gap, creditBottom = height - gap;
    o.credit = {right - std::min(o.creditPlace.maxWidth, t.x + 2 * padX), creditBottom - t.y - 2 * padY, right, creditBottom};
  }
  return o;
}

}  // namespace cm
