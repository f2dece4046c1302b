#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "base/dates.h"
#include "politics/council_filter.h"

namespace cm {

// What the user is looking at: the date, the tier of councils, the filter and the selection. Plain
// data: the window's panels and keys change it (app/viewer), export and query set it once.
struct MapView {
  Date date;
  std::string tier = "lower";  // "lower" or "upper": the councils on the map
  CouncilFilter filter;        // councils that do not match are dimmed and left out of the statistics
  int disputeWindowDays = 180;
  std::optional<std::uint32_t> selected;  // a council of the tier shown, by index
  std::string dateNote;                   // said in the caption: why the date is not today, or that it is outside the data
};

}  // namespace cm
