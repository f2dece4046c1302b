#pragma once
// GDAL, and the 130 or so libraries that come with it, take about 25 ms of every start to load on the
// reference machine, more than the program's own libraries, window and GL driver together. So the
// program (libcouncilmap.so) does not link it: what needs GDAL (store/gdal/gdal_readers.h, compileDataset,
// Transform) is in libcouncilmap_gdal.so beside it, loaded the first time one of those is called
// (store/gdal/gdal_module_client.cpp). A start whose reads the user's cache serves (store/cache/geometry_cache.h,
// store/cache/table_cache.h) never loads it. Tests and benchmarks link all of it directly instead.
#include <chrono>
#include <cstddef>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "base/csv_table.h"
#include "base/diagnostics.h"
#include "geo/detail_levels.h"
#include "store/boundary_loader.h"
#include "store/dataset_compiler.h"
#include "store/projection.h"

namespace cm {

// What libcouncilmap_gdal.so gives the program (store/gdal/gdal_module_exports.cpp), its functions named
// as in the program's headers.
struct GdalFunctions {
  std::size_t size = sizeof(GdalFunctions);  // both are built together; another build's module is refused
  BoundarySet (*readBoundaries)(const BoundarySource&, Diagnostics&, std::optional<std::pair<double, double>>);
  CsvTable (*readTable)(const std::string&, const std::string&, Diagnostics&);
  std::optional<LevelsOfDetail> (*readStoredLevels)(const std::string&, const std::string&, const BoundarySet&);
  std::shared_ptr<void> (*holdOpen)(const std::string&);
  void (*prepareThread)();
  bool (*compileDataset)(const CompileInputs&, Diagnostics&);
  const Transform& (*wgs84ToMap)();
  std::future<void> (*prepareWgs84ToMap)();
  bool (*apply)(const Transform&, double&, double&);
};
inline constexpr const char* kGdalModuleEntry = "councilmap_gdal_functions";
using GdalModuleEntry = const GdalFunctions* (*)();

// Whether the program has loaded GDAL (always, where it is linked in), and if so when and for what:
// -v prints it.
struct GdalLoad {
  bool loaded = false;
  bool linkedIn = false;
  std::chrono::system_clock::time_point at;
  std::string firstNeededFor;
};
GdalLoad gdalLoad();

}  // namespace cm
