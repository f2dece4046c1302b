// Command-line tests: run the real councilmap binary the way a user or a script would (the window's
// scripted tests are in test_cli_viewer.cpp).
#include <fstream>
#include <set>

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>
#include <stb_image.h>

#include "cli_support.h"

using namespace cli;

TEST(CliQuery, KnownPlacesOnTheirDates) {
  struct Case {
    const char* at;
    const char* date;
    const char* code;
    const char* name;
  } cases[] = {
      {"-0.1276,51.5072", "2024-06-01", "E09000033", "Westminster"},
      {"-0.1076,51.5959", "2018-06-01", "E09000014", "Haringey"},
      {"-1.7783,50.7356", "2018-06-01", "E07000048", "Christchurch"},
      {"-1.7783,50.7356", "2020-06-01", "E06000058", "Bournemouth, Christchurch and Poole"},
      {"-2.9393,54.8946", "2024-06-01", "E06000063", "Cumberland"},
      {"-3.1810,51.4822", "2024-06-01", "W06000015", "Cardiff"},
      {"-4.2518,55.8642", "2024-06-01", "S12000046", "Glasgow City"},
      {"-5.9301,54.5964", "2024-06-01", "N09000003", "Belfast"},
  };
  for (const auto& c : cases) {
    const auto j = query(c.at, std::string("--date ") + c.date);
    EXPECT_EQ(j["date"], c.date);
    ASSERT_TRUE(j["council"].is_object()) << c.at << " " << j.dump();
    EXPECT_EQ(j["council"]["code"], c.code) << c.at;
    EXPECT_EQ(j["council"]["name"], c.name) << c.at;
  }
}

TEST(CliQuery, ControlAndSeatsWithTheirSource) {
  const auto j = query("-0.1076,51.5959", "--date 2018-06-01");
  const auto& c = j["council"];
  EXPECT_EQ(c["tier"], "lower");
  EXPECT_EQ(c["control"], "LAB");
  EXPECT_EQ(c["largest"], "LAB");
  EXPECT_EQ(c["seats"]["LAB"], 42);
  EXPECT_EQ(c["seats"]["LD"], 15);
  EXPECT_EQ(c["total_seats"], 57);
  ASSERT_FALSE(c["sources"].empty());
  EXPECT_NE(c["sources"][0].get<std::string>().find("Open Council Data UK"), std::string::npos);
  // Before 2014 nothing is recorded: unknown is null, not a guess.
  const auto before = query("-0.1076,51.5959", "--date 2013-06-01");
  EXPECT_TRUE(before["council"]["control"].is_null());
  EXPECT_TRUE(before["council"]["seats"].is_null());
}

TEST(CliQuery, OthersHoldControlOnlyAsOneNamedGroup) {
  // Hartlepool after May 2019: a majority of independents and others from several groups.
  const auto hartlepool = query("-1.2129,54.6861", "--date 2019-06-01")["council"];
  EXPECT_EQ(hartlepool["code"], "E06000001");
  EXPECT_EQ(hartlepool["control"], "NOC");
  EXPECT_EQ(hartlepool["largest"], "OTH");
  EXPECT_FALSE(hartlepool.contains("control_group"));
  const auto ashfield = query("-1.2500,53.0800", "--date 2019-06-01")["council"];
  EXPECT_EQ(ashfield["control"], "OTH");
  EXPECT_EQ(ashfield["control_group"], "Ashfield Independents");
  // Belfast: no overall control with Sinn Fein largest after 2019 and 2023, no "NULL" administration.
  for (const char* date : {"2019-06-01", "2023-06-01", "2026-06-01"}) {
    const auto belfast = query("-5.9301,54.5964", std::string("--date ") + date)["council"];
    EXPECT_EQ(belfast["control"], "NOC") << date;
    EXPECT_EQ(belfast["largest"], "SF") << date;
    EXPECT_FALSE(belfast.contains("administration")) << date;
  }
}

