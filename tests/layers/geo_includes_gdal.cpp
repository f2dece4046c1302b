// Compiled only by the test layers.geo_has_no_gdal, which expects it to fail: geo/ is built without
// GDAL on its include path (CMakeLists.txt), so geometry code cannot come to depend on it.
#include <gdal.h>
