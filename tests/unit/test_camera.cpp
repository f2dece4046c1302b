// The camera's fitting: a box fills the viewport, or the part of it nothing is drawn over.
#include <gtest/gtest.h>

#include "render/camera.h"

using namespace cm;

TEST(Camera, FitsABoxIntoTheViewportWithItsMargin) {
  Camera cam;
  cam.setViewport(1000, 500);
  cam.fit(Box{0, 0, 800, 800}, 0.1);  // height-limited: 800 m into 400 px
  EXPECT_DOUBLE_EQ(cam.metresPerPixel(), 2.0);
  EXPECT_NEAR(cam.worldToScreen({400, 400}).x, 500, 1e-9);
  EXPECT_NEAR(cam.worldToScreen({400, 400}).y, 250, 1e-9);
}

TEST(Camera, FitsAboveAndLeftOfWhatCoversTheMap) {
  Camera cam;
  cam.setViewport(1000, 500);
  cam.fit(Box{0, 0, 800, 800}, 0.0, 300, 100);  // into the 700x400 pixels left free, top-left
  EXPECT_EQ(cam.width(), 1000);
  EXPECT_EQ(cam.height(), 500);
  EXPECT_DOUBLE_EQ(cam.metresPerPixel(), 2.0);
  const Point2 topLeft = cam.worldToScreen({0, 800}), bottomRight = cam.worldToScreen({800, 0});
  EXPECT_NEAR(topLeft.y, 0, 1e-9);
  EXPECT_NEAR(bottomRight.y, 400, 1e-9);
  EXPECT_NEAR((topLeft.x + bottomRight.x) / 2, 350, 1e-9);  // centred in the free width
}
