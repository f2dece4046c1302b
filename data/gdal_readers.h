#pragma once
// What only GDAL can read, behind one seam. Callers use the functions that wrap these
// (loadBoundaries, readTable, readLevelsOfDetail, holdOpen: data/cached_reads.cpp), which first
// look in the user's cache. In the program these come from libcouncilmap_gdal.so, loaded when first
// needed (data/gdal_module.h); tests and benchmarks link them directly.
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "data/boundary_loader.h"
#include "data/csv_table.h"
#include "data/detail_levels.h"
#include "data/diagnostics.h"

namespace cm {

BoundarySet readBoundariesWithGdal(const BoundarySource& source, Diagnostics& diagnostics,
                                   std::optional<std::pair<double, double>> onlyAtLonLat);
// An empty layer: `path` is a CSV file.
CsvTable readTableWithGdal(const std::string& path, const std::string& layer, Diagnostics& diag);
std::optional<LevelsOfDetail> readStoredLevelsWithGdal(const std::string& datasetPath, const std::string& layer, const BoundarySet& full);
std::shared_ptr<void> holdOpenWithGdal(const std::string& path);
// GDAL's and PROJ's part of prepareThreadForLoading, loading GDAL first where it is not yet.
void prepareThreadForGdal();

}  // namespace cm
