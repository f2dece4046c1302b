// councilmap: an interactive map of UK local government.
#include <iostream>

#include <CLI/CLI.hpp>

#include "app/commands/build_dataset_command.h"
#include "app/commands/check_command.h"
#include "app/commands/export_command.h"
#include "app/commands/query_command.h"
#include "app/gl_context.h"
#include "app/launch/startup_clock.h"
#include "app/map_session.h"
#include "app/viewer/viewer.h"
#include "render/gl_program.h"
#include "store/boundary_loader.h"

// Called by the launcher (app/launch/launcher.cpp), which loads this program as libcouncilmap.so.
extern "C" __attribute__((visibility("default"))) int councilmap_main(int argc, char** argv) {
  cm::takeLaunchTime();
  CLI::App app{
      "councilmap: an interactive map of UK local government.\n"
      "Without a subcommand it opens the map window. Keys: drag to pan, wheel or +/- to zoom, F to fit, Esc to clear.",
      "councilmap"};
  app.set_version_flag("--version", "councilmap 0.1.0");
  int exitCode = 0;
  cm::ViewerOptions viewer;
  cm::addViewerOptions(app, viewer);
  cm::addExportCommand(app, exitCode);
  cm::addQueryCommand(app);
  cm::addCheckCommand(app, exitCode);
  cm::addBuildDatasetCommand(app, exitCode);
  app.require_subcommand(0, 1);
  try {
    app.parse(argc, argv);
    if (app.get_subcommands().empty()) exitCode = cm::runViewer(viewer);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const cm::UsageError& e) {
    std::cerr << "councilmap: error: " << e.what() << '\n';
    return 2;
  } catch (const cm::LoadError& e) {
    std::cerr << "councilmap: error: " << e.what() << '\n';
    return 3;
  } catch (const std::exception& e) {
    std::cerr << "councilmap: error: " << e.what() << '\n';
    return 4;
  }
  return exitCode;
}