TEST(CliQuery, TwoTierAreasReportTheirCounty) {
  auto j = query("-2.9393,54.8946", "--date 2018-06-01");  // Carlisle, in Cumbria until 2023
  EXPECT_EQ(j["council"]["name"], "Carlisle");
  ASSERT_TRUE(j["county"].is_object()) << j.dump();
  EXPECT_EQ(j["county"]["code"], "E10000006");
  EXPECT_EQ(j["county"]["tier"], "upper");
  EXPECT_TRUE(j["county"].contains("control"));
  j = query("-2.9393,54.8946", "--date 2024-06-01");  // Cumberland, a unitary: no county
  EXPECT_EQ(j["council"]["name"], "Cumberland");
  EXPECT_TRUE(j["county"].is_null());
  j = query("-2.9393,54.8946", "--date 2018-06-01 --tier upper");
  EXPECT_EQ(j["council"]["name"], "Cumbria");
  EXPECT_TRUE(j["county"].is_null());
}

TEST(CliQuery, DisputesAndFactionWithSources) {
  const auto j = query("-0.1076,51.5959", "--date 2018-01-28");
  const auto& c = j["council"];
  EXPECT_EQ(c["faction"], "labour_moderate");
  ASSERT_TRUE(c["disputes"].is_array());
  EXPECT_GE(c["disputes"].size(), 3u);
  for (const auto& d : c["disputes"]) {
    EXPECT_TRUE(d.contains("id") && d.contains("type") && d.contains("date") && d.contains("title")) << d.dump();
    EXPECT_FALSE(d["sources"].empty());
  }
  EXPECT_GT(c["sources"].size(), c["disputes"].size());
  const auto quiet = query("-1.8996,52.4778", "--date 2025-06-01");  // Birmingham, no events in 2025
  EXPECT_TRUE(quiet["council"]["disputes"].empty());
  EXPECT_EQ(quiet["council"]["faction"], "unknown");
}

TEST(CliQuery, WardOfTheVintageValidAtTheDate) {
  auto j = query("-0.1076,51.5959", "--date 2018-06-01");  // Haringey Civic Centre, Wood Green
  ASSERT_TRUE(j["ward"].is_object()) << j.dump();
  EXPECT_EQ(j["ward"]["name"], "Noel Park");
  EXPECT_EQ(j["ward"]["vintage"], "2013 (GB)");
  ASSERT_TRUE(j["ward"].contains("councillors_2018"));
  EXPECT_EQ(j["ward"]["councillors_2018"]["parties"], nlohmann::json::array({"LAB", "LAB", "LAB"}));
  j = query("-1.8996,52.4778", "--date 2024-06-01");
  EXPECT_EQ(j["ward"]["vintage"], "May 2023");
  EXPECT_EQ(j["ward"]["code"].get<std::string>().substr(0, 3), "E05");
  EXPECT_FALSE(j["ward"].contains("councillors_2018")) << "2018 councillors are not shown for 2024";
  EXPECT_TRUE(query("-3.0,54.0")["ward"].is_null()) << "sea";
}

TEST(CliCheck, ReportsTheWardJoinRate) {
  const Outcome r = run("check");
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("0 errors"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ward councillors 2018:"), std::string::npos) << r.out;
}

TEST(CliQuery, SeaIsNull) {
  for (const char* at : {"-3.0,54.0", "1.9,51.0", "-10,50"}) {
    const auto j = query(at);
    EXPECT_TRUE(j.contains("council")) << j.dump();
    EXPECT_TRUE(j["council"].is_null()) << at;
  }
}

// Without --date: today, or the data's last day when today is later (the data ends with 2026).
TEST(CliQuery, DefaultDateIsTodayUpToTheDatasLastDay) {
  {
    ScopedEnv today("COUNCILMAP_TODAY", "2026-12-07");
    EXPECT_EQ(query("-0.1276,51.5072")["date"], "2026-12-07");
  }
  ScopedEnv today("COUNCILMAP_TODAY", "2027-03-01");
  EXPECT_EQ(query("-0.1276,51.5072")["date"], "2026-12-31");
}

// A date outside the data is shown, with a warning naming the dates the data covers.
TEST(CliQuery, ADateOutsideTheDataIsWarnedAbout) {
  for (const char* date : {"2010-01-01", "2030-01-01"}) {
    const Outcome r = run(std::string("query --at -0.1276,51.5072 --date ") + date);
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.err.find("warning: --date " + std::string(date) + " is outside the data, which covers 2014-01-01 to 2026-12-31"),
              std::string::npos)
        << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out)["date"], date);
  }
  const Outcome inside = run("query --at -0.1276,51.5072 --date 2019-06-01");
  EXPECT_EQ(inside.err.find("outside the data"), std::string::npos) << inside.err;
}

