#pragma once
#include <optional>
#include <string>

#include "base/search_index.h"

namespace cm {

struct SearchState {
  bool open = false;
  bool focusInput = false;  // give the text box the keyboard on the frame it opens
  char query[128] = "";
  int highlighted = 0;
};

// A search box at the top centre with type-ahead results; Up/Down choose, Enter or a click picks,
// Esc closes. Returns the code of the chosen entry.
std::optional<std::string> drawSearchPanel(SearchState& state, const SearchIndex& index, float scale);

}  // namespace cm
