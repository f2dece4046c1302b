#pragma once
#include <string>

#include "app/options.h"

namespace CLI {
class App;
}

namespace cm {

struct ExportOptions {
  CommonOptions common;
  std::string out;
  std::string size = "1920x1080";
  std::string focus;  // GSS code to frame
  std::string bbox;   // lon1,lat1,lon2,lat2
  float borderWidth = 1.0f;
  int samples = 0;  // 0: 4x multisampling on a GPU, none on a software renderer (llvmpipe)
  bool caption = true;
  bool timings = false;  // --timings: one line of where the time went
  StyleOptions style;
};

// Renders the map headless into a PNG through the same canvas and overlay as the window.
// Returns the process exit code; prints its own errors.
int runExport(const ExportOptions& options);

void addExportCommand(CLI::App& app, int& exitCode);

}  // namespace cm
