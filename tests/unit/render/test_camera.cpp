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

TEST(Camera, ATooLargeMarginStillLeavesTheBoxOnScreen) {
  // A margin of 0.6 once gave a negative size, and the view went to millimetres a pixel.
  Camera cam;
  cam.setViewport(1000, 500);
  cam.fit(Box{0, 0, 800, 800}, 0.6);
  EXPECT_GT(cam.metresPerPixel(), 1.6);
  EXPECT_LT(cam.metresPerPixel(), 20.0);
  const Point2 topLeft = cam.worldToScreen({0, 800}), bottomRight = cam.worldToScreen({800, 0});
  EXPECT_GE(topLeft.y, 0);
  EXPECT_LE(bottomRight.y, 500);
}

TEST(Camera, FitsClearOfTheBoxesDrawnOverTheMap) {
  Camera cam;
  cam.setViewport(1000, 500);
  const ScreenRect legend{0, 300, 300, 500}, caption{0, 0, 200, 60};
  cam.fit(Box{0, 0, 800, 800}, 0.0, ScreenRect{0, 0, 1000, 500}, {legend, caption});
  EXPECT_DOUBLE_EQ(cam.metresPerPixel(), 1.6);  // the full height right of the legend: 800 m into 500 px
  const Point2 tl = cam.worldToScreen({0, 800}), br = cam.worldToScreen({800, 0});
  const ScreenRect drawn{tl.x, tl.y, br.x, br.y};
  EXPECT_FALSE(drawn.overlaps(legend));
  EXPECT_FALSE(drawn.overlaps(caption));
  EXPECT_NEAR(drawn.left, 300, 1e-9) << "as near the centre as the legend lets it be";
  // With nothing drawn over it, the same box is centred.
  cam.fit(Box{0, 0, 800, 800}, 0.0, ScreenRect{0, 0, 1000, 500}, {});
  EXPECT_NEAR(cam.worldToScreen({400, 400}).x, 500, 1e-9);
}

TEST(Camera, EverythingCoveredFallsBackToTheWholeSpace) {
  Camera cam;
  cam.setViewport(400, 300);
  cam.fit(Box{0, 0, 100, 100}, 0.0, ScreenRect{0, 0, 400, 300}, {ScreenRect{-10, -10, 410, 310}});
  EXPECT_NEAR(cam.metresPerPixel(), 100.0 / 300, 1e-12);
}

TEST(Camera, ZoomStopsAtItsLimitsButNeverPushesBack) {
  Camera cam;
  cam.setViewport(1000, 800);
  cam.setZoomLimits(0.5, 4000);
  cam.setMetresPerPixel(1);
  for (int i = 0; i < 20; ++i) cam.zoomAt(1.5, 500, 400);
  EXPECT_DOUBLE_EQ(cam.metresPerPixel(), 0.5);
  for (int i = 0; i < 40; ++i) cam.zoomAt(1 / 1.5, 500, 400);
  EXPECT_DOUBLE_EQ(cam.metresPerPixel(), 4000);
  // A fit may leave the view farther out than a person may zoom; zooming in from there works.
  cam.fit(Box{0, 0, 1e7, 1e7}, 0.0);
  EXPECT_GT(cam.metresPerPixel(), 4000);
  const double fitted = cam.metresPerPixel();
  cam.zoomAt(1 / 1.5, 500, 400);
  EXPECT_DOUBLE_EQ(cam.metresPerPixel(), fitted) << "no farther out";
  cam.zoomAt(1.5, 500, 400);
  EXPECT_LT(cam.metresPerPixel(), fitted);
  // A fit never goes closer than the limit either: a ten-metre box is shown at half a metre a pixel.
  cam.fit(Box{0, 0, 10, 10}, 0.1);
  EXPECT_DOUBLE_EQ(cam.metresPerPixel(), 0.5);
}
