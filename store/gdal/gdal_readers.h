#pragma once
// What only GDAL can read, behind one seam. Callers use the functions that wrap these
// (loadBoundaries, readTable, readLevelsOfDetail, holdOpen: store/cached_reads.cpp), which first
// look in the user's cache. In the program these come from libcouncilmap_gdal.so, loaded when first
// needed (store/gdal/gdal_module.h); tests and benchmarks link them directly.
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "store/boundary_loader.h"
#include "base/csv_table.h"
#include "geo/detail_levels.h"
#include "base/diagnostics.h"

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
