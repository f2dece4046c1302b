#pragma once

namespace CLI {
class App;
}

namespace cm {

// `councilmap build-dataset`: compiles the shared sources and the project's tables into one GeoPackage.
void addBuildDatasetCommand(CLI::App& app, int& exitCode);

}  // namespace cm
