#pragma once
#include <stdexcept>
#include <optional>
#include <memory>
#include <string>
#include <utility>

#include "geo/boundary_set.h"
#include "base/diagnostics.h"

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

// Keeps a file open for this thread while the result lives: the loaders here, readTable and the
// levels-of-detail reader open files in GDAL's shared mode, so reading eleven tables of the
// compiled GeoPackage then opens it once rather than eleven times (~3 ms each). The file is opened
// when this thread first reads it through GDAL, not before: what the cache serves needs no GDAL.
std::shared_ptr<void> holdOpen(const std::string& path);
// Does on the calling thread the first-time work of loading that takes the dynamic linker's lock:
// the program's file name (programFile), and with `loadGdal` (the reads ahead will not all come from
// the cache) loads GDAL (store/gdal/gdal_module.h), its thread-local state (its first open on a thread) and
// PROJ's search for its database beside its own library (dladdr, once per thread's PROJ context).
// A loader thread that does this first no longer stalls while another thread loads a library: the
// viewer's GL driver holds that lock for 12 ms or more as it loads, and the loader waited 40 ms.
void prepareThreadForLoading(bool loadGdal);

}  // namespace cm
