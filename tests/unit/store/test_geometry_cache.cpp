#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include "base/csv_table.h"
#include "geo/detail_levels.h"
#include "store/boundary_loader.h"
#include "store/cache/cache_file.h"
#include "store/cache/geometry_cache.h"
#include "store/cache/table_cache.h"
#include "store/tables.h"
#include "unit/test_support.h"

using namespace cm;
namespace fs = std::filesystem;

namespace {

// Each test gets an empty cache folder of its own.
class GeometryCache : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("councilmap-cache-test-" + std::to_string(::getpid()) + "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    if (const char* old = std::getenv("COUNCILMAP_CACHE_DIR")) saved_ = old;
    setenv("COUNCILMAP_CACHE_DIR", (dir_ / "cache").c_str(), 1);
  }
  void TearDown() override {
    if (saved_)
      setenv("COUNCILMAP_CACHE_DIR", saved_->c_str(), 1);
    else
      unsetenv("COUNCILMAP_CACHE_DIR");
    fs::remove_all(dir_);
  }
  // A copy of a shared file, so its modification time can be changed.
  std::string copyOf(const std::string& rel) {
    const fs::path to = dir_ / fs::path(rel).filename();
    fs::copy_file(sharedData(rel), to);
    return to.string();
  }
  std::vector<fs::path> entries() const {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(dir_ / "cache")) out.push_back(e.path());
    return out;
  }
  fs::path dir_;
  std::optional<std::string> saved_;
};

void expectSame(const BoundarySet& a, const BoundarySet& b) {
  EXPECT_EQ(a.layer, b.layer);
  EXPECT_EQ(a.crsNote, b.crsNote);
  EXPECT_EQ(a.hasYears, b.hasYears);
  ASSERT_EQ(a.features.size(), b.features.size());
  for (std::size_t i = 0; i < a.features.size(); ++i) {
    const Feature &x = a.features[i], &y = b.features[i];
    ASSERT_TRUE(x.code == y.code && x.name == y.name && x.parent == y.parent && x.startYear == y.startYear && x.endYear == y.endYear &&
                x.firstPart == y.firstPart && x.partCount == y.partCount)
        << "feature " << i;
  }
  EXPECT_EQ(a.parts.size(), b.parts.size());
  EXPECT_EQ(a.rings.size(), b.rings.size());
  EXPECT_EQ(geometryHash(a), geometryHash(b));  // every coordinate, bit for bit
}

}  // namespace

// A large layer is kept after its first load and comes back identical, with the problems its loading
// reported, without GDAL reading the file again.
TEST_F(GeometryCache, LargeLayerComesBackIdenticalWithItsDiagnostics) {
  REQUIRE_SHARED_DATA("wards/wards_dec2020_uk.gpkg");
  const std::string file = copyOf("wards/wards_dec2020_uk.gpkg");
  Diagnostics first, second;
  first.warn("earlier", "", "a problem from before this load");
  const BoundarySet loaded = loadBoundaries({file, "", "", ""}, first);
  ASSERT_GE(loaded.vertexCount(), kCachedLayerMinVertices);
  ASSERT_EQ(entries().size(), 1u);
  const auto cached = readCachedBoundaries({file, "", "", ""}, second);
  ASSERT_TRUE(cached);
  expectSame(loaded, *cached);
  EXPECT_EQ(cached->source, file);
  ASSERT_EQ(second.items().size() + 1, first.items().size()) << "only this load's diagnostics are kept";
  for (std::size_t i = 0; i < second.items().size(); ++i) EXPECT_EQ(second.items()[i].text(), first.items()[i + 1].text());

  // The problems are told again, naming the file as this caller spells it.
  Diagnostics problems, replayed;
  problems.warn(file, "E05000001 (Somewhere)", "2 points with non-finite coordinates skipped");
  problems.info("elsewhere.csv", "line 3", "unrelated");
  storeCachedBoundaries({file, "", "", ""}, loaded, problems, 0);
  const std::string respelt = (fs::path(file).parent_path() / "." / fs::path(file).filename()).string();
  ASSERT_TRUE(readCachedBoundaries({respelt, "", "", ""}, replayed));
  ASSERT_EQ(replayed.items().size(), 2u);
  EXPECT_EQ(replayed.items()[0].file, respelt);
  EXPECT_EQ(replayed.items()[0].severity, Severity::Warning);
  EXPECT_EQ(replayed.items()[0].message, "2 points with non-finite coordinates skipped");
  EXPECT_EQ(replayed.items()[1].file, "elsewhere.csv");
  EXPECT_EQ(replayed.items()[1].severity, Severity::Info);
}

