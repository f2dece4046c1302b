#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace cm {

// Writes top-down RGBA pixels as a PNG (with libpng; RGB when every pixel is opaque, as maps are).
// The file appears whole or not at all: it is written beside the target and renamed into place
// (see base/atomic_file.h for links and special files); "-" writes to standard output.
// Returns an error message, empty on success.
// With `bottomUp`, the rows are in OpenGL's order (as glReadPixels gives them), which saves flipping.
std::string writePng(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgba, bool bottomUp = false);

}  // namespace cm
