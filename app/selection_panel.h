#pragma once
#include <cstdint>
#include <optional>

#include "app/map_session.h"

namespace cm {

enum class SelectionAction { None, Clear, ZoomTo };

// A small panel with the selected council's name, code and type.
SelectionAction drawSelectionPanel(const MapSession& session, std::optional<std::uint32_t> selected, float scale);

}  // namespace cm
