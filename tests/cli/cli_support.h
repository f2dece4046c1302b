// Helpers shared by the command-line tests: run the real councilmap binary the way a user or a
// script would, and read back what it wrote.
#pragma once
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "../run_binary.h"

namespace cli {

namespace fs = std::filesystem;
using cm::run::Outcome;

// Runs councilmap with `args`, in a preferences folder of its own and no display.
Outcome run(const std::string& args);
// `councilmap query --at AT EXTRA`, expected to succeed, its JSON parsed.
nlohmann::json query(const std::string& at, const std::string& extra = "");
// A path for a test's own files in the build's test output folder.
fs::path scratch(const std::string& name);
// Runs the window on a script and returns the state it wrote at the end (1280x800 unless `args`
// give --width). `keptConfig`: a preferences folder kept between runs, else a fresh one.
nlohmann::json viewerState(const std::string& args, const std::string& scriptBody, const std::string& name,
                           const std::string& keptConfig = "");
// Runs command("first") and then command("again") with `cache`, emptied before, as their cache folder,
// and checks that only the first loaded GDAL (-v says whether a run did): the second read the cache.
void expectGdalOnlyTheFirstTime(const fs::path& cache, const std::function<std::string(const std::string&)>& command);

// While it lives, the commands run() starts see `name` set to `value` (unset again, or put back, after).
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* before = std::getenv(name)) before_ = before;
    ::setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() { before_ ? ::setenv(name_, before_->c_str(), 1) : ::unsetenv(name_); }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> before_;
};

// While it lives, the commands run() starts use `folder` as their cache (tests/CMakeLists.txt runs
// them without one).
class CacheFolder : public ScopedEnv {
 public:
  explicit CacheFolder(const fs::path& folder) : ScopedEnv("COUNCILMAP_CACHE_DIR", folder.string()) {}
};

}  // namespace cli
