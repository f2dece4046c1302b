#include "cli_support.h"

#include <unistd.h>

#include <fstream>

#include <gtest/gtest.h>

namespace cli {

Outcome run(const std::string& args) {
  static int counter = 0;
  const fs::path errFile =
      fs::temp_directory_path() / ("councilmap-cli-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".err");
  // A fresh preferences folder per run, so no test reads another's settings or touches the user's.
  const fs::path config = fs::path(COUNCILMAP_TEST_OUTPUT) / "config" / (std::to_string(::getpid()) + "-" + std::to_string(counter));
  return cm::run::runCommand("SDL_VIDEODRIVER=offscreen COUNCILMAP_CONFIG_DIR=" + config.string() + " " COUNCILMAP_BINARY " " + args,
                             errFile);
}

nlohmann::json query(const std::string& at, const std::string& extra) {
  const Outcome r = run("query --at " + at + " " + extra);
  EXPECT_EQ(r.code, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::path(COUNCILMAP_TEST_OUTPUT) / "cli";
  fs::create_directories(dir);
  return dir / name;
}

void expectGdalOnlyTheFirstTime(const fs::path& cache, const std::function<std::string(const std::string&)>& command) {
  fs::remove_all(cache);
  const auto once = [&](const std::string& run) {
    return cm::run::runCommand("COUNCILMAP_CACHE_DIR=" + cache.string() + " " + command(run) + " -v",
                               scratch(cache.filename().string() + "-" + run + ".err"));
  };
  const Outcome first = once("first"), again = once("again");
  ASSERT_EQ(first.code, 0) << first.err;
  ASSERT_EQ(again.code, 0) << again.err;
  EXPECT_NE(first.err.find("councilmap: GDAL loaded"), std::string::npos) << first.err;
  EXPECT_NE(again.err.find("councilmap: GDAL not loaded"), std::string::npos) << again.err;
}

nlohmann::json viewerState(const std::string& args, const std::string& scriptBody, const std::string& name, const std::string& keptConfig) {
  const fs::path script = scratch(name + ".script"), state = scratch(name + ".json");
  std::ofstream(script) << scriptBody << "state " << state.string() << "\n";
  // Each run keeps its preferences apart, so tests neither see nor disturb each other's or the user's.
  const fs::path config = keptConfig.empty() ? scratch(name + "-config") : fs::path(keptConfig);
  if (keptConfig.empty()) fs::remove_all(config);
  const std::string size = args.find("--width") == std::string::npos ? " --width 1280 --height 800" : "";  // unless args give one
  const Outcome r = run("--script " + script.string() + size + " --config-dir " + config.string() + " " + args);
  EXPECT_EQ(r.code, 0) << r.err;
  return nlohmann::json::parse(std::ifstream(state));
}

}  // namespace cli
