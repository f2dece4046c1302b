#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace cm {

struct Rgba {
  std::uint8_t r = 0, g = 0, b = 0, a = 255;
  auto operator<=>(const Rgba&) const = default;
};

// A muted categorical colour for an area, stable for a given code so the same council keeps its
// colour across dates and runs. Stands in until areas are coloured by control.
Rgba neutralColourFor(std::string_view code);

// Dispute intensity: none, then a warm ramp for 1, 2, and 3 or more open dispute events.
Rgba disputeColour(std::size_t openEvents);
// The factions the map colours, most specific first; "unknown" when the facts give none.
inline constexpr std::string_view kFactionCodes[] = {"labour_left",  "labour_moderate",  "labour_left_1980s",
                                                     "conservative", "liberal_democrat", "unknown"};
// Leading-faction colours; unknown is a neutral grey, never a party-like colour.
Rgba factionColour(std::string_view faction);
std::string factionLabel(std::string_view faction);

// Mixes `a` toward `b` by `t` (0 = a, 1 = b).
Rgba blend(Rgba a, Rgba b, float t);

}  // namespace cm
