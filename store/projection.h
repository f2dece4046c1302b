#pragma once
#include <future>
#include <memory>
#include <mutex>
#include <string>

class OGRSpatialReference;
class OGRCoordinateTransformation;

namespace cm {

// British National Grid (EPSG:27700) is the map's working CRS: metres, true shapes for the UK.
inline constexpr int kMapEpsg = 27700;

// Both spatial references use traditional GIS axis order (x = lon/easting): with PROJ's authority
// order, lon/lat input lands thousands of kilometres off without any error.
void useTraditionalAxisOrder(OGRSpatialReference& srs);

// One reusable transformation. Creating a GDAL one costs tens of milliseconds, so callers keep it
// rather than making one per feature or per point.
//
// WGS 84 to British National Grid, the case every shared file needs, is computed in closed form
// (geo/wgs84_to_bng.h, about a quarter of PROJ's time) for points where PROJ would use the same
// operation, and by GDAL elsewhere; the closed form is used only if it agrees with this machine's
// PROJ at a few places when first asked for (it would not if PROJ could reach the OSTN15 grid).
class Transform {
 public:
  static std::unique_ptr<Transform> between(const OGRSpatialReference& from, const OGRSpatialReference& to);
  static const Transform& wgs84ToMap();
  static const Transform& mapToWgs84();
  // Makes wgs84ToMap on a thread of its own, for a caller with other work to do first: PROJ reads its
  // database the first time, about 13 ms. get() rethrows what making it threw.
  static std::future<void> prepareWgs84ToMap();
  ~Transform();

  bool apply(double& x, double& y) const;  // false if the point cannot be transformed
  // Transforms n points in place; ok[i], when given, says whether point i could be. Returns
  // whether all could. Safe on several threads at once (GDAL's part takes turns).
  bool applyMany(std::size_t n, double* xs, double* ys, int* ok = nullptr) const;
  // GDAL's transformation, for GDAL calls such as OGRGeometry::transform.
  OGRCoordinateTransformation* ogr() const;
  bool closedForm() const { return closedForm_; }

 private:
  Transform(const OGRSpatialReference& from, const OGRSpatialReference& to, bool closedForm);
  std::unique_ptr<OGRSpatialReference> from_, to_;
  bool closedForm_ = false;
  // Made on first use when the closed form serves: most files never need it.
  mutable std::once_flag made_;
  mutable OGRCoordinateTransformation* ct_ = nullptr;
  mutable std::mutex ctInUse_;  // GDAL's transformations are not thread-safe
};

// Short human description of a CRS, e.g. "EPSG:4326 (WGS 84)".
std::string describeCrs(const OGRSpatialReference& srs);

}  // namespace cm
