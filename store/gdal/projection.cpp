#include "store/projection.h"

#include <cmath>
#include <stdexcept>
#include <vector>

#include <ogr_spatialref.h>

#include "geo/wgs84_to_bng.h"

namespace cm {

void useTraditionalAxisOrder(OGRSpatialReference& srs) { srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER); }

namespace {

OGRSpatialReference epsg(int code) {
  OGRSpatialReference srs;
  srs.importFromEPSG(code);
  useTraditionalAxisOrder(srs);
  return srs;
}

OGRCoordinateTransformation* makeGdal(const OGRSpatialReference& from, const OGRSpatialReference& to) {
  OGRCoordinateTransformation* ct = OGRCreateCoordinateTransformation(&from, &to);
  if (!ct) throw std::runtime_error("cannot transform from " + describeCrs(from) + " to " + describeCrs(to));
  return ct;
}

// Whether this machine's PROJ transforms WGS 84 to the grid as the closed form does: checked once,
// at places spread over its area (London, Land's End, Belfast, Shetland, corners of the area).
bool closedFormAgreesWithProj() {
  static const bool agrees = [] {
    const OGRSpatialReference wgs84 = epsg(4326), bng = epsg(kMapEpsg);
    std::unique_ptr<OGRCoordinateTransformation, void (*)(OGRCoordinateTransformation*)> ct(OGRCreateCoordinateTransformation(&wgs84, &bng),
                                                                                            OGRCoordinateTransformation::DestroyCT);
    if (!ct) return false;
    constexpr double kPlaces[][2] = {{-0.1276, 51.5072}, {-5.7150, 50.0657}, {-5.9301, 54.5973}, {-1.1450, 60.1550},
                                     {-8.8, 49.8},       {1.9, 49.8},        {-8.8, 60.9},       {1.9, 60.9}};
    for (const auto& p : kPlaces) {
      double x = p[0], y = p[1], fx = p[0], fy = p[1];
      if (!ct->Transform(1, &x, &y) || !wgs84ToBng(fx, fy) || std::hypot(x - fx, y - fy) > 1e-3) return false;
    }
    return true;
  }();
  return agrees;
}

}  // namespace

Transform::Transform(const OGRSpatialReference& from, const OGRSpatialReference& to, bool closedForm)
    : from_(std::make_unique<OGRSpatialReference>(from)), to_(std::make_unique<OGRSpatialReference>(to)), closedForm_(closedForm) {}

std::unique_ptr<Transform> Transform::between(const OGRSpatialReference& from, const OGRSpatialReference& to) {
  OGRSpatialReference a(from), b(to);
  useTraditionalAxisOrder(a);
  useTraditionalAxisOrder(b);
  static const OGRSpatialReference wgs84 = epsg(4326), bng = epsg(kMapEpsg);
  const bool closed = a.IsGeographic() && a.IsSame(&wgs84) && b.IsSame(&bng) && closedFormAgreesWithProj();
  std::unique_ptr<Transform> t(new Transform(a, b, closed));
  if (!closed) t->ogr();  // a CRS GDAL cannot transform is reported here, not at the first point
  return t;
}

const Transform& Transform::wgs84ToMap() {
  static const std::unique_ptr<Transform> t = between(epsg(4326), epsg(kMapEpsg));
  return *t;
}

std::future<void> Transform::prepareWgs84ToMap() {
  return std::async(std::launch::async, [] { wgs84ToMap(); });
}

const Transform& Transform::mapToWgs84() {
  static const std::unique_ptr<Transform> t = between(epsg(kMapEpsg), epsg(4326));
  return *t;
}

Transform::~Transform() {
  if (ct_) OGRCoordinateTransformation::DestroyCT(ct_);
}

OGRCoordinateTransformation* Transform::ogr() const {
  std::call_once(made_, [this] { ct_ = makeGdal(*from_, *to_); });
  return ct_;
}

bool Transform::apply(double& x, double& y) const { return applyMany(1, &x, &y); }

bool Transform::applyMany(std::size_t n, double* xs, double* ys, int* ok) const {
  if (!closedForm_) {
    std::vector<int> own;
    if (!ok) own.resize(n), ok = own.data();
    {
      const std::lock_guard lock(ctInUse_);
      ogr()->Transform(n, xs, ys, nullptr, ok);
    }
    for (std::size_t i = 0; i < n; ++i)
      if (!ok[i]) return false;
    return true;
  }
  // Points outside the closed form's area go to GDAL together; PROJ chooses per point, so
  // batching them changes nothing.
  std::vector<std::size_t> rest;
  for (std::size_t i = 0; i < n; ++i) {
    const bool done = wgs84ToBng(xs[i], ys[i]);
    if (ok) ok[i] = done;
    if (!done) rest.push_back(i);
  }
  if (rest.empty()) return true;
  std::vector<double> rx(rest.size()), ry(rest.size());
  std::vector<int> rok(rest.size(), FALSE);
  for (std::size_t k = 0; k < rest.size(); ++k) rx[k] = xs[rest[k]], ry[k] = ys[rest[k]];
  {
    const std::lock_guard lock(ctInUse_);
    ogr()->Transform(rest.size(), rx.data(), ry.data(), nullptr, rok.data());
  }
  bool all = true;
  for (std::size_t k = 0; k < rest.size(); ++k) {
    xs[rest[k]] = rx[k], ys[rest[k]] = ry[k];
    if (ok) ok[rest[k]] = rok[k];
    all &= rok[k] != FALSE;
  }
  return all;
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
