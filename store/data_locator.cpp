#include "store/data_locator.h"

#include <cstdlib>

namespace cm {

std::optional<DataLocation> locateDataDir(const std::string& explicitDir, const std::string& sourceDir, std::vector<std::string>* tried) {
  namespace fs = std::filesystem;
  std::vector<DataLocation> candidates;
  if (!explicitDir.empty()) {
    candidates.push_back({explicitDir, "--data"});
  } else {
    if (!sourceDir.empty())
      candidates.push_back({fs::path(sourceDir) / ".." / "shared" / "data", "../shared/data beside the source checkout"});
    if (const char* env = std::getenv("COUNCILMAP_DATA"); env && *env) candidates.push_back({env, "$COUNCILMAP_DATA"});
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
      candidates.push_back({fs::path(xdg) / "councilmap" / "data", "the per-user data folder"});
    else if (const char* home = std::getenv("HOME"); home && *home)
      candidates.push_back({fs::path(home) / ".local" / "share" / "councilmap" / "data", "the per-user data folder"});
  }
  for (auto& c : candidates) {
    std::error_code ec;
    if (tried) tried->push_back(c.dir.string() + " (" + c.how + ")");
    if (fs::is_directory(c.dir, ec)) {
      c.dir = fs::weakly_canonical(c.dir, ec);
      return c;
    }
  }
  return std::nullopt;
}

}  // namespace cm