TEST_F(GeometryCache, SmallLayersAreNotKept) {
  REQUIRE_SHARED_DATA("boundaries/ons_uk_topojson_2014_2025.gpkg");
  Diagnostics d;
  const BoundarySet set = loadBoundaries({sharedData("boundaries/ons_uk_topojson_2014_2025.gpkg"), "ltla", "", ""}, d);
  EXPECT_LT(set.vertexCount(), kCachedLayerMinVertices);
  EXPECT_FALSE(fs::exists(dir_ / "cache"));
}

// A changed file, another layer or other fields are other entries; a damaged entry is ignored.
TEST_F(GeometryCache, EntriesFollowTheFileAndRefuseDamage) {
  REQUIRE_SHARED_DATA("wards/wards_dec2020_uk.gpkg");
  const std::string file = copyOf("wards/wards_dec2020_uk.gpkg");
  Diagnostics d;
  loadBoundaries({file, "", "", ""}, d);
  EXPECT_TRUE(readCachedBoundaries({file, "", "", ""}, d));
  EXPECT_FALSE(readCachedBoundaries({file, "", "WD20NM", ""}, d));
  fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(1));
  EXPECT_FALSE(readCachedBoundaries({file, "", "", ""}, d)) << "modified since";
  fs::last_write_time(file, fs::last_write_time(file) - std::chrono::seconds(1));
  ASSERT_TRUE(readCachedBoundaries({file, "", "", ""}, d));
  const fs::path entry = entries().front();
  fs::resize_file(entry, fs::file_size(entry) - 100);
  EXPECT_FALSE(readCachedBoundaries({file, "", "", ""}, d)) << "truncated";
  std::ofstream(entry, std::ios::binary) << "not a cache entry";
  EXPECT_FALSE(readCachedBoundaries({file, "", "", ""}, d)) << "overwritten";
}

TEST_F(GeometryCache, LevelsComeBackForTheSameGeometryOnly) {
  REQUIRE_SHARED_DATA("boundaries/ons_uk_topojson_2014_2025.gpkg");
  Diagnostics d;
  BoundarySet set = loadBoundaries({sharedData("boundaries/ons_uk_topojson_2014_2025.gpkg"), "ltla", "", ""}, d);
  EXPECT_FALSE(hasCachedLevels(set));
  const LevelsOfDetail made = buildLevelsOfDetail(set);
  storeCachedLevels(set, made);
  EXPECT_TRUE(hasCachedLevels(set));
  const auto back = readCachedLevels(set);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->tolerances, made.tolerances);
  ASSERT_EQ(back->meshes.size(), made.meshes.size());
  for (std::size_t l = 0; l < made.meshes.size(); ++l) {
    EXPECT_EQ(back->meshes[l].triangles, made.meshes[l].triangles);
    ASSERT_EQ(back->meshes[l].vertices.size(), made.meshes[l].vertices.size());
    EXPECT_EQ(0, std::memcmp(back->meshes[l].vertices.data(), made.meshes[l].vertices.data(),
                             made.meshes[l].vertices.size() * sizeof(MeshVertex)));
  }
  set.points[100].x += 0.01;  // a centimetre elsewhere is another geometry
  EXPECT_FALSE(readCachedLevels(set));
}

TEST_F(GeometryCache, PruningRemovesTheLeastRecentlyUsed) {
  const fs::path folder = dir_ / "prune";
  fs::create_directories(folder);
  for (int i = 0; i < 4; ++i) {
    std::ofstream(folder / std::to_string(i)) << std::string(1000, 'x');
    fs::last_write_time(folder / std::to_string(i), fs::file_time_type::clock::now() - std::chrono::hours(10 - i));
  }
  touchCacheFile(folder / "0");  // used just now
  pruneCacheFolder(folder, 2500);
  EXPECT_TRUE(fs::exists(folder / "0"));
  EXPECT_FALSE(fs::exists(folder / "1"));
  EXPECT_FALSE(fs::exists(folder / "2"));
  EXPECT_TRUE(fs::exists(folder / "3"));
}

