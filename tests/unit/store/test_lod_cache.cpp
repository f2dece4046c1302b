// Levels of detail stored in a GeoPackage: read back equal to what was built, and refused when
// the geometry they were made from has changed.
#include <unistd.h>

#include <filesystem>

#include <gdal_utils.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include "store/boundary_loader.h"
#include "store/lod_cache.h"
#include "unit/test_support.h"

using namespace cm;

namespace {

// The ONS councils of every year, in BNG in a GeoPackage of their own, as the compiler writes them.
class StoredLevels : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    GDALAllRegister();
    path_ = (std::filesystem::temp_directory_path() / ("councilmap-lod-" + std::to_string(::getpid()) + ".gpkg")).string();
    std::filesystem::remove(path_);
    std::vector<std::string> args = {"-f",   "GPKG",     "-t_srs", "EPSG:27700", "-s_srs", "EPSG:4326", "-nlt", "PROMOTE_TO_MULTI",
                                     "-nln", "councils", "ltla"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    GDALVectorTranslateOptions* opts = GDALVectorTranslateOptionsNew(argv.data(), nullptr);
    GDALDatasetH src =
        GDALOpenEx(sharedData("boundaries/ons_uk_topojson_2014_2025.gpkg").c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    ASSERT_TRUE(src);
    GDALDatasetH out = GDALVectorTranslate(path_.c_str(), nullptr, 1, &src, opts, nullptr);
    GDALVectorTranslateOptionsFree(opts);
    GDALClose(src);
    ASSERT_TRUE(out);
    GDALClose(out);
    Diagnostics diag;
    ASSERT_TRUE(storeLevelsOfDetail(path_, {"councils"}, diag, {}, &report_)) << diag.items().size();
    full_ = loadBoundaries({path_, "councils", "", ""}, diag);
  }
  static void TearDownTestSuite() { std::filesystem::remove(path_); }

  static std::string path_;
  static std::vector<LodLayerReport> report_;
  static BoundarySet full_;
};
std::string StoredLevels::path_;
std::vector<LodLayerReport> StoredLevels::report_;
BoundarySet StoredLevels::full_;

}  // namespace

TEST_F(StoredLevels, ReadBackAsBuilt) {
  ASSERT_EQ(report_.size(), 1u);
  EXPECT_GT(report_[0].bytes, 0u);
  const auto stored = readLevelsOfDetail(path_, "councils", full_);
  ASSERT_TRUE(stored);
  const LevelsOfDetail built = buildLevelsOfDetail(full_);
  ASSERT_EQ(stored->tolerances, built.tolerances);
  ASSERT_GE(built.tolerances.size(), 2u);
  EXPECT_EQ(built.tolerances.back(), 0);
  for (std::size_t l = 0; l < built.meshes.size(); ++l) {
    const MapMesh &a = stored->meshes[l], &b = built.meshes[l];
    EXPECT_EQ(a.featureCount(), full_.features.size());
    ASSERT_EQ(a.vertices.size(), b.vertices.size());
    EXPECT_EQ(a.triangles, b.triangles);
    for (std::size_t f = 0; f < a.featureCount(); ++f) {
      EXPECT_EQ(a.fillRanges[f].first, b.fillRanges[f].first);
      EXPECT_EQ(a.fillRanges[f].count, b.fillRanges[f].count);
      EXPECT_EQ(a.borderRanges[f].count, b.borderRanges[f].count);
    }
    // Coarse levels are stored to the centimetre; the full level is laid out from the geometry,
    // the very floats buildMapMesh makes.
    const bool isFull = l + 1 == built.meshes.size();
    double worst = 0;
    std::size_t differ = 0;
    for (std::size_t v = 0; v < a.vertices.size(); ++v) {
      worst = std::max({worst, std::abs(double(a.vertices[v].x) + a.origin.x - b.vertices[v].x - b.origin.x),
                        std::abs(double(a.vertices[v].y) + a.origin.y - b.vertices[v].y - b.origin.y)});
      differ += a.vertices[v].x != b.vertices[v].x || a.vertices[v].y != b.vertices[v].y;
      ASSERT_EQ(a.vertices[v].feature, b.vertices[v].feature);
    }
    EXPECT_LE(worst, 0.01) << "level " << l;
    if (isFull) {
      EXPECT_EQ(differ, 0u);
    }
  }
  // The full level is exactly what every other caller builds.
  const MapMesh mesh = buildMapMesh(full_);
  EXPECT_EQ(stored->meshes.back().triangles, mesh.triangles);
  bool fromCache = false;
  levelsOfDetailFor(full_, path_, "councils", &fromCache);
  EXPECT_TRUE(fromCache);
}

TEST_F(StoredLevels, OtherGeometryIsRebuiltNotMisread) {
  BoundarySet moved = full_;
  moved.points[1000].x += 1;
  EXPECT_FALSE(readLevelsOfDetail(path_, "councils", moved));
  bool fromCache = true;
  const LevelsOfDetail lod = levelsOfDetailFor(moved, path_, "councils", &fromCache);
  EXPECT_FALSE(fromCache);
  EXPECT_EQ(lod.meshes.back().featureCount(), moved.features.size());
  EXPECT_FALSE(readLevelsOfDetail(path_, "no_such_layer", full_));
  EXPECT_FALSE(readLevelsOfDetail(sharedData("boundaries/ons_uk_topojson_2014_2025.gpkg"), "ltla", full_));  // no table
}

TEST_F(StoredLevels, DamagedRowsAreRefused) {
  const std::string copy = path_ + ".damaged.gpkg";
  std::filesystem::copy_file(path_, copy, std::filesystem::copy_options::overwrite_existing);
  {
    auto* ds = static_cast<GDALDataset*>(GDALOpenEx(copy.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr));
    ASSERT_TRUE(ds);
    ds->ExecuteSQL("UPDATE lod_meshes SET mesh = x'789c030000000001' WHERE level = 0", nullptr, nullptr);
    GDALClose(ds);
  }
  EXPECT_FALSE(readLevelsOfDetail(copy, "councils", full_));
  std::filesystem::remove(copy);
}

TEST_F(StoredLevels, PickFollowsTheZoom) {
  const auto stored = readLevelsOfDetail(path_, "councils", full_);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->pick(1500), 0u);                      // the whole UK at 1280x800
  EXPECT_EQ(stored->pick(1), stored->meshes.size() - 1);  // streets: the full detail
  EXPECT_EQ(&stored->meshFor(1), &stored->meshes.back());
  EXPECT_LT(stored->meshes[0].vertices.size(), stored->meshes.back().vertices.size() * 3 / 4);
}
