#pragma once
// The seam: what only GDAL can read. Each function here is defined twice, once per side, and a
// binary links exactly one side: with GDAL in store/gdal/*.cpp (cm_store_gdal: libcouncilmap_gdal.so,
// tests, benchmarks), or in the program by store/gdal/gdal_module_client.cpp, which loads
// libcouncilmap_gdal.so when first needed and calls through (store/gdal/gdal_module.h).
// Callers use the functions that wrap these and first look in the user's cache: loadBoundaries
// (store/boundary_loader.h), readTable (store/tables.h), readLevelsOfDetail (store/lod_cache.h), holdOpen
// (store/held_files.h).
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "base/csv_table.h"
#include "base/diagnostics.h"
#include "geo/detail_levels.h"
#include "store/boundary_loader.h"

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
