#pragma once
#include <string>

#include "app/panels/overlay_layout.h"
#include "base/diagnostics.h"

namespace cm {

// "3 data warnings": the label of the button that lists them.
std::string warningsButtonLabel(std::size_t problems);
// The button counting data warnings, in `box` (laid out by layOutOverlays), opens a list naming file,
// record and problem above it; `mapBottom` is where the map ends (window points).
void drawWarningsPanel(const Diagnostics& diagnostics, bool& open, const ScreenBox& box, float mapBottom, float scale);

}  // namespace cm
