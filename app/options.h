#pragma once
#include <string>

namespace CLI {
class App;
}

namespace cm {

// Options every subcommand shares: where the data is and which boundaries and date to show.
struct CommonOptions {
  std::string dataDir;
  std::string boundaries;  // an OGR source; empty: the default UK councils in the data folder
  std::string layer;
  std::string codeField, nameField;
  std::string date;        // YYYY-MM-DD; empty: the latest year in the data
  std::string tier = "lower";  // lower (districts and unitaries) or upper (counties and unitaries)
  bool verbose = false;
};

void addCommonOptions(CLI::App& app, CommonOptions& options);

// How the map is coloured, shared by the window and export.
struct StyleOptions {
  std::string colourBy = "none";
  bool colourBlindSafe = false;
};
void addStyleOptions(CLI::App& app, StyleOptions& options);

}  // namespace cm
