#pragma once
#include "data/diagnostics.h"

namespace cm {

// A button bottom-left counting data warnings; opens a list naming file, record and problem.
void drawWarningsPanel(const Diagnostics& diagnostics, bool& open, float bottom, float scale);

}  // namespace cm
