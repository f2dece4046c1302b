#pragma once
// Files held open for a thread, so that several reads of one file through GDAL share one handle.
#include <memory>
#include <string>

namespace cm {

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

// Opens `path` through GDAL where this thread holds it (holdOpen) and it is not open yet: the
// readers (loadBoundaries, readTable, readLevelsOfDetail) call this just before reading through GDAL.
void openHeldFile(const std::string& path);

}  // namespace cm
