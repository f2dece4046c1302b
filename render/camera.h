#pragma once
#include <vector>

#include "geo/geometry.h"

namespace cm {

// A rectangle on screen in pixels, y down.
struct ScreenRect {
  double left = 0, top = 0, right = 0, bottom = 0;
  double width() const { return right - left; }
  double height() const { return bottom - top; }
  bool empty() const { return !(right > left && bottom > top); }
  // Whether the two share some area (touching edges do not).
  bool overlaps(const ScreenRect& o) const { return left < o.right && o.left < right && top < o.bottom && o.top < bottom; }
};

// A 2D view onto map coordinates (metres). Screen pixels have their origin top-left, y down;
// map y points north. Kept in double: at street zoom a float cannot hold both the offset and the detail.
class Camera {
 public:
  void setViewport(int width, int height);
  int width() const { return width_; }
  int height() const { return height_; }

  // Fits `world` into the viewport less `right` pixels on the right and `bottom` at the bottom, which
  // something drawn over the map covers. `marginFraction` (at most 0.45) is left free on every side.
  void fit(const Box& world, double marginFraction = 0.03, double right = 0, double bottom = 0);
  // Fits `world` into `free` (pixels) clear of every box in `covered` (a legend, a caption): as large
  // as it can be in a part of `free` that none of them meets, and as near the centre of `free` as that
  // part allows. With nothing to avoid, the box is centred in `free`.
  // `parts`, when given, are what really lies inside `world` (each council of a whole map): a box may
  // then cover the world box's empty corners (the sea off a coast), only never a part, so the map can
  // be larger than when its whole box must stay clear.
  void fit(const Box& world, double marginFraction, const ScreenRect& free, const std::vector<ScreenRect>& covered,
           const std::vector<Box>* parts = nullptr);
  void panPixels(double dx, double dy);
  void zoomAt(double factor, double px, double py);  // factor > 1 zooms in, about a screen point
  void setCentre(Point2 c) { centre_ = c; }
  void setMetresPerPixel(double m);
  // How far a person may zoom (zoomAt) and a fit may go in: metres a pixel at the closest and the
  // farthest. A zoom never goes past them, though a fit may leave the view farther out than `farthest`.
  void setZoomLimits(double closest, double farthest);
  double closest() const { return closest_; }
  double farthest() const { return farthest_; }

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
  double closest_ = 0.002, farthest_ = 20000;  // no limits but the camera's own until set
};

}  // namespace cm
