#pragma once

namespace CLI {
class App;
}

namespace cm {

// `councilmap check`: loads every source and table, runs the cross-checks, prints each problem
// with file, row and reason, and exits 1 if any is an error.
void addCheckCommand(CLI::App& app, int& exitCode);

}  // namespace cm
