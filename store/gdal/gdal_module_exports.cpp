// libcouncilmap_gdal.so's side of store/gdal/gdal_module.h: the program's functions that need GDAL, handed
// to the program in one table.
#include <cpl_error.h>

#include "store/gdal/gdal_module.h"
#include "store/gdal/gdal_readers.h"

extern "C" __attribute__((visibility("default"))) const cm::GdalFunctions* councilmap_gdal_functions() {
  static const cm::GdalFunctions functions = [] {
    // GDAL's own messages would interleave with ours; problems reach the user through diagnostics.
    CPLSetErrorHandler(CPLQuietErrorHandler);
    cm::GdalFunctions f;
    f.readBoundaries = cm::readBoundariesWithGdal;
    f.readTable = cm::readTableWithGdal;
    f.readStoredLevels = cm::readStoredLevelsWithGdal;
    f.holdOpen = cm::holdOpenWithGdal;
    f.prepareThread = cm::prepareThreadForGdal;
    f.compileDataset = cm::compileDataset;
    f.wgs84ToMap = &cm::Transform::wgs84ToMap;
    f.prepareWgs84ToMap = &cm::Transform::prepareWgs84ToMap;
    f.apply = [](const cm::Transform& t, double& x, double& y) { return t.apply(x, y); };
    return f;
  }();
  return &functions;
}
