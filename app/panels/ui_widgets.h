#pragma once
#include <algorithm>
#include <string>

#include <imgui.h>

#include "politics/palette.h"

namespace cm {

inline ImU32 toImU32(Rgba c) { return IM_COL32(c.r, c.g, c.b, c.a); }

// A filled square of the given colour, inline with the text that follows.
void colourSwatch(Rgba colour, float size);
// A horizontal bar `fraction` of the available width, with a label drawn after it.
void labelledBar(Rgba colour, float fraction, const std::string& label, float height);
// A checkbox with a swatch; true if it was clicked.
bool swatchCheckbox(const std::string& label, bool checked, Rgba colour, float scale);
// A heading over a rule, between sections of a panel.
void sectionHeading(const char* text);
// "12 Mar 2018" style for a date at its precision (year, month, day).
std::string shortDate(const std::string& iso, const std::string& precision);

}  // namespace cm