TEST(CliQuery, AnyOgrSourceWithBoundaries) {
  const auto j = query("-1.8996,52.4778", "--boundaries " COUNCILMAP_TEST_DATA "/wards/wards_dec2019_uk.gpkg");
  ASSERT_TRUE(j["council"].is_object()) << j.dump();
  EXPECT_EQ(j["council"]["code"].get<std::string>().substr(0, 3), "E05");  // a ward code
}

TEST(CliQuery, BadInputFailsWithAClearMessage) {
  Outcome r = run("query --at 1,2,3");
  EXPECT_NE(r.code, 0);
  EXPECT_NE(r.err.find("expected 2"), std::string::npos) << r.err;
  r = run("query --at -0.1,51.5 --date 2018-02-31");
  EXPECT_NE(r.code, 0);
  EXPECT_NE(r.err.find("does not exist"), std::string::npos) << r.err;
  r = run("query --at -0.1,51.5 --boundaries /nonexistent.gpkg");
  EXPECT_NE(r.code, 0);
  EXPECT_NE(r.err.find("/nonexistent.gpkg"), std::string::npos) << r.err;
  r = run("query --at -0.1,51.5 --data /nonexistent-folder");
  EXPECT_NE(r.code, 0);
  EXPECT_NE(r.err.find("no data folder"), std::string::npos) << r.err;
}

TEST(CliHelp, EverySubcommandHasHelp) {
  for (const char* args : {"--help", "export --help", "query --help"}) {
    const Outcome r = run(args);
    EXPECT_EQ(r.code, 0) << args;
    EXPECT_NE(r.out.find("--data"), std::string::npos) << args;
    EXPECT_NE(r.out.find("--boundaries"), std::string::npos) << args;
  }
}

// The executable is a launcher for libcouncilmap.so beside it (app/launch/launcher.cpp): copied alone, it
// says what is missing instead of crashing.
TEST(CliLauncher, SaysSoWhenTheProgramIsNotBesideIt) {
  const fs::path alone = scratch("launcher-alone");
  fs::create_directories(alone);
  fs::copy_file(COUNCILMAP_BINARY, alone / "councilmap", fs::copy_options::overwrite_existing);
  const Outcome r = cm::run::runCommand((alone / "councilmap").string() + " --version", scratch("launcher-alone.err"));
  EXPECT_EQ(r.code, 5);
  EXPECT_NE(r.err.find("cannot load the program"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("libcouncilmap.so"), std::string::npos) << r.err;
}

// The launcher first loads the libraries the build listed beside the program; the build wrote that
// list, and a name in it that cannot be found (a library removed since) is skipped, not fatal.
TEST(CliLauncher, LoadsTheListedLibrariesAndSkipsOnesItCannotFind) {
  const fs::path built = fs::path(COUNCILMAP_BINARY).parent_path();
  std::ifstream listed(built / "libcouncilmap.deps");
  ASSERT_TRUE(listed) << "the build wrote no libcouncilmap.deps";
  for (std::string name; std::getline(listed, name);) {  // empty in sanitizer builds (see CMakeLists.txt)
    if (!name.empty()) {
      EXPECT_NE(name.find(".so"), std::string::npos) << name;
    }
  }
  const std::string first = "libz.so.1";  // one the program needs, through libpng
  const fs::path dir = scratch("launcher-stale-list");
  fs::create_directories(dir);
  fs::copy_file(COUNCILMAP_BINARY, dir / "councilmap", fs::copy_options::overwrite_existing);
  fs::copy_file(built / "libcouncilmap.so", dir / "libcouncilmap.so", fs::copy_options::overwrite_existing);
  std::ofstream(dir / "libcouncilmap.deps") << "libno-such-library.so.7\n" << first << "\n";
  const Outcome r = cm::run::runCommand((dir / "councilmap").string() + " --version", scratch("launcher-stale-list.err"));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("councilmap"), std::string::npos) << r.out;
}

