#pragma once
#include <string>

#include "app/options.h"

namespace CLI {
class App;
}

namespace cm {

struct ViewerOptions {
  CommonOptions common;
  StyleOptions style{""};  // colour mode empty: the saved preference, else control
  int width = 1280, height = 800;
  float borderWidth = 1.0f;
  int samples = 0;          // 0 = auto
  std::string focus;        // GSS code to open on
  std::string bbox;         // lon1,lat1,lon2,lat2 to open on
  std::string script;       // input script to replay (see input_script.h)
  int quitAfterFrames = 0;  // 0 = run until closed
  bool frameStats = false;
  float uiScale = 0;      // 0: from the display's DPI
  std::string configDir;  // empty: configDir()
};

// The interactive window. Returns the process exit code.
int runViewer(const ViewerOptions& options);

void addViewerOptions(CLI::App& app, ViewerOptions& options);

}  // namespace cm
