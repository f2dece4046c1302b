#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "store/dataset_layout.h"

namespace cm {

// Where the data folder was found and why, so the program can say so plainly.
struct DataLocation {
  std::filesystem::path dir;
  std::string how;  // e.g. "--data", "../shared/data beside the source checkout", "$COUNCILMAP_DATA"
};

// Order: an explicit --data folder; ../shared/data beside the source checkout; $COUNCILMAP_DATA;
// the per-user folder ($XDG_DATA_HOME or ~/.local/share)/councilmap/data. `tried` lists every
// place looked at, for the error message when none exists.
std::optional<DataLocation> locateDataDir(const std::string& explicitDir, const std::string& sourceDir,
                                          std::vector<std::string>* tried = nullptr);

}  // namespace cm