// GDAL's part of the program is loaded when first needed (store/gdal/gdal_module.h): without it, what
// needs GDAL stops with a message naming it, and what does not (--version) still runs.
TEST(CliLauncher, SaysSoWhenGdalsPartIsNotBesideTheProgram) {
  const fs::path built = fs::path(COUNCILMAP_BINARY).parent_path();
  const fs::path dir = scratch("launcher-no-gdal");
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const char* file : {"councilmap", "libcouncilmap.so", "libcouncilmap.deps"})
    fs::copy_file(built / file, dir / file, fs::copy_options::overwrite_existing);
  const std::string program = "COUNCILMAP_CACHE_DIR=off " + (dir / "councilmap").string();
  EXPECT_EQ(cm::run::runCommand(program + " --version", scratch("launcher-no-gdal-version.err")).code, 0);
  const Outcome r = cm::run::runCommand(program + " query --at -0.1,51.5", scratch("launcher-no-gdal.err"));
  EXPECT_EQ(r.code, 4);
  EXPECT_NE(r.err.find("cannot load GDAL's part of the program"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("libcouncilmap_gdal.so"), std::string::npos) << r.err;
}

TEST(CliExport, WritesANonBlankPngOfTheRightSize) {
  const fs::path png = scratch("uk.png");
  fs::remove(png);
  const Outcome r = run("export --out " + png.string() + " --size 1920x1080 --date 2019-06-01");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("382 areas"), std::string::npos) << r.err;  // the 2019 boundaries
  int w = 0, h = 0, n = 0;
  unsigned char* px = stbi_load(png.c_str(), &w, &h, &n, 4);
  ASSERT_NE(px, nullptr);
  EXPECT_EQ(w, 1920);
  EXPECT_EQ(h, 1080);
  std::set<std::uint32_t> colours;
  for (int i = 0; i < w * h; i += 7) colours.insert(reinterpret_cast<std::uint32_t*>(px)[i]);
  stbi_image_free(px);
  EXPECT_GT(colours.size(), 20u) << "image looks blank";
}

// Export colours by control unless told otherwise, as the window does; --colour-by none is the plain map.
TEST(CliExport, ColoursByControlByDefault) {
  const auto bytes = [](const std::string& extra, const std::string& name) {
    const fs::path png = scratch(name);
    const Outcome r = run("export --out " + png.string() + " --size 320x240 --date 2024-06-01 " + extra);
    EXPECT_EQ(r.code, 0) << r.err;
    return cm::run::slurp(png);
  };
  const std::string plain = bytes("", "default.png");
  EXPECT_EQ(plain, bytes("--colour-by control", "control.png"));
  EXPECT_NE(plain, bytes("--colour-by none", "none.png"));
}

TEST(CliExport, EightKAndFocusAndBbox) {
  const fs::path png = scratch("uk8k.png");
  Outcome r = run("export --out " + png.string() + " --size 7680x4320 --focus E09000014");
  ASSERT_EQ(r.code, 0) << r.err;
  int w = 0, h = 0, n = 0;
  ASSERT_TRUE(stbi_info(png.c_str(), &w, &h, &n));
  EXPECT_EQ(w, 7680);
  EXPECT_EQ(h, 4320);
  r = run("export --out " + scratch("bbox.png").string() + " --size 800x600 --bbox -0.55,51.28,0.35,51.70");
  EXPECT_EQ(r.code, 0) << r.err;
}

