#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "politics/palette.h"

namespace cm {

// The parties councilmap tells apart. OTH covers independents and local parties. NOC (no overall
// control) and "unknown" (no data) are control states, not parties, but are coloured alongside them.
struct Party {
  std::string_view code;  // CON, LAB, LD, GRN, UKIP, REF, PC, SNP, Northern Ireland's SF, DUP, APNI, SDLP, UUP, TUV, PBP, PUP; OTH
  std::string_view name;
  Rgba colour;           // the conventional colour
  Rgba colourBlindSafe;  // from the Okabe-Ito palette, distinguishable under common colour blindness
};

std::span<const Party> parties();
const Party* findParty(std::string_view code);

inline constexpr std::string_view kNoOverallControl = "NOC";

struct ControlColours {
  Rgba noc, unknown;
};
ControlColours controlColours(bool colourBlindSafe);
// The colour for a control value: a party code, NOC, or empty for unknown.
Rgba colourForControl(std::string_view control, bool colourBlindSafe = false);

// Maps a free-text party name or abbreviation to its code: "Labour & Co-operative" and "Lab Co-op"
// are LAB, "Liberal Democrats" is LD, "Plaid" is PC, "Independent" and local parties are OTH.
// Returns nullopt for an empty string.
std::optional<std::string> partyCodeFor(std::string_view name);

}  // namespace cm
