#include <cmath>
#include <memory>
#include <vector>

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include "store/projection.h"
#include "unit/test_support.h"

using namespace cm;

namespace {
struct Landmark {
  const char* name;
  double lon, lat, easting, northing;
};
// Published OS grid references: Nelson's Column TQ 30015 80415, Ben Nevis summit NN 16666 71288,
// Snowdon summit SH 60986 54370, Blackpool Tower SD 3062 3604. The lon/lat are given to five
// decimals (about 1 m) and PROJ applies the Helmert OSGB36 step (no OSTN15 grid in Debian, a few
// metres), so 20 m is the honest tolerance. A wrong axis order misses by thousands of kilometres.
constexpr Landmark kLandmarks[] = {
    {"Nelson's Column", -0.12806, 51.50773, 530015, 180415},
    {"Ben Nevis summit", -5.00352, 56.79685, 216666, 771288},
    {"Snowdon summit", -4.07600, 53.06849, 260986, 354370},
    {"Blackpool Tower", -3.05532, 53.81599, 330620, 436040},
};
}  // namespace

TEST(Projection, Wgs84ToBritishNationalGridLandmarks) {
  for (const auto& l : kLandmarks) {
    double x = l.lon, y = l.lat;
    ASSERT_TRUE(Transform::wgs84ToMap().apply(x, y)) << l.name;
    EXPECT_NEAR(x, l.easting, 20) << l.name;
    EXPECT_NEAR(y, l.northing, 20) << l.name;
  }
}

// query, export and the window make the transformation on another thread while they load, then use it here.
TEST(Projection, MadeOnAnotherThreadThenUsedOnThisOne) {
  auto made = Transform::prepareWgs84ToMap();
  made.get();
  for (const auto& l : kLandmarks) {
    double x = l.lon, y = l.lat;
    ASSERT_TRUE(Transform::wgs84ToMap().apply(x, y)) << l.name;
    EXPECT_NEAR(x, l.easting, 20) << l.name;
    EXPECT_NEAR(y, l.northing, 20) << l.name;
  }
}

TEST(Projection, RoundTrip) {
  double x = -1.8904, y = 52.4862;  // Birmingham
  Transform::wgs84ToMap().apply(x, y);
  Transform::mapToWgs84().apply(x, y);
  EXPECT_NEAR(x, -1.8904, 1e-7);
  EXPECT_NEAR(y, 52.4862, 1e-7);
}

namespace {

// Every vertex of a layer, as stored (WGS 84 longitude/latitude).
void collectVertices(const OGRGeometry* g, std::vector<double>& xs, std::vector<double>& ys) {
  if (!g) return;
  switch (wkbFlatten(g->getGeometryType())) {
    case wkbPolygon:
      for (const auto* ring : *g->toPolygon())
        for (int i = 0; i < ring->getNumPoints(); ++i) xs.push_back(ring->getX(i)), ys.push_back(ring->getY(i));
      break;
    case wkbMultiPolygon:
    case wkbGeometryCollection:
      for (const auto* child : *g->toGeometryCollection()) collectVertices(child, xs, ys);
      break;
    default: break;
  }
}

// The largest distance between the closed form (through Transform) and GDAL's own transformation.
double worstDifference(std::vector<double> xs, std::vector<double> ys) {
  OGRSpatialReference wgs84, bng;
  wgs84.importFromEPSG(4326);
  bng.importFromEPSG(kMapEpsg);
  useTraditionalAxisOrder(wgs84);
  useTraditionalAxisOrder(bng);
  std::unique_ptr<OGRCoordinateTransformation, void (*)(OGRCoordinateTransformation*)> gdal(OGRCreateCoordinateTransformation(&wgs84, &bng),
                                                                                            OGRCoordinateTransformation::DestroyCT);
  std::vector<double> gx = xs, gy = ys;
  std::vector<int> gok(xs.size()), ok(xs.size());
  gdal->Transform(gx.size(), gx.data(), gy.data(), nullptr, gok.data());
  Transform::wgs84ToMap().applyMany(xs.size(), xs.data(), ys.data(), ok.data());
  double worst = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    EXPECT_EQ(ok[i] != 0, gok[i] != 0) << "point " << i;
    if (ok[i] && gok[i]) worst = std::max(worst, std::hypot(xs[i] - gx[i], ys[i] - gy[i]));
  }
  return worst;
}

}  // namespace

// The closed form stands in for PROJ only where it agrees: every vertex of the shared files, and a
// grid reaching past the area where PROJ uses the same operation (points beyond it go to GDAL).
TEST(Projection, ClosedFormMatchesGdalWithinAMillimetre) {
  ASSERT_TRUE(Transform::wgs84ToMap().closedForm()) << "this machine's PROJ picks another operation";
  for (const char* rel : {"wards/wards_2013_gb_bgc_martinjc.gpkg", "wards/wards_ni_2012_martinjc.gpkg", "wards/wards_dec2019_uk.gpkg",
                          "boundaries/ons_uk_topojson_2014_2025.gpkg"}) {
    REQUIRE_SHARED_DATA(rel);
    GDALAllRegister();
    std::unique_ptr<GDALDataset> ds(
        static_cast<GDALDataset*>(GDALOpenEx(sharedData(rel).c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr)));
    ASSERT_TRUE(ds) << rel;
    std::vector<double> xs, ys;
    for (auto& f : *ds->GetLayer(0)) collectVertices(f->GetGeometryRef(), xs, ys);
    ASSERT_GT(xs.size(), 10000u) << rel;
    EXPECT_LT(worstDifference(xs, ys), 1e-3) << rel << ", " << xs.size() << " vertices";
  }
  std::vector<double> xs, ys;
  for (double lon = -12; lon <= 5; lon += 0.05)
    for (double lat = 47; lat <= 63; lat += 0.05) xs.push_back(lon), ys.push_back(lat);
  EXPECT_LT(worstDifference(xs, ys), 1e-3) << "grid";
}

TEST(Projection, PointsBeyondTheClosedFormGoToGdal) {
  // NaN cannot be transformed; Paris and New York are outside the closed form's area but not GDAL's.
  double xs[] = {std::nan(""), 2.3522, -74.006}, ys[] = {51.5, 48.8566, 40.7128};
  int ok[3];
  EXPECT_FALSE(Transform::wgs84ToMap().applyMany(3, xs, ys, ok));
  EXPECT_FALSE(ok[0]);
  EXPECT_TRUE(ok[1]);
  EXPECT_NEAR(xs[1], 719172, 1);  // as cs2cs EPSG:4326 EPSG:27700 gives
  EXPECT_NEAR(ys[1], -106802, 1);
  EXPECT_TRUE(ok[2]);
}
