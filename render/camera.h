#pragma once
#include "data/geometry.h"

namespace cm {

// A 2D view onto map coordinates (metres). Screen pixels have their origin top-left, y down;
// map y points north. Kept in double: at street zoom a float cannot hold both the offset and the detail.
class Camera {
 public:
  void setViewport(int width, int height);
  int width() const { return width_; }
  int height() const { return height_; }

  // Fits `world` into the viewport less `right` pixels on the right and `bottom` at the bottom, which
  // something drawn over the map covers.
  void fit(const Box& world, double marginFraction = 0.03, double right = 0, double bottom = 0);
  void panPixels(double dx, double dy);
  void zoomAt(double factor, double px, double py);  // factor > 1 zooms in, about a screen point
  void setCentre(Point2 c) { centre_ = c; }
  void setMetresPerPixel(double m);

  Point2 centre() const { return centre_; }
  double metresPerPixel() const { return metresPerPixel_; }
  Point2 screenToWorld(double px, double py) const;
  Point2 worldToScreen(Point2 w) const;
  Box visibleWorld() const;

  // Clip = (vertex + offset) * scale, with vertex relative to `origin`. The offset is formed in
  // double before narrowing, so the GPU never subtracts two large floats.
  void clipTransform(Point2 origin, float scale[2], float offset[2]) const;

 private:
  int width_ = 1, height_ = 1;
  Point2 centre_{};
  double metresPerPixel_ = 1000;
};

}  // namespace cm
