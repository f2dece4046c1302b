#include "data/projection.h"

#include <ogr_spatialref.h>

#include <stdexcept>

namespace cm {

void useTraditionalAxisOrder(OGRSpatialReference& srs) {
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
}

std::unique_ptr<Transform> Transform::between(const OGRSpatialReference& from, const OGRSpatialReference& to) {
  OGRSpatialReference a(from), b(to);
  useTraditionalAxisOrder(a);
  useTraditionalAxisOrder(b);
  OGRCoordinateTransformation* ct = OGRCreateCoordinateTransformation(&a, &b);
  if (!ct) throw std::runtime_error("cannot transform from " + describeCrs(from) + " to " + describeCrs(to));
  return std::unique_ptr<Transform>(new Transform(ct));
}

namespace {
OGRSpatialReference epsg(int code) {
  OGRSpatialReference srs;
  srs.importFromEPSG(code);
  useTraditionalAxisOrder(srs);
  return srs;
}
}  // namespace

const Transform& Transform::wgs84ToMap() {
  static const std::unique_ptr<Transform> t = between(epsg(4326), epsg(kMapEpsg));
  return *t;
}

const Transform& Transform::mapToWgs84() {
  static const std::unique_ptr<Transform> t = between(epsg(kMapEpsg), epsg(4326));
  return *t;
}

Transform::~Transform() { OGRCoordinateTransformation::DestroyCT(ct_); }

bool Transform::apply(double& x, double& y) const { return ct_->Transform(1, &x, &y) != FALSE; }

bool Transform::applyMany(std::size_t n, double* xs, double* ys, int stride) const {
  if (stride == 1) return ct_->Transform(static_cast<int>(n), xs, ys) != FALSE;
  bool ok = true;
  for (std::size_t i = 0; i < n; ++i) ok &= apply(xs[i * stride], ys[i * stride]);
  return ok;
}

std::string describeCrs(const OGRSpatialReference& srs) {
  const char* auth = srs.GetAuthorityName(nullptr);
  const char* code = srs.GetAuthorityCode(nullptr);
  const char* name = srs.GetName();
  std::string out = (auth && code) ? std::string(auth) + ":" + code : std::string("custom CRS");
  if (name) out += std::string(" (") + name + ")";
  return out;
}

}  // namespace cm
