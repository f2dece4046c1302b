#include "render/camera.h"

#include <algorithm>
#include <cmath>

namespace cm {

namespace {
// From about 2 mm to 20 km a pixel: what any view may show (a person's zoom has its own limits).
constexpr double kMinMetresPerPixel = 0.002, kMaxMetresPerPixel = 20000;
// A margin of half the space or more would leave no room at all.
constexpr double kMostMargin = 0.45;

// The parts of `free` to try: every rectangle whose edges are edges of `free` or of a covered box,
// and which no covered box meets (for the few boxes drawn over a map, a few hundred at most).
std::vector<ScreenRect> clearParts(const ScreenRect& free, const std::vector<ScreenRect>& covered) {
  std::vector<double> lefts{free.left}, rights{free.right}, tops{free.top}, bottoms{free.bottom};
  for (const ScreenRect& c : covered) {
    if (c.empty() || !c.overlaps(free)) continue;
    if (c.right > free.left && c.right < free.right) lefts.push_back(c.right);
    if (c.left > free.left && c.left < free.right) rights.push_back(c.left);
    if (c.bottom > free.top && c.bottom < free.bottom) tops.push_back(c.bottom);
    if (c.top > free.top && c.top < free.bottom) bottoms.push_back(c.top);
  }
  std::vector<ScreenRect> parts;
  for (double l : lefts)
    for (double r : rights)
      for (double t : tops)
        for (double b : bottoms) {
          const ScreenRect part{l, t, r, b};
          if (part.width() < 1 || part.height() < 1) continue;
          if (std::none_of(covered.begin(), covered.end(), [&](const ScreenRect& c) { return !c.empty() && c.overlaps(part); }))
            parts.push_back(part);
        }
  return parts;
}
}  // namespace

void Camera::setViewport(int w, int h) {
  width_ = std::max(1, w);
  height_ = std::max(1, h);
}

void Camera::setMetresPerPixel(double m) { metresPerPixel_ = std::clamp(m, kMinMetresPerPixel, kMaxMetresPerPixel); }

void Camera::setZoomLimits(double closest, double farthest) {
  closest_ = std::clamp(closest, kMinMetresPerPixel, kMaxMetresPerPixel);
  farthest_ = std::clamp(farthest, closest_, kMaxMetresPerPixel);
}

void Camera::fit(const Box& world, double margin, double right, double bottom) {
  fit(world, margin, ScreenRect{0, 0, std::max(1.0, width_ - right), std::max(1.0, height_ - bottom)}, {});
}

void Camera::fit(const Box& world, double margin, const ScreenRect& free, const std::vector<ScreenRect>& covered,
                 const std::vector<Box>* parts) {
  if (world.empty()) return;
  margin = std::clamp(margin, 0.0, kMostMargin);
  const double worldW = std::max(world.width(), 1.0), worldH = std::max(world.height(), 1.0);
  const double cx = (free.left + free.right) / 2, cy = (free.top + free.bottom) / 2;
  // Pixels a metre in a part, and where the box's centre goes in it: as near free's centre as it can.
  auto scaleIn = [&](const ScreenRect& p) {
    return std::min(p.width() * (1 - 2 * margin) / worldW, p.height() * (1 - 2 * margin) / worldH);
  };
  auto placeIn = [&](const ScreenRect& p, double scale) {
    const double halfW = worldW * scale / 2 + p.width() * margin, halfH = worldH * scale / 2 + p.height() * margin;
    const auto clampOrCentre = [](double v, double lo, double hi) { return lo <= hi ? std::clamp(v, lo, hi) : (lo + hi) / 2; };
    return Point2{clampOrCentre(cx, p.left + halfW, p.right - halfW), clampOrCentre(cy, p.top + halfH, p.bottom - halfH)};
  };
  std::vector<ScreenRect> clear = clearParts(free, covered);
  if (clear.empty()) clear.push_back(free);  // everything covered: better under the boxes than nowhere
  const ScreenRect* best = nullptr;
  double bestScale = 0, bestDistance = 0;
  for (const ScreenRect& p : clear) {
    const double s = scaleIn(p);
    const Point2 at = placeIn(p, s);
    const double distance = std::hypot(at.x - cx, at.y - cy);
    // Larger wins; within half a percent, the one nearer the centre (so the view does not jump aside for nothing).
    if (!best || s > bestScale * 1.005 || (s >= bestScale / 1.005 && distance < bestDistance)) {
      best = &p;
      bestScale = s;
      bestDistance = distance;
    }
  }
  const Point2 c = world.centre();
  const auto place = [&](const ScreenRect& in, double scale) {
    setMetresPerPixel(std::max(1 / scale, closest_));
    const Point2 at = placeIn(in, 1 / metresPerPixel_);
    centre_ = {c.x - (at.x - width_ / 2.0) * metresPerPixel_, c.y + (at.y - height_ / 2.0) * metresPerPixel_};
  };
  // With the parts known: the largest of a few sizes, centred in `free`, at which no box covers a part.
  if (parts && !covered.empty()) {
    const double whole = scaleIn(free);
    for (double step = 1; step > 0.5 && whole * step > bestScale; step -= 0.05) {
      place(free, whole * step);
      const bool clearOfParts = std::none_of(parts->begin(), parts->end(), [&](const Box& part) {
        const Point2 tl = worldToScreen({part.minX, part.maxY}), br = worldToScreen({part.maxX, part.minY});
        const ScreenRect onScreen{tl.x, tl.y, br.x, br.y};
        return std::any_of(covered.begin(), covered.end(), [&](const ScreenRect& box) { return box.overlaps(onScreen); });
      });
      if (clearOfParts) return;
    }
  }
  place(*best, bestScale);
}

void Camera::panPixels(double dx, double dy) {
  centre_.x -= dx * metresPerPixel_;
  centre_.y += dy * metresPerPixel_;
}

void Camera::zoomAt(double factor, double px, double py) {
  const Point2 anchor = screenToWorld(px, py);
  // Never past the limits, and never pushed the other way when already past one (after a fit).
  double m = metresPerPixel_ / factor;
  if (factor > 1)
    m = std::max(m, std::min(closest_, metresPerPixel_));
  else
    m = std::min(m, std::max(farthest_, metresPerPixel_));
  setMetresPerPixel(m);
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
