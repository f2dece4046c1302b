#include "render/camera.h"

#include <algorithm>

namespace cm {

namespace {
// From about 2 mm to 20 km a pixel: street level to the whole of Europe.
constexpr double kMinMetresPerPixel = 0.002, kMaxMetresPerPixel = 20000;
}  // namespace

void Camera::setViewport(int w, int h) {
  width_ = std::max(1, w);
  height_ = std::max(1, h);
}

void Camera::setMetresPerPixel(double m) { metresPerPixel_ = std::clamp(m, kMinMetresPerPixel, kMaxMetresPerPixel); }

void Camera::fit(const Box& world, double margin, double right, double bottom) {
  if (world.empty()) return;
  const double usableW = std::max(1.0, width_ - right) * (1 - 2 * margin), usableH = std::max(1.0, height_ - bottom) * (1 - 2 * margin);
  setMetresPerPixel(std::max(std::max(world.width(), 1.0) / usableW, std::max(world.height(), 1.0) / usableH));
  centre_ = world.centre();
  panPixels(-right / 2, -bottom / 2);  // the box's centre to the centre of the part left uncovered
}

void Camera::panPixels(double dx, double dy) {
  centre_.x -= dx * metresPerPixel_;
  centre_.y += dy * metresPerPixel_;
}

void Camera::zoomAt(double factor, double px, double py) {
  const Point2 anchor = screenToWorld(px, py);
  setMetresPerPixel(metresPerPixel_ / factor);
  // Keep the world point under the cursor fixed on screen.
  const Point2 after = screenToWorld(px, py);
  centre_.x += anchor.x - after.x;
  centre_.y += anchor.y - after.y;
}

Point2 Camera::screenToWorld(double px, double py) const {
  return {centre_.x + (px - width_ / 2.0) * metresPerPixel_, centre_.y - (py - height_ / 2.0) * metresPerPixel_};
}

Point2 Camera::worldToScreen(Point2 w) const {
  return {width_ / 2.0 + (w.x - centre_.x) / metresPerPixel_, height_ / 2.0 - (w.y - centre_.y) / metresPerPixel_};
}

Box Camera::visibleWorld() const {
  Box b;
  b.add(screenToWorld(0, 0));
  b.add(screenToWorld(width_, height_));
  return b;
}

void Camera::clipTransform(Point2 origin, float scale[2], float offset[2]) const {
  scale[0] = float(2.0 / (width_ * metresPerPixel_));
  scale[1] = float(2.0 / (height_ * metresPerPixel_));
  offset[0] = float(origin.x - centre_.x);
  offset[1] = float(origin.y - centre_.y);
}

}  // namespace cm
