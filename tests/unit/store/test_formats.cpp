// Loading through OGR from several formats, with tiny fixtures generated at test time.
#include <filesystem>
#include <memory>

#include <gdal_utils.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include "base/csv_table.h"
#include "store/boundary_loader.h"
#include "store/tables.h"

using namespace cm;
namespace fs = std::filesystem;

namespace {

// Two areas near London in WGS84: a square with a square hole, and a curved area (a circle arc
// polygon, which must be linearised), plus a feature without geometry and a point feature.
fs::path writeFixtureGpkg() {
  GDALAllRegister();
  const fs::path dir = fs::temp_directory_path() / ("councilmap-formats-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path path = dir / "fixture.gpkg";
  fs::remove(path);
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
  GDALDataset* ds = drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
  OGRSpatialReference wgs84;
  wgs84.importFromEPSG(4326);
  OGRLayer* layer = ds->CreateLayer("areas", &wgs84, wkbUnknown, nullptr);
  OGRFieldDefn code("WD99CD", OFTString), name("WD99NM", OFTString);
  layer->CreateField(&code);
  layer->CreateField(&name);
  auto add = [&](const char* c, const char* n, const char* wkt) {
    OGRFeature* f = OGRFeature::CreateFeature(layer->GetLayerDefn());
    f->SetField("WD99CD", c);
    f->SetField("WD99NM", n);
    if (wkt) {
      OGRGeometry* g = nullptr;
      OGRGeometryFactory::createFromWkt(wkt, &wgs84, &g);
      f->SetGeometryDirectly(g);
    }
    EXPECT_EQ(layer->CreateFeature(f), OGRERR_NONE);
    OGRFeature::DestroyFeature(f);
  };
  add("E05000001", "Holed Square",
      "MULTIPOLYGON(((-0.2 51.4,0.0 51.4,0.0 51.6,-0.2 51.6,-0.2 51.4),(-0.15 51.45,-0.05 51.45,-0.05 51.55,-0.15 51.55,-0.15 51.45)))");
  add("E05000002", "Curved", "CURVEPOLYGON(CIRCULARSTRING(0.1 51.5,0.2 51.6,0.3 51.5,0.2 51.4,0.1 51.5))");
  add("E05000003", "No Geometry", nullptr);
  add("E05000004", "A Point", "POINT(0.5 51.5)");
  GDALClose(ds);
  return path;
}

fs::path translate(const fs::path& src, const char* driver, const char* ext) {
  const fs::path out = fs::path(src).replace_extension(ext);
  fs::remove_all(out);
  // Shapefiles and GeoJSON cannot hold curves or mixed types: keep polygons, linearised.
  const char* args[] = {"-f", driver, "-nlt", "MULTIPOLYGON", "-where", "WD99CD IN ('E05000001','E05000002')", nullptr};
  GDALVectorTranslateOptions* opts = GDALVectorTranslateOptionsNew(const_cast<char**>(args), nullptr);
  GDALDatasetH in = GDALOpenEx(src.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
  GDALDatasetH res = GDALVectorTranslate(out.c_str(), nullptr, 1, &in, opts, nullptr);
  GDALVectorTranslateOptionsFree(opts);
  GDALClose(in);
  EXPECT_NE(res, nullptr) << driver;
  GDALClose(res);
  return out;
}

}  // namespace

TEST(Formats, GeoPackageWithCurvesHolesAndUnusableFeatures) {
  Diagnostics d;
  const auto set = loadBoundaries({writeFixtureGpkg().string(), "", "", ""}, d);
  ASSERT_EQ(set.features.size(), 4u) << "no feature is dropped silently";
  EXPECT_EQ(set.features[0].name, "Holed Square");
  EXPECT_EQ(set.parts[set.features[0].firstPart].ringCount, 2u) << "the hole is kept";
  EXPECT_GT(set.features[1].partCount, 0u) << "the curve polygon is linearised";
  EXPECT_GT(set.ringPoints(set.rings[set.parts[set.features[1].firstPart].firstRing]).size(), 20u);
  EXPECT_FALSE(set.features[2].drawable());
  EXPECT_FALSE(set.features[3].drawable());
  std::string all;
  for (const auto& item : d.items()) all += item.text() + "\n";
  EXPECT_NE(all.find("E05000003 (No Geometry): has no geometry"), std::string::npos) << all;
  EXPECT_NE(all.find("E05000004 (A Point): is a Point"), std::string::npos) << all;
}

TEST(Formats, GeoJsonFlatGeobufAndShapefileLoadAlike) {
  const fs::path gpkg = writeFixtureGpkg();
  Diagnostics d;
  const auto reference = loadBoundaries({gpkg.string(), "", "", ""}, d);
  for (auto [driver, ext] : {std::pair{"GeoJSON", ".geojson"}, {"FlatGeobuf", ".fgb"}, {"ESRI Shapefile", ".shp"}}) {
    Diagnostics dd;
    const auto set = loadBoundaries({translate(gpkg, driver, ext).string(), "", "", ""}, dd);
    ASSERT_EQ(set.features.size(), 2u) << driver;
    // FlatGeobuf stores features in spatial-index order, so look them up by code.
    const auto square = set.findByCode("E05000001", 2024), curved = set.findByCode("E05000002", 2024);
    ASSERT_TRUE(square && curved) << driver;
    EXPECT_EQ(set.features[*curved].name, "Curved") << driver;
    EXPECT_EQ(set.parts[set.features[*square].firstPart].ringCount, 2u) << driver << ": hole kept";
    EXPECT_NEAR(set.features[*square].bbox.minX, reference.features[0].bbox.minX, 0.01) << driver;
    EXPECT_NEAR(set.features[*square].bbox.maxY, reference.features[0].bbox.maxY, 0.01) << driver;
  }
}

TEST(Formats, ProjectedInputIsNotReprojectedTwice) {
  // A layer already in British National Grid keeps its coordinates.
  const fs::path gpkg = writeFixtureGpkg();
  const fs::path bng = fs::path(gpkg).replace_filename("bng.gpkg");
  fs::remove(bng);
  const char* args[] = {"-f", "GPKG", "-t_srs", "EPSG:27700", "-where", "WD99CD = 'E05000001'", nullptr};
  GDALVectorTranslateOptions* opts = GDALVectorTranslateOptionsNew(const_cast<char**>(args), nullptr);
  GDALDatasetH in = GDALOpenEx(gpkg.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
  GDALClose(GDALVectorTranslate(bng.c_str(), nullptr, 1, &in, opts, nullptr));
  GDALVectorTranslateOptionsFree(opts);
  GDALClose(in);
  Diagnostics d1, d2;
  const auto a = loadBoundaries({gpkg.string(), "", "", ""}, d1);
  const auto b = loadBoundaries({bng.string(), "", "", ""}, d2);
  EXPECT_NEAR(a.features[0].bbox.minX, b.features[0].bbox.minX, 1.0);
  EXPECT_NEAR(a.features[0].bbox.minY, b.features[0].bbox.minY, 1.0);
}

// readTable writes whole numbers and dates itself (faster than GDAL's snprintf); what it writes must
// be exactly what GDAL's GetFieldAsString gives, for every kind of value.
TEST(Formats, TableValuesReadAsGdalWritesThem) {
  GDALAllRegister();
  const fs::path dir = fs::temp_directory_path() / ("councilmap-table-values-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path path = dir / "values.gpkg";
  fs::remove(path);
  GDALDataset* ds = GetGDALDriverManager()->GetDriverByName("GPKG")->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
  OGRLayer* layer = ds->CreateLayer("values", nullptr, wkbNone, nullptr);
  OGRFieldDefn count("count", OFTInteger), big("big", OFTInteger64), when("when", OFTDate), share("share", OFTReal),
      note("note", OFTString);
  for (OGRFieldDefn* d : {&count, &big, &when, &share, &note}) layer->CreateField(d);
  struct Row {
    int count;
    GIntBig big;
    int y, m, d;
    double share;
    const char* note;
  };
  const Row rows[] = {{0, 0, 2019, 5, 2, 0.5, "Ynys M\xC3\xB4n"},
                      {-7, -9000000000LL, 1999, 12, 31, 1e-7, ""},
                      {2147483647, 9223372036854775807LL, 2026, 1, 1, 33.333333333, "a, \"quoted\" note"},
                      {12, 1, 999, 3, 4, -2.0, "a year of three digits"}};
  for (const Row& r : rows) {
    OGRFeature* f = OGRFeature::CreateFeature(layer->GetLayerDefn());
    f->SetField("count", r.count);
    f->SetField("big", r.big);
    f->SetField("when", r.y, r.m, r.d);
    f->SetField("share", r.share);
    f->SetField("note", r.note);
    ASSERT_EQ(layer->CreateFeature(f), OGRERR_NONE);
    OGRFeature::DestroyFeature(f);
  }
  OGRFeature* empty = OGRFeature::CreateFeature(layer->GetLayerDefn());  // every field null
  ASSERT_EQ(layer->CreateFeature(empty), OGRERR_NONE);
  OGRFeature::DestroyFeature(empty);
  GDALClose(ds);

  Diagnostics diag;
  const CsvTable t = readTable(path.string(), "values", diag);
  EXPECT_EQ(diag.count(Severity::Warning) + diag.count(Severity::Error), 0u);
  ASSERT_EQ(t.rows.size(), 5u);
  std::unique_ptr<GDALDataset> in(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr)));
  std::size_t r = 0;
  for (auto& f : *in->GetLayerByName("values")) {
    ASSERT_LT(r, t.rows.size());
    for (int i = 0; i < f->GetFieldCount(); ++i)
      EXPECT_EQ(t.get(t.rows[r], t.column(f->GetFieldDefnRef(i)->GetNameRef())), f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "")
          << "row " << r << ", column " << f->GetFieldDefnRef(i)->GetNameRef();
    ++r;
  }
  EXPECT_EQ(t.get(t.rows[0], t.column("when")), "2019/05/02");
  fs::remove_all(dir);
}
