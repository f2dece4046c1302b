#include <filesystem>
#include <random>

#include <gtest/gtest.h>
#include <stb_image.h>

#include "store/png_writer.h"

using namespace cm;

namespace {

// Writes the pixels and reads them back with another decoder (stb_image), as RGBA.
std::vector<std::uint8_t> roundTrip(int w, int h, const std::vector<std::uint8_t>& rgba, bool bottomUp, int* channels) {
  const auto path =
      std::filesystem::temp_directory_path() / ("councilmap-png-test-" + std::to_string(w) + "x" + std::to_string(h) + ".png");
  EXPECT_EQ(writePng(path.string(), w, h, rgba, bottomUp), "");
  int rw = 0, rh = 0;
  stbi_uc* px = stbi_load(path.c_str(), &rw, &rh, channels, 4);
  std::filesystem::remove(path);
  EXPECT_TRUE(px) << stbi_failure_reason();
  if (!px) return {};
  EXPECT_EQ(rw, w);
  EXPECT_EQ(rh, h);
  std::vector<std::uint8_t> out(px, px + std::size_t(rw) * rh * 4);
  stbi_image_free(px);
  return out;
}

std::vector<std::uint8_t> noise(int w, int h, bool opaque) {
  std::mt19937 rng(w * 31 + h);
  std::vector<std::uint8_t> px(std::size_t(w) * h * 4);
  for (std::size_t i = 0; i < px.size(); ++i) px[i] = (opaque && i % 4 == 3) ? 255 : std::uint8_t(rng() % 7 * 40);
  return px;
}

}  // namespace

// Images tall enough to be deflated in bands on several threads decode to the same pixels: opaque
// ones as RGB, others with their alpha; rows given bottom-up come out top-down.
TEST(PngWriter, DecodesToTheSamePixels) {
  for (const auto& [w, h] : {std::pair{1, 1}, {37, 300}, {640, 1100}, {1283, 2161}}) {
    for (const bool opaque : {true, false}) {
      const auto px = noise(w, h, opaque);
      int channels = 0;
      EXPECT_EQ(roundTrip(w, h, px, false, &channels), px) << w << "x" << h;
      EXPECT_EQ(channels, opaque ? 3 : 4);
    }
  }
  const int w = 300, h = 900;
  const auto px = noise(w, h, true);
  std::vector<std::uint8_t> flipped(px.size());
  for (int y = 0; y < h; ++y) std::copy_n(&px[std::size_t(y) * w * 4], w * 4, &flipped[std::size_t(h - 1 - y) * w * 4]);
  int channels = 0;
  EXPECT_EQ(roundTrip(w, h, flipped, true, &channels), px);
}

TEST(PngWriter, RefusesPixelsOfTheWrongSize) {
  EXPECT_NE(writePng("/tmp/councilmap-never-written.png", 10, 10, std::vector<std::uint8_t>(10), false), "");
  EXPECT_FALSE(std::filesystem::exists("/tmp/councilmap-never-written.png"));
}

// One pixel not quite opaque anywhere (in the body, or the last of an odd count) keeps the alpha.
TEST(PngWriter, KeepsAlphaForOnePixelNotOpaque) {
  const int w = 33, h = 3;  // 99 pixels: the last is checked on its own
  for (const std::size_t pixel : {std::size_t(0), std::size_t(50), std::size_t(98)}) {
    auto px = noise(w, h, true);
    px[pixel * 4 + 3] = 254;
    int channels = 0;
    EXPECT_EQ(roundTrip(w, h, px, false, &channels), px) << "pixel " << pixel;
    EXPECT_EQ(channels, 4) << "pixel " << pixel;
  }
}
