#pragma once
#include <memory>
#include <string>

class OGRSpatialReference;
class OGRCoordinateTransformation;

namespace cm {

// British National Grid (EPSG:27700) is the map's working CRS: metres, true shapes for the UK.
inline constexpr int kMapEpsg = 27700;

// Both spatial references use traditional GIS axis order (x = lon/easting): with PROJ's authority
// order, lon/lat input lands thousands of kilometres off without any error.
void useTraditionalAxisOrder(OGRSpatialReference& srs);

// One reusable transformation. Creating one costs tens of milliseconds, so callers keep it
// rather than making one per feature or per point.
class Transform {
 public:
  // nullptr source = identity (the data is already in the map CRS).
  static std::unique_ptr<Transform> between(const OGRSpatialReference& from, const OGRSpatialReference& to);
  static const Transform& wgs84ToMap();
  static const Transform& mapToWgs84();
  ~Transform();

  bool apply(double& x, double& y) const;  // false if the point cannot be transformed
  bool applyMany(std::size_t n, double* xs, double* ys, int stride = 1) const;
  OGRCoordinateTransformation* ogr() const { return ct_; }

 private:
  explicit Transform(OGRCoordinateTransformation* ct) : ct_(ct) {}
  OGRCoordinateTransformation* ct_ = nullptr;
};

// Short human description of a CRS, e.g. "EPSG:4326 (WGS 84)".
std::string describeCrs(const OGRSpatialReference& srs);

}  // namespace cm
