#include "politics/palette.h"

#include <array>

namespace cm {

Rgba neutralColourFor(std::string_view code) {
  // Soft, light tones so borders and later overlays stay legible on top.
  static constexpr std::array<Rgba, 10> kMuted{{
      {0xc9, 0xd6, 0xdf, 255},
      {0xe3, 0xd5, 0xc3, 255},
      {0xd2, 0xe0, 0xc8, 255},
      {0xe6, 0xcf, 0xd5, 255},
      {0xd6, 0xd0, 0xe6, 255},
      {0xf0, 0xe3, 0xb8, 255},
      {0xc4, 0xdd, 0xd8, 255},
      {0xdd, 0xc9, 0xb9, 255},
      {0xcf, 0xd8, 0xb6, 255},
      {0xd9, 0xdb, 0xe8, 255},
  }};
  std::uint32_t h = 2166136261u;  // FNV-1a: stable across platforms, unlike std::hash
  for (unsigned char c : code) h = (h ^ c) * 16777619u;
  return kMuted[h % kMuted.size()];
}

Rgba disputeColour(std::size_t n) {
  static constexpr Rgba kRamp[] = {{0xe8, 0xe6, 0xe1, 255}, {0xfd, 0xae, 0x61, 255}, {0xf4, 0x6d, 0x43, 255}, {0xa5, 0x00, 0x26, 255}};
  return kRamp[n < 3 ? n : 3];
}

Rgba factionColour(std::string_view f) {
  if (f == "labour_left") return {0xb5, 0x17, 0x5d, 255};
  if (f == "labour_moderate") return {0xf4, 0x9a, 0xb8, 255};
  if (f == "labour_left_1980s") return {0x6a, 0x0d, 0x3a, 255};
  if (f == "conservative") return {0x00, 0x87, 0xdc, 255};
  if (f == "liberal_democrat") return {0xfa, 0xa6, 0x1a, 255};
  return {0xe0, 0xe0, 0xe0, 255};
}

std::string factionLabel(std::string_view f) {
  if (f == "labour_left") return "Labour left (Corbyn-supporting, Momentum)";
  if (f == "labour_moderate") return "Labour moderate (Progress, Labour First)";
  if (f == "labour_left_1980s") return "1980s Labour municipal left";
  if (f == "conservative") return "Conservative";
  if (f == "liberal_democrat") return "Liberal Democrat";
  if (f == "unknown") return "Unknown";
  return std::string(f);
}

Rgba blend(Rgba a, Rgba b, float t) {
  auto mix = [t](std::uint8_t x, std::uint8_t y) { return std::uint8_t(x + (float(y) - float(x)) * t + 0.5f); };
  return {mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b), mix(a.a, b.a)};
}

}  // namespace cm
