#pragma once
#include "politics/palette.h"

namespace cm {

// What one area looks like on the map: the style's output (view/map_style.h), the renderer's input.
// The whole table is uploaded in one call: recolouring or switching the date is a table update,
// never a geometry rebuild.
struct FeatureStyle {
  Rgba fill{200, 200, 200, 255};
  bool visible = true;
  bool hatch = false;        // diagonal stripes over the fill, in screen space so they stay crisp at any zoom
  Rgba outline{0, 0, 0, 0};  // a coloured outline inside the border; alpha 0 for none
};

}  // namespace cm
