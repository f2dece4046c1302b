// Runs one render scene through the real `councilmap export` and compares the PNG with the
// expected image. Usage: render_compare COUNCILMAP SCENE.json EXPECTED.png OUT_DIR DATA_DIR
// With COUNCILMAP_UPDATE_EXPECTED=1 it writes the new image over EXPECTED.png instead.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>
#include <stb_image.h>
#include <stb_image_write.h>

namespace fs = std::filesystem;

namespace {

std::string shellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

struct Image {
  int w = 0, h = 0;
  std::unique_ptr<unsigned char, void (*)(void*)> px{nullptr, stbi_image_free};
};

Image load(const std::string& path) {
  Image img;
  int n = 0;
  img.px.reset(stbi_load(path.c_str(), &img.w, &img.h, &n, 4));
  return img;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 6) {
    std::cerr << "usage: render_compare COUNCILMAP SCENE.json EXPECTED.png OUT_DIR DATA_DIR\n";
    return 2;
  }
  const std::string binary = argv[1], scenePath = argv[2], expectedPath = argv[3], dataDir = argv[5];
  const fs::path outDir = argv[4];
  fs::create_directories(outDir);
  nlohmann::json scene;
  std::ifstream(scenePath) >> scene;
  const std::string name = fs::path(scenePath).stem().string();
  const fs::path actualPath = outDir / (name + ".actual.png");

  std::string cmd = shellQuote(binary) + " export --out " + shellQuote(actualPath.string());
  for (const auto& a : scene.at("args")) {
    std::string arg = a.get<std::string>();
    if (const auto p = arg.find("{data}"); p != std::string::npos) arg.replace(p, 6, dataDir);
    cmd += " " + shellQuote(arg);
  }
  // A scene reads the shared sources unless it names its data: a compiled dataset left in the build
  // folder (with its levels of detail) must not change what a scene draws.
  bool namesData = false;
  for (const auto& a : scene.at("args")) namesData |= a == "--data" || a == "--dataset" || a == "--boundaries";
  if (!namesData) cmd += " --data " + shellQuote(dataDir);
  std::cout << "scene " << name << ": " << scene.value("description", "") << "\n$ " << cmd << std::endl;
  if (std::system(cmd.c_str()) != 0) {
    std::cerr << "FAIL: councilmap export failed\n";
    return 1;
  }
  if (const char* u = std::getenv("COUNCILMAP_UPDATE_EXPECTED"); u && std::string(u) == "1") {
    fs::copy_file(actualPath, expectedPath, fs::copy_options::overwrite_existing);
    std::cout << "updated " << expectedPath << '\n';
    return 0;
  }
  const Image actual = load(actualPath.string()), expected = load(expectedPath);
  if (!expected.px) {
    std::cerr << "FAIL: no expected image " << expectedPath << " (run with COUNCILMAP_UPDATE_EXPECTED=1 to create it)\n";
    return 1;
  }
  if (!actual.px || actual.w != expected.w || actual.h != expected.h) {
    std::cerr << "FAIL: size " << actual.w << "x" << actual.h << ", expected " << expected.w << "x" << expected.h << '\n';
    return 1;
  }
  // Tolerance, stated per scene: a pixel differs when any channel moves by more than `channel`;
  // the scene passes while at most `max_fraction` of pixels differ. Each scene says why its numbers (tolerance.why).
  const int channel = scene.at("tolerance").value("channel", 24);
  const double maxFraction = scene.at("tolerance").value("max_fraction", 0.003);
  const std::size_t n = std::size_t(actual.w) * actual.h;
  std::size_t differing = 0;
  std::vector<unsigned char> diff(n * 4, 0);
  for (std::size_t i = 0; i < n; ++i) {
    int worst = 0;
    for (int c = 0; c < 3; ++c) worst = std::max(worst, std::abs(int(actual.px.get()[i * 4 + c]) - int(expected.px.get()[i * 4 + c])));
    const bool bad = worst > channel;
    differing += bad;
    const unsigned char grey = actual.px.get()[i * 4] / 4 + 150;
    diff[i * 4 + 0] = bad ? 255 : grey;
    diff[i * 4 + 1] = bad ? 0 : grey;
    diff[i * 4 + 2] = bad ? 0 : grey;
    diff[i * 4 + 3] = 255;
  }
  const double fraction = double(differing) / n;
  std::cout << differing << " of " << n << " pixels differ (" << fraction * 100 << "%, allowed " << maxFraction * 100 << "%)\n";
  if (fraction > maxFraction) {
    const fs::path diffPath = outDir / (name + ".diff.png");
    stbi_write_png(diffPath.string().c_str(), actual.w, actual.h, 4, diff.data(), actual.w * 4);
    std::cerr << "FAIL: see " << actualPath << " and " << diffPath << " (differing pixels in red)\n";
    return 1;
  }
  return 0;
}
