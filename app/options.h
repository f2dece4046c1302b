#pragma once
#include <string>

#include "view/styling.h"

namespace CLI {
class App;
}

namespace cm {

// Options every subcommand shares: where the data is and which boundaries and date to show.
struct CommonOptions {
  std::string dataDir;
  std::string dataset;     // a compiled GeoPackage from build-dataset; empty: build/councilmap-uk.gpkg if present
  std::string boundaries;  // an OGR source; empty: the default UK councils in the data folder
  std::string layer;
  std::string codeField, nameField;
  std::string date;             // YYYY-MM-DD; empty: the latest year in the data
  std::string tier = "lower";   // lower (districts and unitaries) or upper (counties and unitaries)
  int disputeWindowDays = 180;  // a council stays "in dispute" this long after a dispute event
  bool verbose = false;
  bool sourcesOnly = false;  // read the shared sources even when a compiled dataset exists (check)
};

void addCommonOptions(CLI::App& app, CommonOptions& options);

// How the map is coloured, shared by the window and export.
struct StyleOptions : StyleFlags {
  std::string colourBy;  // empty: control where the data has it (the window: as last time), else none
};
void addStyleOptions(CLI::App& app, StyleOptions& options);

}  // namespace cm