// A GeoPackage with one table: a code, a count, and a name whose bytes are not UTF-8 (reading warns).
void writeTable(const fs::path& file) {
  GDALAllRegister();
  GDALDriver* gpkg = GetGDALDriverManager()->GetDriverByName("GPKG");
  ASSERT_NE(gpkg, nullptr);
  std::unique_ptr<GDALDataset> ds(gpkg->Create(file.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  ASSERT_TRUE(ds);
  OGRLayer* layer = ds->CreateLayer("seats", nullptr, wkbNone, nullptr);
  ASSERT_NE(layer, nullptr);
  OGRFieldDefn code("code", OFTString), seats("seats", OFTInteger), name("name", OFTString);
  layer->CreateField(&code);
  layer->CreateField(&seats);
  layer->CreateField(&name);
  const char* rows[][3] = {{"E09000014", "57", "Haringey"}, {"W06000015", "79", "Caerdydd \xff"}};
  for (const auto& row : rows) {
    OGRFeature f(layer->GetLayerDefn());
    f.SetField("code", row[0]);
    f.SetField("seats", std::atoi(row[1]));
    f.SetField("name", row[2]);
    ASSERT_EQ(layer->CreateFeature(&f), OGRERR_NONE);
  }
}

// A GeoPackage table comes back from the cache as it was read, with the problems reading found;
// a changed file or a damaged entry is read again.
TEST_F(GeometryCache, TablesComeBackWithTheirProblemsUntilTheFileChanges) {
  const fs::path file = dir_ / "tables.gpkg";
  writeTable(file);
  Diagnostics first;
  const CsvTable read = readTable(file.string(), "seats", first);
  ASSERT_EQ(read.rows.size(), 2u);
  ASSERT_EQ(first.items().size(), 1u) << "the name that is not UTF-8";
  ASSERT_EQ(entries().size(), 1u);
  Diagnostics second;
  const auto cached = readCachedTable(file.string(), "seats", second);
  ASSERT_TRUE(cached);
  EXPECT_EQ(cached->path, read.path);
  EXPECT_EQ(cached->columns, read.columns);
  ASSERT_EQ(cached->rows.size(), read.rows.size());
  for (std::size_t i = 0; i < read.rows.size(); ++i) {
    EXPECT_EQ(cached->rows[i].line, read.rows[i].line);
    EXPECT_EQ(cached->rows[i].values, read.rows[i].values);
  }
  ASSERT_EQ(second.items().size(), 1u);
  EXPECT_EQ(second.items()[0].file, first.items()[0].file);
  EXPECT_EQ(second.items()[0].record, first.items()[0].record);
  EXPECT_EQ(second.items()[0].message, first.items()[0].message);
  Diagnostics d;
  EXPECT_FALSE(readCachedTable(file.string(), "other", d));
  const fs::path entry = entries().front();
  fs::resize_file(entry, fs::file_size(entry) - 10);
  EXPECT_FALSE(readCachedTable(file.string(), "seats", d)) << "truncated";
  EXPECT_EQ(readTable(file.string(), "seats", d).rows.size(), 2u) << "read again, and kept again";
  EXPECT_TRUE(readCachedTable(file.string(), "seats", d));
  fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(1));
  EXPECT_FALSE(readCachedTable(file.string(), "seats", d)) << "modified since";
}

// The compiled dataset's layers are kept whatever their size, with their levels of detail, so a
// start that has read them before need not load GDAL (store/gdal/gdal_module.h).
TEST_F(GeometryCache, TheCompiledDatasetsLayersAreKeptWhateverTheirSize) {
  REQUIRE_SHARED_DATA("boundaries/ons_uk_topojson_2014_2025.gpkg");
  const std::string file = sharedData("boundaries/ons_uk_topojson_2014_2025.gpkg");
  Diagnostics d;
  const BoundarySet set = loadBoundaries({file, "ltla", "", "", true}, d);
  ASSERT_LT(set.vertexCount(), kCachedLayerMinVertices);
  Diagnostics again;
  const auto cached = readCachedBoundaries({file, "ltla", "", "", true}, again);
  ASSERT_TRUE(cached);
  expectSame(set, *cached);
}
