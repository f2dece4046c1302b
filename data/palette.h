#pragma once
#include <cstdint>
#include <string_view>

namespace cm {

struct Rgba {
  std::uint8_t r = 0, g = 0, b = 0, a = 255;
  auto operator<=>(const Rgba&) const = default;
};

// A muted categorical colour for an area, stable for a given code so the same council keeps its
// colour across dates and runs. Stands in until areas are coloured by control.
Rgba neutralColourFor(std::string_view code);

Rgba parseHexColour(std::string_view hex, Rgba fallback = {});

}  // namespace cm
