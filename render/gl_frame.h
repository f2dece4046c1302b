#pragma once
// The few things the window and export ask of GL directly, so that app/ makes no GL call of its own.
#include <cstdint>
#include <string>
#include <vector>

namespace cm {

class Framebuffer;

// Draws from here on go to the window (the default framebuffer), over all of its `width` x `height` pixels.
void drawToWindow(int width, int height);
// Hands what was asked of GL to the driver without waiting: a software rasteriser starts on it at once.
void submitGl();
// Waits until GL has drawn everything asked of it (for timings, and before a frame is shown or read).
void finishGl();
// The window's back buffer, as drawn, in top-down RGBA rows.
std::vector<std::uint8_t> readWindowPixels(int width, int height);
// A framebuffer's pixels in GL's order, bottom row first, into `pixels` (width x height x 4 bytes).
void readPixelsBottomUp(const Framebuffer& from, int width, int height, std::vector<std::uint8_t>& pixels);
// "RENDERER, OpenGL VERSION" of the current context.
std::string glDescription();

}  // namespace cm
