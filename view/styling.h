#pragma once
#include "view/colour_by.h"

namespace cm {

// How the fill is drawn beyond its colour mode: the one list of these choices, shared by the
// command line (StyleOptions), the settings file (Settings) and the map (Styling).
struct StyleFlags {
  bool colourBlindSafe = false;
  bool tintNoc = false;         // NOC councils tinted toward their largest party's colour
  bool hatchDisputes = false;   // stripes over councils in dispute, whatever the fill
  bool factionOutline = false;  // councils outlined in their leading faction's colour
  // Turns on every flag `other` has on (the command line's choices and the saved ones combine).
  void addFrom(const StyleFlags& other) {
    colourBlindSafe |= other.colourBlindSafe;
    tintNoc |= other.tintNoc;
    hatchDisputes |= other.hatchDisputes;
    factionOutline |= other.factionOutline;
  }
};

// Everything the style needs to know about what the user chose to see.
struct Styling : StyleFlags {
  ColourBy colourBy = ColourBy::Neutral;
  // Whether the map needs each council's political state (any fill or overlay but the plain map).
  bool needsPolitics() const { return colourBy != ColourBy::Neutral || hatchDisputes || factionOutline; }
};

}  // namespace cm
