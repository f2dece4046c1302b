// Where GDAL is linked in (tests, benchmarks, libcouncilmap_gdal.so itself) it is always loaded.
#include "store/gdal/gdal_module.h"

namespace cm {

GdalLoad gdalLoad() { return {true, true, {}, {}}; }

}  // namespace cm
