// The map image's copy to the window, and the programs renderers share, on a real GL context
// (Mesa's llvmpipe in CI, with no display: SDL's offscreen driver).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "app/gl_context.h"
#include "geo/boundary_set.h"
#include "geo/map_mesh.h"
#include "render/framebuffer.h"
#include "render/map_renderer.h"

namespace cm {
namespace {

void fill(int x, int y, int w, int h, float r, float g, float b) {
  glScissor(x, y, w, h);
  glClearColor(r, g, b, 1);
  glClear(GL_COLOR_BUFFER_BIT);
}

TEST(MapPrograms, CopyToWindowIsPixelForPixel) {
  GlWindow::preferHeadless();
  GlWindow window("copy test", 40, 30, /*visible=*/false);
  int w = 0, h = 0;
  window.drawableSize(w, h);
  ASSERT_EQ(w, 40);
  ASSERT_EQ(h, 30);
  const auto programs = std::make_shared<MapPrograms>();
  Framebuffer image;
  ASSERT_TRUE(image.resize(w, h, 1));
  image.bind();
  glEnable(GL_SCISSOR_TEST);
  fill(0, 0, 40, 30, 0.2f, 0.4f, 0.8f);
  fill(0, 0, 7, 3, 1, 0, 0);  // a corner of each colour, so a flip or a shift shows
  fill(33, 25, 7, 5, 0, 1, 0);
  fill(20, 11, 1, 1, 1, 1, 1);  // and a single pixel
  glDisable(GL_SCISSOR_TEST);
  const auto drawn = readPixelsTopDown(w, h);
  // The window first holds something else, which the copy must replace entirely.
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glClearColor(0, 0, 0, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  programs->copyToWindow(image);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  glReadBuffer(GL_BACK);
  const auto shown = readPixelsTopDown(w, h);
  ASSERT_EQ(shown.size(), drawn.size());
  std::size_t different = 0;
  for (std::size_t i = 0; i < shown.size(); ++i) different += shown[i] != drawn[i];
  EXPECT_EQ(different, 0u);
  EXPECT_EQ(glGetError(), GLenum(GL_NO_ERROR));
}

// Each GL context has programs of its own: a canvas made while another context is current (the
// benchmarks keep one scene per context) must not draw with the other's programs.
TEST(MapPrograms, EachCanvasContextDrawsWithItsOwn) {
  GlWindow::preferHeadless();
  GlWindow first("first", 16, 16, /*visible=*/false);
  const auto programsOfFirst = std::make_shared<MapPrograms>();
  GlWindow second("second", 16, 16, /*visible=*/false);       // now current
  MapRenderer renderer(buildMapMesh(squareBoundarySet(10)));  // programs of its own, in the current context
  Framebuffer target;
  ASSERT_TRUE(target.resize(16, 16, 1));
  target.bind();
  Camera camera;
  camera.setViewport(16, 16);
  camera.fit({-1, -1, 11, 11});
  FeatureStyle style;
  style.fill = {200, 0, 0, 255};
  renderer.setStyles(std::span(&style, 1));
  renderer.draw(camera);
  const auto px = readPixelsTopDown(16, 16);
  const std::size_t centre = (8 * 16 + 8) * 4;
  EXPECT_EQ(px[centre], 200);
  EXPECT_EQ(px[centre + 1], 0);
  EXPECT_EQ(glGetError(), GLenum(GL_NO_ERROR));
}

// A grid of small squares, each its own feature, coloured by its place: many thousands of triangles
// and border lines.
BoundarySet gridOfSquares(int n) {
  BoundarySet set;
  for (int y = 0; y < n; ++y)
    for (int x = 0; x < n; ++x) {
      Feature f;
      f.code = std::to_string(y * n + x);
      const std::vector<std::vector<Point2>> rings{
          {{double(x), double(y)}, {x + 1.0, double(y)}, {x + 1.0, y + 1.0}, {double(x), y + 1.0}}};
      set.addPart(f, rings);
      set.features.push_back(f);
    }
  set.extent = {0, 0, double(n), double(n)};
  return set;
}

// On a software rasteriser a long pass is drawn in parts, each flushed as the next is binned: the
// picture must be the one a single draw makes.
TEST(MapPrograms, PassesDrawnInPartsMakeTheSamePicture) {
  GlWindow::preferHeadless();
  GlWindow window("parts", 16, 16, /*visible=*/false);
  const auto programs = std::make_shared<MapPrograms>();
  const int n = 120;  // 86,400 fill indices: several parts (kIndicesPerPart in map_renderer.cpp)
  MapRenderer renderer(buildMapMesh(gridOfSquares(n)), programs);
  std::vector<FeatureStyle> styles(std::size_t(n) * n);
  for (std::size_t i = 0; i < styles.size(); ++i) styles[i].fill = {std::uint8_t(i * 7), std::uint8_t(i / 120), std::uint8_t(i * 13), 255};
  renderer.setStyles(styles);
  constexpr int kSide = 317;  // squares 2.6 pixels wide: borders and fills cross and overlap
  Framebuffer target;
  ASSERT_TRUE(target.resize(kSide, kSide, 1));
  Camera camera;
  camera.setViewport(kSide, kSide);
  camera.fit({0, 0, double(n), double(n)});
  auto draw = [&](bool inParts) {
    programs->software = inParts;
    target.bind();
    renderer.draw(camera);
    return readPixelsTopDown(kSide, kSide);
  };
  const auto whole = draw(false), inParts = draw(true);
  ASSERT_EQ(whole.size(), inParts.size());
  std::size_t different = 0;
  for (std::size_t i = 0; i < whole.size(); ++i) different += whole[i] != inParts[i];
  EXPECT_EQ(different, 0u);
  EXPECT_EQ(glGetError(), GLenum(GL_NO_ERROR));
}

}  // namespace
}  // namespace cm