// A large file of the user's own, exported a second time, comes from the cache without loading GDAL
// (MapSession::readsFromCacheOnly), and the image is the same.
TEST(CliExport, ALargeFileExportedAgainNeedsNoGdal) {
  expectGdalOnlyTheFirstTime(scratch("export-cache"), [](const std::string& run) {
    return COUNCILMAP_BINARY " export --boundaries " COUNCILMAP_TEST_DATA
                             "/wards/wards_2013_gb_bgc_martinjc.gpkg --size 640x480 --no-caption --out " +
           scratch("wards-" + run + ".png").string();
  });
  const auto bytes = [](const fs::path& png) {
    std::ifstream in(png, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
  };
  EXPECT_EQ(bytes(scratch("wards-first.png")), bytes(scratch("wards-again.png")));
}

TEST(CliExport, BadArgumentsAreRefusedWithoutWritingAFile) {
  const fs::path png = scratch("never.png");
  fs::remove(png);
  for (const char* bad :
       {"--size 0x100", "--size 99999x10", "--focus NOPE", "--bbox 1,2,3", "--bbox 1,2,1,3", "--focus E09000014 --bbox -1,51,0,52"}) {
    const Outcome r = run("export --out " + png.string() + " " + bad);
    EXPECT_NE(r.code, 0) << bad;
    EXPECT_FALSE(r.err.empty()) << bad;
    EXPECT_FALSE(fs::exists(png)) << bad;
  }
}

TEST(CliBuildDataset, OneGeoPackageWithEveryLayerInBritishNationalGrid) {
  const fs::path out = scratch("councilmap-uk.gpkg");
  fs::remove(out);
  const Outcome r = run("build-dataset --out " + out.string());
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("100%"), std::string::npos) << "progress is shown: " << r.err;
  GDALAllRegister();
  auto* ds = static_cast<GDALDataset*>(GDALOpenEx(out.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
  ASSERT_NE(ds, nullptr);
  const std::pair<const char*, GIntBig> expected[] = {
      {"councils_lower", 407},   {"councils_upper", 230},   {"county_councils", 27},      {"wards_2013_gb", 8886},
      {"wards_2012_ni", 462},    {"wards_2019", 8887},      {"wards_2023", 8441},         {"events", 73},
      {"control_periods", 4418}, {"council_register", 470}, {"council_lookup_2014", 391}, {"council_code_changes", 79}};
  for (auto [name, count] : expected) {
    OGRLayer* l = ds->GetLayerByName(name);
    ASSERT_NE(l, nullptr) << name;
    EXPECT_EQ(l->GetFeatureCount(), count) << name;
    if (const OGRSpatialReference* srs = l->GetSpatialRef()) {
      EXPECT_STREQ(srs->GetAuthorityCode(nullptr), "27700") << name;
    }
  }
  for (const char* table : {"parties", "factions", "leadership_periods", "sources"}) EXPECT_NE(ds->GetLayerByName(table), nullptr) << table;
  GDALClose(ds);
  // The compiled file is a boundary source like any other.
  const auto j = query("-1.7783,50.7356", "--date 2020-06-01 --boundaries " + out.string() + " --layer councils_lower");
  EXPECT_EQ(j["council"]["code"], "E06000058");
  // Its stored levels of detail: the window draws the coarse level at national scale, the full
  // detail when zoomed into a borough.
  const auto national = viewerState("--dataset " + out.string() + " --date 2024-06-01", "wait 3\n", "lod-national");
  ASSERT_GE(national["detail"]["levels"].size(), 2u) << national["detail"].dump();
  EXPECT_EQ(national["detail"]["level"], 0);
  const auto close = viewerState("--dataset " + out.string() + " --date 2024-06-01 --focus E09000014", "wait 3\n", "lod-close");
  EXPECT_EQ(close["detail"]["level"].get<std::size_t>(), close["detail"]["levels"].size() - 1);
  EXPECT_LT(national["detail"]["vertices"].get<int>(), close["detail"]["vertices"].get<int>() * 3 / 4);

  // Started again on a dataset it has read before, the window reads only the user's cache: it never
  // loads GDAL (store/gdal/gdal_module.h, -v says so), and shows the same map.
  const fs::path cache = scratch("dataset-cache");
  expectGdalOnlyTheFirstTime(cache, [&](const std::string& run) {
    return "SDL_VIDEODRIVER=offscreen " COUNCILMAP_BINARY " --dataset " + out.string() +
           " --date 2024-06-01 --quit-after-frames 1 --config-dir " + scratch("cache-" + run).string();
  });
  auto fromCache = [&] {
    CacheFolder folder(cache);
    return viewerState("--dataset " + out.string() + " --date 2024-06-01", "wait 3\n", "lod-national-cached");
  }();
  auto fromGdal = national;
  fromCache.erase("map_draw_ms");
  fromGdal.erase("map_draw_ms");
  EXPECT_EQ(fromCache, fromGdal);

  // The county councils are read only when first needed: a dataset that lacks them still answers,
  // names what is missing, and the county is null rather than the query failing.
  const fs::path noCounties = scratch("no-counties.gpkg");
  fs::copy_file(out, noCounties, fs::copy_options::overwrite_existing);
  auto* edit = static_cast<GDALDataset*>(GDALOpenEx(noCounties.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr));
  ASSERT_NE(edit, nullptr);
  for (int i = 0; i < edit->GetLayerCount(); ++i)
    if (std::string(edit->GetLayer(i)->GetName()) == "county_councils") edit->DeleteLayer(i);
  GDALClose(edit);
  const Outcome partial = run("query --at -1.2577,51.752 --dataset " + noCounties.string());
  ASSERT_EQ(partial.code, 0) << partial.err;
  EXPECT_NE(partial.err.find("county_councils"), std::string::npos) << partial.err;
  const auto oxford = nlohmann::json::parse(partial.out);
  EXPECT_EQ(oxford["council"]["code"], "E07000178");
  EXPECT_TRUE(oxford["county"].is_null());
}

TEST(CliBuildDataset, AFailedBuildLeavesTheOldFileAlone) {
  const fs::path out = scratch("keep.gpkg");
  std::ofstream(out) << "previous good file";
  const Outcome r = run("build-dataset --out " + out.string() + " --data /nonexistent-data");
  EXPECT_NE(r.code, 0);
  std::ifstream in(out);
  std::string content((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(content, "previous good file");
}

TEST(CliBuildDataset, QueriesFromTheCompiledFileMatchTheSources) {
  const fs::path out = scratch("compiled-for-query.gpkg");
  // Built with a cache folder, the file is read back into it: the window's first start on it needs no GDAL.
  const fs::path cache = scratch("built-cache");
  fs::remove_all(cache);
  const Outcome built = [&] {
    CacheFolder folder(cache);
    return run("build-dataset --out " + out.string());
  }();
  ASSERT_EQ(built.code, 0) << built.err;
  const Outcome firstStart =
      cm::run::runCommand("SDL_VIDEODRIVER=offscreen COUNCILMAP_CACHE_DIR=" + cache.string() + " " COUNCILMAP_BINARY " --dataset " +
                              out.string() + " --quit-after-frames 1 -v --config-dir " + scratch("built-cache-config").string(),
                          scratch("built-cache-start.err"));
  ASSERT_EQ(firstStart.code, 0) << firstStart.err;
  EXPECT_NE(firstStart.err.find("councilmap: GDAL not loaded"), std::string::npos) << firstStart.err;
  for (const char* at : {"-0.1076,51.5959 --date 2018-06-01", "-2.9393,54.8946 --date 2018-06-01", "-0.81,51.81 --date 2020-06-01",
                         "-5.9301,54.5964 --date 2018-06-01", "-1.8996,52.4778 --date 2024-06-01", "-3,54"}) {
    auto compiled = query(at, "--dataset " + out.string());
    auto sources = query(at, "--data " COUNCILMAP_TEST_DATA);
    compiled.erase("boundaries");
    sources.erase("boundaries");
    EXPECT_EQ(compiled, sources) << at;
  }
  const Outcome missing = run("query --at -0.1,51.5 --dataset /nonexistent.gpkg");
  EXPECT_NE(missing.code, 0);
  EXPECT_NE(missing.err.find("build-dataset"), std::string::npos) << missing.err;
}

TEST(CliQuery, DisputeWindowIsConfigurable) {
  // On 1 March 2018 several of Haringey's dispute events lie weeks behind: inside a 180-day window, outside a 0-day one.
  const auto wide = query("-0.1076,51.5959", "--date 2018-03-01");
  const auto narrow = query("-0.1076,51.5959", "--date 2018-03-01 --dispute-window 0");
  EXPECT_GT(wide["council"]["disputes"].size(), narrow["council"]["disputes"].size());
}
