#pragma once
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

#include "base/diagnostics.h"
#include "geo/boundary_set.h"

namespace cm {

struct BoundarySource {
  std::string path;       // anything OGR opens: file, folder, /vsicurl/ URL, PG: connection string
  std::string layer;      // empty: the first polygon layer
  std::string codeField;  // empty: detected
  std::string nameField;  // empty: detected
  // Kept in the user's cache whatever its size (store/cache/geometry_cache.h): the compiled dataset's layers,
  // so that a start reading only what it has read before need not load GDAL (store/gdal/gdal_module.h).
  bool alwaysCache = false;
};

// Raised when nothing usable can be loaded; the message names the source and the reason.
struct LoadError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Reads every polygon feature, reprojecting to British National Grid with one transformation.
// Features that cannot be drawn are kept (so codes and names still resolve) and reported.
// With `onlyAtLonLat`, only features whose bounding box contains that WGS84 point are read,
// through the source's spatial index: answering one point never loads a whole ward file.
BoundarySet loadBoundaries(const BoundarySource& source, Diagnostics& diagnostics,
                           std::optional<std::pair<double, double>> onlyAtLonLat = std::nullopt);

}  // namespace cm
