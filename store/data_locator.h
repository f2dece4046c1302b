#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

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

// The default council boundaries inside the data folder.
inline constexpr const char* kDefaultBoundaries = "boundaries/ons_uk_topojson_2014_2025.gpkg";
inline constexpr const char* kDefaultBoundaryLayer = "ltla";     // lower tier: districts and unitaries
inline constexpr const char* kUpperTierLayer = "utla";           // upper tier: county councils and unitaries
inline constexpr const char* kCountyLayer = "cty";               // county councils only

}  // namespace cm
