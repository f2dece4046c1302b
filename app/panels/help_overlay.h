#pragma once

namespace cm {

// Every keyboard and mouse shortcut, toggled with H.
void drawHelpOverlay(bool& open, float scale);

}  // namespace cm
