#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include "geo/picker.h"
#include "store/boundary_loader.h"
#include "store/data_locator.h"
#include "store/projection.h"
#include "unit/test_support.h"

using namespace cm;

namespace {

const BoundarySet& onsCouncils() {
  static const BoundarySet set = [] {
    Diagnostics d;
    return loadBoundaries({sharedData(kDefaultBoundaries), kDefaultBoundaryLayer, "", ""}, d);
  }();
  return set;
}

std::optional<std::string> codeAt(const BoundarySet& set, const Picker& picker, double lon, double lat, int year) {
  Transform::wgs84ToMap().apply(lon, lat);
  const auto f = picker.pick({lon, lat}, year);
  if (!f) return std::nullopt;
  return set.features[*f].code;
}

}  // namespace

TEST(Boundaries, DefaultCouncilLayerLoadsEveryFeature) {
  REQUIRE_SHARED_DATA(kDefaultBoundaries);
  const auto& set = onsCouncils();
  EXPECT_EQ(set.features.size(), 407u);
  EXPECT_TRUE(set.hasYears);
  for (const auto& f : set.features) EXPECT_TRUE(f.drawable()) << f.code;
  // British National Grid: the UK sits roughly within 0..700 km east (NI goes a little negative), 0..1250 km north.
  EXPECT_GT(set.extent.minX, -250000);
  EXPECT_LT(set.extent.maxX, 700000);
  EXPECT_GT(set.extent.minY, -10000);
  EXPECT_LT(set.extent.maxY, 1250000);
}

TEST(Boundaries, CouncilCountsPerYearFollowTheMergers) {
  REQUIRE_SHARED_DATA(kDefaultBoundaries);
  const auto& set = onsCouncils();
  const std::pair<int, std::size_t> expected[] = {{2014, 391}, {2018, 391}, {2019, 382}, {2020, 379},
                                                  {2021, 374}, {2022, 374}, {2023, 361}, {2025, 361}};
  for (auto [year, count] : expected) EXPECT_EQ(set.featuresIn(year).size(), count) << year;
  // Code changes end some areas in 2017 (Fife, Perth and Kinross); the last new codes start in 2025.
  EXPECT_EQ(set.yearRange(), (std::pair{2017, 2025}));
}

TEST(Boundaries, ChristchurchBecomesBcpIn2019) {
  REQUIRE_SHARED_DATA(kDefaultBoundaries);
  const auto& set = onsCouncils();
  const Picker picker(set);
  const double lon = -1.7783, lat = 50.7356;                    // Christchurch Priory
  EXPECT_EQ(codeAt(set, picker, lon, lat, 2018), "E07000048");  // Christchurch district
  EXPECT_EQ(codeAt(set, picker, lon, lat, 2020), "E06000058");  // Bournemouth, Christchurch and Poole
  const auto bcp = set.findByCode("E06000058", 2020);
  ASSERT_TRUE(bcp);
  EXPECT_EQ(set.features[*bcp].name, "Bournemouth, Christchurch and Poole");
  EXPECT_FALSE(set.features[*set.findByCode("E07000048", 2018)].existsIn(2020));
}

TEST(Boundaries, PickingKnownPlaces) {
  REQUIRE_SHARED_DATA(kDefaultBoundaries);
  const auto& set = onsCouncils();
  const Picker picker(set);
  struct Place {
    const char* what;
    double lon, lat;
    const char* code;
  } places[] = {
      {"Trafalgar Square", -0.1281, 51.5080, "E09000033"},  // Westminster
      {"Haringey Civic Centre", -0.1076, 51.5959, "E09000014"}, {"Birmingham New Street", -1.8996, 52.4778, "E08000025"},
      {"Cardiff Castle", -3.1810, 51.4822, "W06000015"},        {"Edinburgh Castle", -3.2008, 55.9486, "S12000036"},
      {"Belfast City Hall", -5.9301, 54.5964, "N09000003"},     {"Carlisle Cathedral (2024: Cumberland)", -2.9393, 54.8946, "E06000063"},
  };
  for (const auto& p : places) EXPECT_EQ(codeAt(set, picker, p.lon, p.lat, 2024), p.code) << p.what;
  EXPECT_EQ(codeAt(set, picker, -2.9393, 54.8946, 2018), "E07000028") << "Carlisle district before 2023";
  EXPECT_FALSE(codeAt(set, picker, -3.0, 54.0, 2024)) << "Irish Sea";
  EXPECT_FALSE(codeAt(set, picker, 1.9, 51.0, 2024)) << "English Channel";
}

TEST(Boundaries, LayerWithoutCrsIsTakenAsWgs84AndSaidSo) {
  const std::string topo = sharedData("boundaries/ons_uk_topojson_2014_2025.topo.json");
  REQUIRE_SHARED_DATA("boundaries/ons_uk_topojson_2014_2025.topo.json");
  Diagnostics d;
  const auto set = loadBoundaries({topo, "ltla", "", ""}, d);
  EXPECT_EQ(set.features.size(), 407u);
  ASSERT_FALSE(d.items().empty());
  EXPECT_NE(d.items().front().message.find("taken as EPSG:4326"), std::string::npos);
  EXPECT_NEAR(set.extent.maxY, onsCouncils().extent.maxY, 1.0);
}

TEST(Boundaries, MissingLayerAndFileGiveClearErrors) {
  Diagnostics d;
  try {
    loadBoundaries({sharedData(kDefaultBoundaries), "nope", "", ""}, d);
    FAIL();
  } catch (const LoadError& e) {
    EXPECT_NE(std::string(e.what()).find("no layer 'nope'"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("ltla"), std::string::npos) << e.what();
  }
  EXPECT_THROW(loadBoundaries({"/nonexistent/file.gpkg", "", "", ""}, d), LoadError);
}

TEST(Boundaries, FirstPolygonLayerAndFieldDetectionOnMartinjc) {
  const std::string path = "boundaries/lad_2013_gb_lgd_2012_ni_martinjc.gpkg";
  REQUIRE_SHARED_DATA(path);
  Diagnostics d;
  const auto set = loadBoundaries({sharedData(path), "", "", ""}, d);
  EXPECT_EQ(set.layer, "lad_2013_gb");
  EXPECT_EQ(set.features.size(), 380u);
  EXPECT_FALSE(set.hasYears);
  EXPECT_EQ(set.features.front().code.substr(0, 1), "E");
  EXPECT_FALSE(set.features.front().name.empty());
}
