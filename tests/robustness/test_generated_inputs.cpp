// Bad inputs that are easier to make than to keep (a shapefile without its .prj, deeply nested
// JSON, random bytes, an absurd compiled dataset), and what the corpus files must load as.
#include <filesystem>
#include <fstream>
#include <random>

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include "base/csv_table.h"
#include "base/utf8.h"
#include "corpus_cases.h"
#include "geo/picker.h"
#include "politics/control_history.h"
#include "politics/events.h"
#include "store/boundary_loader.h"
#include "store/projection.h"
#include "store/record_files.h"
#include "store/tables.h"

namespace cm {
namespace {

namespace fs = std::filesystem;
using corpus::corpusPath;

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::path(COUNCILMAP_TEST_OUTPUT) / "generated";
  fs::create_directories(dir);
  return dir / name;
}

bool mentions(const Diagnostics& d, Severity s, const std::string& text) {
  for (const auto& item : d.items())
    if (item.severity == s && item.text().find(text) != std::string::npos) return true;
  return false;
}

Point2 toMap(double lon, double lat) {
  Transform::wgs84ToMap().apply(lon, lat);
  return {lon, lat};
}

TEST(RoundTrip, WelshAndGaelicNamesAreKeptExactly) {
  Diagnostics d;
  const BoundarySet set = loadBoundaries({corpusPath("boundaries/welsh_and_gaelic_names.geojson"), "", "", ""}, d);
  ASSERT_EQ(set.features.size(), 4u);
  EXPECT_EQ(set.features[0].name, "Ynys M\u00f4n");
  EXPECT_EQ(set.features[1].name, "Comhairle nan Eilean Siar");
  EXPECT_EQ(set.features[2].name, "Bro Morgannwg");
  EXPECT_EQ(d.count(Severity::Warning), 0u);

  Diagnostics t;
  const EventLog log = readEvents(corpusPath("tables/events_bom_crlf.csv"), t);
  ASSERT_EQ(log.all().size(), 2u);
  EXPECT_EQ(log.all()[0].id, "ev-1");  // the byte-order mark is not part of the first column's name
  EXPECT_EQ(log.all()[0].title, "Cyngor Sir Ynys M\u00f4n, in Welsh");
  EXPECT_EQ(log.all()[1].title, "Comhairle nan Eilean Siar");
  EXPECT_EQ(log.all()[1].councils, (std::vector<std::string>{"W06000001", "S12000013"}));
  for (const Event& e : log.all()) EXPECT_EQ(e.confidence, "verified");  // no '\r' left on the last column
}

TEST(RoundTrip, InvalidUtf8IsRepairedSoTheNameCanBeShown) {
  Diagnostics d;
  const BoundarySet set = loadBoundaries({corpusPath("boundaries/invalid_utf8_names.geojson"), "", "", ""}, d);
  ASSERT_EQ(set.features.size(), 2u);
  EXPECT_EQ(set.features[0].name, "Caf\uFFFD Ward \uFFFD");
  for (const Feature& f : set.features) EXPECT_TRUE(isValidUtf8(f.code) && isValidUtf8(f.name)) << f.code;
}

TEST(Coordinates, ProjectedInputIsNotReprojected) {
  Diagnostics d;
  const BoundarySet set = loadBoundaries({corpusPath("boundaries/projected_27700.geojson"), "", "", ""}, d);
  ASSERT_EQ(set.features.size(), 1u);
  EXPECT_DOUBLE_EQ(set.features[0].bbox.minX, 520000);
  EXPECT_DOUBLE_EQ(set.features[0].bbox.maxY, 180000);
}

TEST(Coordinates, OneBadVertexCostsThatVertexNotTheArea) {
  for (const char* file : {"boundaries/nan_coordinates.geojson", "boundaries/huge_coordinates_27700.geojson"}) {
    Diagnostics d;
    const BoundarySet set = loadBoundaries({corpusPath(file), "", "", ""}, d);
    for (const Feature& f : set.features) EXPECT_TRUE(f.drawable()) << file << " " << f.code;
    EXPECT_LT(set.extent.maxX, 1e6) << file;  // the map extent is not blown up by the absurd point
  }
}

TEST(Rings, AHoleOutsideItsShellIsNotAPhantomArea) {
  Diagnostics d;
  const BoundarySet set = loadBoundaries({corpusPath("boundaries/hole_outside_shell.geojson"), "", "", ""}, d);
  const Picker picker(set);
  EXPECT_TRUE(picker.pick(toMap(-0.15, 51.5), 2020).has_value());
  EXPECT_FALSE(picker.pick(toMap(0.525, 51.475), 2020).has_value());  // inside the stray "hole"
}

TEST(Generated, ShapefileWithoutPrjInBritishNationalGridIsRecognised) {
  GDALAllRegister();
  const fs::path dir = scratch("no_prj_shapefile");
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string file = (dir / "wards.shp").string();
  {
    auto* drv = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
    std::unique_ptr<GDALDataset> ds(drv->Create(file.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* l = ds->CreateLayer("wards", nullptr, wkbPolygon, nullptr);
    OGRFieldDefn code("code", OFTString), name("name", OFTString);
    l->CreateField(&code);
    l->CreateField(&name);
    OGRFeature f(l->GetLayerDefn());
    f.SetField("code", "E05000001");
    f.SetField("name", "A ward");
    OGRPolygon poly;
    OGRLinearRing ring;
    for (auto [x, y] : {std::pair{530000., 180000.}, {531000., 180000.}, {531000., 181000.}, {530000., 181000.}, {530000., 180000.}})
      ring.addPoint(x, y);
    poly.addRing(&ring);
    f.SetGeometry(&poly);
    ASSERT_EQ(l->CreateFeature(&f), OGRERR_NONE);
  }
  ASSERT_FALSE(fs::exists(dir / "wards.prj"));
  Diagnostics d;
  const BoundarySet set = loadBoundaries({file, "", "", ""}, d);
  ASSERT_EQ(set.features.size(), 1u);
  EXPECT_TRUE(set.features[0].drawable());
  EXPECT_DOUBLE_EQ(set.features[0].bbox.minX, 530000);
  EXPECT_TRUE(mentions(d, Severity::Info, "look like British National Grid metres, so taken as EPSG:27700")) << d.items().size();
}

TEST(Generated, DeeplyNestedJsonStopsWithAnErrorNotACrash) {
  const fs::path file = scratch("deeply_nested.geojson");
  std::ofstream(file)
      << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":)"
      << std::string(100000, '[') << std::string(100000, ']') << "}}]}";
  Diagnostics d;
  try {
    const BoundarySet set = loadBoundaries({file.string(), "", "", ""}, d);
    for (const Feature& f : set.features) EXPECT_FALSE(f.drawable());
  } catch (const LoadError& e) {
    EXPECT_NE(std::string(e.what()).find(file.string()), std::string::npos) << e.what();
  }
}

TEST(Generated, RandomBytesUnderAGeodataNameStopWithAnError) {
  std::mt19937 rng(5);
  for (const char* name : {"random.gpkg", "random.geojson", "random.topojson", "random.shp", "random.fgb"}) {
    const fs::path file = scratch(name);
    std::ofstream out(file, std::ios::binary);
    for (int i = 0; i < 65536; ++i) out.put(char(rng()));
    out.close();
    Diagnostics d;
    try {
      loadBoundaries({file.string(), "", "", ""}, d);
      ADD_FAILURE() << name << " loaded";
    } catch (const LoadError& e) {
      EXPECT_NE(std::string(e.what()).find(file.string()), std::string::npos) << e.what();
    }
  }
}

TEST(Generated, AMissingFileSaysSo) {
  Diagnostics d;
  try {
    loadBoundaries({scratch("does-not-exist.geojson").string(), "", "", ""}, d);
    ADD_FAILURE();
  } catch (const LoadError& e) {
    EXPECT_NE(std::string(e.what()).find("no such file or folder"), std::string::npos) << e.what();
  }
  const CsvTable t = readCsv(scratch("does-not-exist.csv").string(), d);
  EXPECT_TRUE(mentions(d, Severity::Error, "does-not-exist.csv: cannot read the table: no such file"));
}

// A compiled dataset edited by hand, or corrupt: a year of two billion once sized a vector by it.
TEST(Generated, CompiledDatasetWithAbsurdYearsIsReportedNotAllocated) {
  GDALAllRegister();
  const fs::path file = scratch("absurd_compiled.gpkg");
  fs::remove(file);
  {
    auto* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
    std::unique_ptr<GDALDataset> ds(drv->Create(file.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* l = ds->CreateLayer("control_periods", nullptr, wkbNone, nullptr);
    for (const char* n :
         {"council", "name", "election_year", "total_seats", "control", "largest", "source_label", "administration", "note", "source"}) {
      OGRFieldDefn f(n, OFTString);
      l->CreateField(&f);
    }
    for (const char* year : {"2000000000", "2018", "-5"}) {
      OGRFeature f(l->GetLayerDefn());
      f.SetField("council", "E09000014");
      f.SetField("election_year", year);
      f.SetField("total_seats", "57");
      f.SetField("source", "no line here");
      ASSERT_EQ(l->CreateFeature(&f), OGRERR_NONE);
    }
  }
  Diagnostics d;
  const ControlHistory h = readCompiledControl(file.string(), d);
  EXPECT_EQ(h.size(), 1u);
  EXPECT_EQ(h.firstYear(), 2018);
  EXPECT_TRUE(mentions(d, Severity::Warning, "election year '2000000000'")) << d.items().size();
}

}  // namespace
}  // namespace cm
