#include <gtest/gtest.h>

#include "data/projection.h"

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

TEST(Projection, RoundTrip) {
  double x = -1.8904, y = 52.4862;  // Birmingham
  Transform::wgs84ToMap().apply(x, y);
  Transform::mapToWgs84().apply(x, y);
  EXPECT_NEAR(x, -1.8904, 1e-7);
  EXPECT_NEAR(y, 52.4862, 1e-7);
}
