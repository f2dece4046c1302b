// The GPU frame bench's own tests: a saved scene reads back as written, a damaged one is refused,
// and gpu_frames draws a saved scene (here on llvmpipe through EGL's device platform).
#include <cstring>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "bench/gpu_scene.h"
#include "tests/run_binary.h"

using namespace cm;

namespace {

const std::filesystem::path kOut = std::filesystem::path(GPU_FRAMES_TEST_OUTPUT);

// Two squares side by side, the left red, the right blue; a ward-like overlay of the left one.
SavedScene twoSquares() {
  BoundarySet set;
  for (double x : {0.0, 10.0}) {
    Feature f;
    const std::vector<std::vector<Point2>> rings{{{x, 0}, {x + 10, 0}, {x + 10, 10}, {x, 10}}};
    set.addPart(f, rings);
    set.features.push_back(f);
  }
  set.extent = {0, 0, 20, 10};
  SavedScene scene;
  scene.extent = set.extent;
  FeatureStyle red, blue;
  red.fill = {220, 30, 30, 255};
  blue.fill = {30, 30, 220, 255};
  scene.layers.push_back({buildMapMesh(set), {red, blue}, MapLook{}, false});
  FeatureStyle clear;
  clear.fill.a = 0;
  MapLook wardLook;
  wardLook.border = {70, 70, 70, 200};
  scene.layers.push_back({buildMapMesh(set), {clear, clear}, wardLook, true});
  return scene;
}

}  // namespace

TEST(GpuScene, ReadsBackAsWritten) {
  std::filesystem::create_directories(kOut);
  const SavedScene scene = twoSquares();
  ASSERT_TRUE(saveScene(kOut / "squares.scene", scene));
  const auto back = loadScene(kOut / "squares.scene");
  ASSERT_TRUE(back);
  EXPECT_EQ(back->extent.maxX, 20);
  ASSERT_EQ(back->layers.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    const SceneLayer &a = scene.layers[i], &b = back->layers[i];
    EXPECT_EQ(a.overlay, b.overlay);
    EXPECT_EQ(a.mesh.vertices.size(), b.mesh.vertices.size());
    EXPECT_EQ(a.mesh.triangles, b.mesh.triangles);
    EXPECT_EQ(a.mesh.fillRanges.size(), b.mesh.fillRanges.size());
    EXPECT_EQ(a.styles[0].fill, b.styles[0].fill);
    EXPECT_EQ(a.look.border, b.look.border);
  }
}

TEST(GpuScene, RefusesDamagedFiles) {
  std::filesystem::create_directories(kOut);
  ASSERT_TRUE(saveScene(kOut / "cut.scene", twoSquares()));
  std::filesystem::resize_file(kOut / "cut.scene", std::filesystem::file_size(kOut / "cut.scene") - 7);
  EXPECT_FALSE(loadScene(kOut / "cut.scene"));
  std::ofstream(kOut / "text.scene") << "not a scene";
  EXPECT_FALSE(loadScene(kOut / "text.scene"));
  EXPECT_FALSE(loadScene(kOut / "missing.scene"));
}

TEST(GpuFrames, DrawsASavedScene) {
  std::filesystem::create_directories(kOut);
  ASSERT_TRUE(saveScene(kOut / "draw.scene", twoSquares()));
  const auto r = run::runCommand(
      std::string(GPU_FRAMES_BINARY) + " " + (kOut / "draw.scene").string() + " --frames 3 --ppm " + (kOut / "draw").string(),
      kOut / "draw.err");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("renderer: "), std::string::npos);
  EXPECT_NE(r.out.find("1280x800"), std::string::npos);
  EXPECT_NE(r.out.find("3840x2160"), std::string::npos);
  EXPECT_NE(r.out.find("wards borders"), std::string::npos) << r.out;
  // 1280x800, the squares framed in the middle: a quarter across is the red one, three quarters the blue.
  const std::string ppm = run::slurp(kOut / "draw-1280x800.ppm");
  const std::string header = "P6\n1280 800\n255\n";
  ASSERT_EQ(ppm.compare(0, header.size(), header), 0);
  auto pixel = [&](int x, int y) { return ppm.substr(header.size() + (std::size_t(y) * 1280 + x) * 3, 3); };
  EXPECT_EQ(pixel(640 - 150, 400), std::string("\xdc\x1e\x1e", 3));
  EXPECT_EQ(pixel(640 + 150, 400), std::string("\x1e\x1e\xdc", 3));
}

TEST(GpuFrames, SaysWhatIsWrongWithAMissingScene) {
  const auto r = run::runCommand(std::string(GPU_FRAMES_BINARY) + " " + (kOut / "nowhere.scene").string(), kOut / "missing.err");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("nowhere.scene is missing or not a scene"), std::string::npos) << r.err;
}
