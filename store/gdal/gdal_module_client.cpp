// The program's side of store/gdal/gdal_module.h: the functions that need GDAL, each loading
// libcouncilmap_gdal.so the first time one is called and then calling it there.
#include <dlfcn.h>

#include <atomic>
#include <mutex>
#include <stdexcept>

#include "base/library_preload.h"
#include "store/cache/cache_entry.h"
#include "store/gdal/gdal_module.h"
#include "store/gdal/gdal_readers.h"
#include "store/tables.h"

namespace cm {
namespace {

std::mutex gLoadMutex;
std::atomic<const GdalFunctions*> gFunctions{nullptr};
GdalLoad gLoad;  // under gLoadMutex

// Loads the module once, for whichever thread asks first; `why` says what needed it (-v prints it).
// Throws when it cannot: the program was copied without it, or it is from another build.
const GdalFunctions& load(const std::string& why) {
  std::lock_guard lock(gLoadMutex);
  if (const GdalFunctions* f = gFunctions.load(std::memory_order_relaxed)) return *f;
  const auto dir = programFile().parent_path();
  const std::string module = (dir / "libcouncilmap_gdal.so").string();
  preloadLibraries((dir / "libcouncilmap_gdal.deps").c_str());
  void* lib = dlopen(module.c_str(), RTLD_LAZY | RTLD_LOCAL);
  if (!lib)
    throw std::runtime_error("cannot load GDAL's part of the program (keep libcouncilmap_gdal.so beside libcouncilmap.so): " +
                             std::string(dlerror()));
  const auto entry = reinterpret_cast<GdalModuleEntry>(dlsym(lib, kGdalModuleEntry));
  const GdalFunctions* f = entry ? entry() : nullptr;
  if (!f || f->size != sizeof(GdalFunctions))
    throw std::runtime_error(module + " is not from this build of councilmap: keep the files of one build together");
  gLoad = {true, false, std::chrono::system_clock::now(), why};
  gFunctions.store(f, std::memory_order_release);
  return *f;
}

const GdalFunctions& gdal(const char* why) {
  if (const GdalFunctions* f = gFunctions.load(std::memory_order_acquire)) return *f;
  return load(why);
}

// The same where what needed it must be put together: only when loading.
template <class Why>
const GdalFunctions& gdal(const Why& why) {
  if (const GdalFunctions* f = gFunctions.load(std::memory_order_acquire)) return *f;
  return load(why());
}

}  // namespace

GdalLoad gdalLoad() {
  std::lock_guard lock(gLoadMutex);
  return gLoad;
}

BoundarySet readBoundariesWithGdal(const BoundarySource& src, Diagnostics& diag, std::optional<std::pair<double, double>> onlyAt) {
  const auto why = [&] { return "reading " + src.path + (src.layer.empty() ? "" : ", layer " + src.layer); };
  return gdal(why).readBoundaries(src, diag, onlyAt);
}

CsvTable readTableWithGdal(const std::string& path, const std::string& layer, Diagnostics& diag) {
  return gdal([&] { return "reading " + path + (layer.empty() ? "" : ", table " + layer); }).readTable(path, layer, diag);
}

std::optional<LevelsOfDetail> readStoredLevelsWithGdal(const std::string& path, const std::string& layer, const BoundarySet& full) {
  return gdal([&] { return "reading the levels of detail of " + layer + " in " + path; }).readStoredLevels(path, layer, full);
}

std::shared_ptr<void> holdOpenWithGdal(const std::string& path) {
  return gdal([&] { return "opening " + path; }).holdOpen(path);
}

void prepareThreadForGdal() { gdal("reading what the cache does not hold").prepareThread(); }

bool compileDataset(const CompileInputs& in, Diagnostics& diag) { return gdal("building the dataset").compileDataset(in, diag); }

const Transform& Transform::wgs84ToMap() { return gdal("projecting longitude and latitude").wgs84ToMap(); }

std::future<void> Transform::prepareWgs84ToMap() { return gdal("projecting longitude and latitude").prepareWgs84ToMap(); }

bool Transform::apply(double& x, double& y) const { return gdal("projecting a point").apply(*this, x, y); }

}  // namespace cm
