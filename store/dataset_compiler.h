#pragma once
#include <filesystem>
#include <functional>
#include <string>

#include "base/diagnostics.h"
#include "store/lod_cache.h"

namespace cm {

// Reports progress as a fraction of the whole build and the step under way.
using ProgressFn = std::function<void(double fraction, const std::string& step)>;

struct CompileInputs {
  std::filesystem::path dataDir;    // the shared data folder
  std::filesystem::path tablesDir;  // the project's own tables (data/tables)
  std::filesystem::path out;        // the GeoPackage to write
  ProgressFn progress;
  std::vector<LodLayerReport>* lodReport = nullptr;  // when given: what the levels of detail cost
};

// Compiles every source into one GeoPackage in British National Grid that QGIS opens as it is:
// council boundaries of every year and tier (with start/end years), each ward vintage, and the
// tables parties, control_periods (seats and control per council and election year, gaps filled
// and noted), events, factions, leadership_periods and sources (attribution), and lod_meshes: every
// boundary layer simplified and tessellated at a few levels of detail. Written beside the
// target and renamed into place, so a failed build never replaces a good file.
// Returns false (with the reason in `diag`) if it could not be written.
bool compileDataset(const CompileInputs& in, Diagnostics& diag);

}  // namespace cm
