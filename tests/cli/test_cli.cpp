// Command-line tests: run the real councilmap binary the way a user or a script would.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <stb_image.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <cstring>
#include <fstream>
#include <functional>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <optional>
#include <set>

#include "../run_binary.h"

namespace fs = std::filesystem;
using cm::run::Outcome;

namespace {

Outcome run(const std::string& args) {
  static int counter = 0;
  const fs::path errFile = fs::temp_directory_path() / ("councilmap-cli-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".err");
  // A fresh preferences folder per run, so no test reads another's settings or touches the user's.
  const fs::path config = fs::path(COUNCILMAP_TEST_OUTPUT) / "config" / (std::to_string(::getpid()) + "-" + std::to_string(counter));
  return cm::run::runCommand("SDL_VIDEODRIVER=offscreen COUNCILMAP_CONFIG_DIR=" + config.string() + " " COUNCILMAP_BINARY " " + args,
                                 errFile);
}

// Runs the window on a script and returns the state it wrote at the end (defined with the viewer tests).
nlohmann::json viewerState(const std::string& args, const std::string& scriptBody, const std::string& name,
                           const std::string& keptConfig = "");

nlohmann::json query(const std::string& at, const std::string& extra = "") {
  const Outcome r = run("query --at " + at + " " + extra);
  EXPECT_EQ(r.code, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::path(COUNCILMAP_TEST_OUTPUT) / "cli";
  fs::create_directories(dir);
  return dir / name;
}

// While it lives, the commands run() starts use `folder` as their cache (tests/CMakeLists.txt runs
// them without one).
class CacheFolder {
 public:
  explicit CacheFolder(const fs::path& folder) {
    if (const char* before = std::getenv("COUNCILMAP_CACHE_DIR")) before_ = before;
    ::setenv("COUNCILMAP_CACHE_DIR", folder.c_str(), 1);
  }
  ~CacheFolder() { before_ ? ::setenv("COUNCILMAP_CACHE_DIR", before_->c_str(), 1) : ::unsetenv("COUNCILMAP_CACHE_DIR"); }
  CacheFolder(const CacheFolder&) = delete;
  CacheFolder& operator=(const CacheFolder&) = delete;

 private:
  std::optional<std::string> before_;
};

// Runs command("first") and then command("again") with `cache`, emptied before, as their cache folder,
// and checks that only the first loaded GDAL (-v says whether a run did): the second read the cache.
void expectGdalOnlyTheFirstTime(const fs::path& cache, const std::function<std::string(const std::string&)>& command) {
  fs::remove_all(cache);
  const auto once = [&](const std::string& run) {
    return cm::run::runCommand("COUNCILMAP_CACHE_DIR=" + cache.string() + " " + command(run) + " -v", scratch(cache.filename().string() + "-" + run + ".err"));
  };
  const Outcome first = once("first"), again = once("again");
  ASSERT_EQ(first.code, 0) << first.err;
  ASSERT_EQ(again.code, 0) << again.err;
  EXPECT_NE(first.err.find("councilmap: GDAL loaded"), std::string::npos) << first.err;
  EXPECT_NE(again.err.find("councilmap: GDAL not loaded"), std::string::npos) << again.err;
}

}  // namespace

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
  // Northern Ireland has no composition before 2026: unknown is null, not a guess.
  const auto ni = query("-5.9301,54.5964", "--date 2019-06-01");
  EXPECT_TRUE(ni["council"]["control"].is_null());
  EXPECT_TRUE(ni["council"]["seats"].is_null());
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

TEST(CliQuery, DefaultDateIsInTheDatasLatestYear) {
  const auto j = query("-0.1276,51.5072");
  EXPECT_EQ(j["date"].get<std::string>().substr(0, 4), "2025");
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

// The executable is a launcher for libcouncilmap.so beside it (app/launcher.cpp): copied alone, it
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

// GDAL's part of the program is loaded when first needed (data/gdal_module.h): without it, what
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
    return COUNCILMAP_BINARY " export --boundaries " COUNCILMAP_TEST_DATA "/wards/wards_2013_gb_bgc_martinjc.gpkg --size 640x480 --no-caption --out " +
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
  for (const char* bad : {"--size 0x100", "--size 99999x10", "--focus NOPE", "--bbox 1,2,3", "--bbox 1,2,1,3",
                          "--focus E09000014 --bbox -1,51,0,52"}) {
    const Outcome r = run("export --out " + png.string() + " " + bad);
    EXPECT_NE(r.code, 0) << bad;
    EXPECT_FALSE(r.err.empty()) << bad;
    EXPECT_FALSE(fs::exists(png)) << bad;
  }
}

TEST(CliViewer, ScriptedHoverClickZoomAndEscape) {
  // Drive the real window (SDL offscreen) through SDL's event queue and read its state back.
  const fs::path script = scratch("viewer.script");
  const fs::path s1 = scratch("state1.json"), s2 = scratch("state2.json"), s3 = scratch("state3.json"), shot = scratch("viewer.png");
  std::ofstream(script) << "wait 2\nmove 500 500\nwait 2\nstate " << s1.string() << "\nclick 500 500\nwait 2\nscreenshot "
                        << shot.string() << "\nstate " << s2.string() << "\nwheel 500 500 4\ndrag 500 500 400 400\nkey Escape\nwait 2\nstate "
                        << s3.string() << "\n";
  const Outcome r = run("--script " + script.string() + " --width 1280 --height 800 --date 2024-06-01");
  ASSERT_EQ(r.code, 0) << r.err;
  auto load = [](const fs::path& p) { return nlohmann::json::parse(std::ifstream(p)); };
  const auto a = load(s1), b = load(s2), c = load(s3);
  EXPECT_EQ(a["visible_areas"], 361);
  ASSERT_TRUE(a["hovered"].is_string()) << "the centre of the default view is over land";
  EXPECT_TRUE(a["selected"].is_null());
  EXPECT_EQ(b["selected"], a["hovered"]) << "clicking selects what was hovered";
  EXPECT_TRUE(c["selected"].is_null()) << "Esc clears the selection";
  EXPECT_LT(c["camera"]["metres_per_pixel"].get<double>(), b["camera"]["metres_per_pixel"].get<double>() / 2) << "wheel zooms in";
  EXPECT_NE(c["camera"]["centre"], b["camera"]["centre"]) << "drag pans";
  EXPECT_TRUE(fs::exists(shot));
}

// The window's first frame draws the map straight into the window (MapCanvas::drawToWindow); later
// frames copy the map image. Both must show the same map, and the same panels: the first frame lays
// them out once before drawing, so the legend, caption and attribution (which ImGui sizes to fit) are
// there from the start.
TEST(CliViewer, FirstFrameShowsTheSameMapAsLaterOnes) {
  const fs::path script = scratch("first-frame.script"), first = scratch("first-frame.png"), later = scratch("later-frame.png");
  std::ofstream(script) << "screenshot " << first.string() << "\nwait 2\nscreenshot " << later.string() << "\n";
  const fs::path config = scratch("first-frame-config");
  fs::remove_all(config);
  const Outcome r = run("--script " + script.string() + " --width 1280 --height 800 --date 2019-06-01 --config-dir " + config.string());
  ASSERT_EQ(r.code, 0) << r.err;
  int w = 0, h = 0, n = 0, w2 = 0, h2 = 0;
  unsigned char* a = stbi_load(first.c_str(), &w, &h, &n, 4);
  unsigned char* b = stbi_load(later.c_str(), &w2, &h2, &n, 4);
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  ASSERT_EQ(w, w2);
  ASSERT_EQ(h, h2);
  std::size_t differing = 0, land = 0, legend = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const std::size_t i = (std::size_t(y) * std::size_t(w) + std::size_t(x)) * 4;
      differing += a[i] != b[i] || a[i + 1] != b[i + 1] || a[i + 2] != b[i + 2];
      const bool sea = a[i] == 0xbf && a[i + 1] == 0xd9 && a[i + 2] == 0xea;
      if (y >= 100 && y < 640 && x >= 250 && x < 900) land += !sea;  // Great Britain
      if (y >= 470 && y < 640 && x >= 20 && x < 40) legend += !sea;     // the legend's swatches, bottom-left
    }
  stbi_image_free(a);
  stbi_image_free(b);
  EXPECT_LE(differing, 100u) << "of 1,024,000 pixels";
  EXPECT_GT(land, 50000u) << "the first frame shows the map";
  EXPECT_EQ(legend, 170u * 20u) << "and the legend";
}

// -v tells where the start went, phase by phase, from the launch; and --quit-after-frames draws that
// many frames even when nothing changes between them (it used to wait for input after three).
TEST(CliViewer, VerboseStartPrintsItsTimelineAndQuitAfterFramesDrawsThatMany) {
  const fs::path config = scratch("timeline-config");
  fs::remove_all(config);
  const Outcome r = run("--quit-after-frames 6 --frame-stats -v --width 640 --height 480 --config-dir " + config.string());
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("councilmap: 6 frames, median"), std::string::npos) << r.err;
  const auto at = r.err.find("councilmap: start-up: ");
  ASSERT_NE(at, std::string::npos) << r.err;
  const std::string line = r.err.substr(at, r.err.find('\n', at) - at);
  double previous = -1;
  for (const char* phase : {"program", "window", "map shaders", "panels", "viewer", "first frame"}) {
    const auto p = line.find(std::string(" ") + phase + " ");
    ASSERT_NE(p, std::string::npos) << phase << " in " << line;
    const double ms = std::stod(line.substr(p + std::strlen(phase) + 2));
    EXPECT_GE(ms, previous) << phase << " in " << line;  // on the main thread, in this order
    previous = ms;
  }
  EXPECT_NE(line.find("data read (loader thread) "), std::string::npos) << line;
  EXPECT_NE(line.find(" ms after launch"), std::string::npos) << line;
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
      {"councils_lower", 407}, {"councils_upper", 230}, {"county_councils", 27}, {"wards_2013_gb", 8886},
      {"wards_2012_ni", 462}, {"wards_2019", 8887}, {"wards_2023", 8441}, {"events", 73}, {"control_periods", 4286},
      {"council_register", 470}, {"council_lookup_2014", 391}, {"council_code_changes", 79}};
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
  // loads GDAL (data/gdal_module.h, -v says so), and shows the same map.
  const fs::path cache = scratch("dataset-cache");
  expectGdalOnlyTheFirstTime(cache, [&](const std::string& run) {
    return "SDL_VIDEODRIVER=offscreen " COUNCILMAP_BINARY " --dataset " + out.string() + " --date 2024-06-01 --quit-after-frames 1 --config-dir " +
           scratch("cache-" + run).string();
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
  const Outcome firstStart = cm::run::runCommand("SDL_VIDEODRIVER=offscreen COUNCILMAP_CACHE_DIR=" + cache.string() + " " COUNCILMAP_BINARY
                                                 " --dataset " + out.string() + " --quit-after-frames 1 -v --config-dir " +
                                                 scratch("built-cache-config").string(),
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

namespace {
nlohmann::json viewerState(const std::string& args, const std::string& scriptBody, const std::string& name,
                           const std::string& keptConfig) {
  const fs::path script = scratch(name + ".script"), state = scratch(name + ".json");
  std::ofstream(script) << scriptBody << "state " << state.string() << "\n";
  // Each run keeps its preferences apart, so tests neither see nor disturb each other's or the user's.
  const fs::path config = keptConfig.empty() ? scratch(name + "-config") : fs::path(keptConfig);
  if (keptConfig.empty()) fs::remove_all(config);
  const std::string size = args.find("--width") == std::string::npos ? " --width 1280 --height 800" : "";  // unless args give one
  const Outcome r = run("--script " + script.string() + size + " --config-dir " + config.string() + " " + args);
  EXPECT_EQ(r.code, 0) << r.err;
  return nlohmann::json::parse(std::ifstream(state));
}
int timelineX(const nlohmann::json& s, const std::string& date) {
  // Linear in days between the track's ends, as drawn.
  auto days = [](const std::string& iso) {
    std::tm tm{};
    strptime(iso.c_str(), "%Y-%m-%d", &tm);
    return double(timegm(&tm)) / 86400.0;
  };
  const double t = (days(date) - days(s["timeline"]["first"])) / (days(s["timeline"]["last"]) - days(s["timeline"]["first"]));
  return int(s["timeline"]["left"].get<double>() + t * (s["timeline"]["right"].get<double>() - s["timeline"]["left"].get<double>()));
}
}  // namespace

TEST(CliViewerTimeline, DraggingFrom2016To2024UpdatesTheLegendToThatDatesCounts) {
  const auto before = viewerState("--date 2016-06-01 --colour-by control", "wait 3\n", "tl-before");
  ASSERT_TRUE(before["timeline"]["right"].get<double>() > before["timeline"]["left"].get<double>());
  const int y = int(before["timeline"]["y"].get<double>());
  const std::string drag = "wait 3\ndrag " + std::to_string(timelineX(before, "2016-06-01")) + " " + std::to_string(y) + " " +
                           std::to_string(timelineX(before, "2024-06-15")) + " " + std::to_string(y) + "\nwait 3\n";
  const auto after = viewerState("--date 2016-06-01 --colour-by control", drag, "tl-after");
  EXPECT_EQ(after["date"].get<std::string>().substr(0, 4), "2024") << after["date"];
  EXPECT_EQ(after["visible_areas"], 361) << "the 2023 mergers are on the map";
  const auto direct = viewerState("--date " + after["date"].get<std::string>() + " --colour-by control", "wait 3\n", "tl-direct");
  EXPECT_EQ(after["legend"], direct["legend"]) << "counts after dragging equal the dataset's counts at that date";
  EXPECT_EQ(after["legend"]["Labour"], 113) << "Labour councils in 2024, as in the catalogue";
  EXPECT_NE(before["legend"], after["legend"]);
}

TEST(CliViewerTimeline, PlaybackAdvancesTheDateAndArrowsStepBetweenEvents) {
  const auto played = viewerState("--date 2016-06-01", "wait 2\nkey space\nwait 60\n", "tl-play");
  EXPECT_TRUE(played["playing"]);
  EXPECT_GT(played["date"].get<std::string>(), "2016-06-01");
  const auto stepped = viewerState("--date 2016-06-01", "wait 2\nkey Right\nwait 2\n", "tl-step");
  EXPECT_EQ(stepped["date"], "2016-09-26") << "the next event after 1 June 2016";
}

TEST(CliViewerSearch, AccentInsensitiveSearchFliesToTheCouncilAndSelectsIt) {
  auto s = viewerState("", "wait 2\nkey /\nwait 2\ntype ynys mon\nwait 2\nkey Return\nwait 3\n", "search-ynys");
  EXPECT_EQ(s["selected"], "W06000001");
  EXPECT_FALSE(s["search_open"]);
  s = viewerState("--date 2018-01-28", "wait 2\nkey f\n", "search-noop");  // plain F fits, does not search
  EXPECT_FALSE(s["search_open"]);
  s = viewerState("--date 2018-01-28", "wait 2\nkey /\nwait 2\ntype Haringey\nwait 2\nkey Return\nwait 3\n", "search-haringey");
  EXPECT_EQ(s["selected"], "E09000014");
}

TEST(CliViewerDetails, SearchSelectsHaringeyAndTheDetailsListItsJanuary2018EventsWithSources) {
  const auto s = viewerState("--date 2018-01-28", "wait 2\nkey /\nwait 1\ntype haringey\nwait 1\nkey Return\nwait 3\nkey h\nwait 2\n",
                             "details-haringey");
  EXPECT_EQ(s["selected"], "E09000014");
  EXPECT_TRUE(s["help_open"]) << "H opens the shortcut overlay";
  int january = 0;
  for (const auto& e : s["selected_events"]) {
    if (e["date"].get<std::string>().rfind("2018-01", 0) != 0) continue;
    ++january;
    ASSERT_FALSE(e["sources"].empty()) << e.dump();
    EXPECT_EQ(e["sources"][0].get<std::string>().rfind("http", 0), 0u) << e.dump();
  }
  EXPECT_GE(january, 2) << s["selected_events"].dump();
}

TEST(CliViewerFilter, ClickingAPartyInTheLegendDimsTheOthers) {
  const auto before = viewerState("--date 2024-06-01 --colour-by control", "wait 3\n", "filter-before");
  nlohmann::json labour;
  for (const auto& row : before["legend_rows"])
    if (row["key"] == "LAB") labour = row;
  ASSERT_FALSE(labour.is_null()) << before["legend_rows"].dump();
  const std::string click = "click " + std::to_string(int(labour["x"].get<double>())) + " " + std::to_string(int(labour["y"].get<double>())) + "\n";
  const auto after = viewerState("--date 2024-06-01 --colour-by control", "wait 3\n" + click + "wait 3\n", "filter-after");
  EXPECT_EQ(after["filter"]["control"], nlohmann::json::array({"LAB"}));
  EXPECT_EQ(after["dimmed_areas"].get<int>(), after["visible_areas"].get<int>() - after["legend"]["Labour"].get<int>());
  EXPECT_TRUE(after["selected"].is_null()) << "a legend click is not a map click";
  const auto toggled = viewerState("--date 2024-06-01 --colour-by control", "wait 3\n" + click + "wait 3\n" + click + "wait 3\n", "filter-toggle");
  EXPECT_TRUE(toggled["filter"]["control"].empty()) << "a second click removes the filter";
  EXPECT_EQ(toggled["dimmed_areas"], 0);
}

TEST(CliViewerWards, WardsAppearWhenZoomedIntoBirminghamInTheVintageOfTheDate) {
  const auto national = viewerState("--date 2018-09-01", "wait 4\n", "wards-national");
  EXPECT_FALSE(national["wards_shown"]) << "no wards at national scale";
  EXPECT_EQ(national["wards_mode"], "auto");
  // W cycles: always (every ward border, even at national scale), then off, then back to auto.
  const auto always = viewerState("--date 2018-09-01", "wait 3\nkey w\nwait 4\n", "wards-always");
  EXPECT_EQ(always["wards_mode"], "always");
  EXPECT_TRUE(always["wards_shown"]) << "wards at national scale when asked for always";
  const auto off = viewerState("--date 2018-09-01 --focus E08000025", "wait 3\nkey w\nwait 1\nkey w\nwait 4\n", "wards-off");
  EXPECT_EQ(off["wards_mode"], "off");
  EXPECT_FALSE(off["wards_shown"]) << "off even when zoomed in";
  const auto y2018 = viewerState("--date 2018-09-01 --focus E08000025", "wait 6\n", "wards-2018");
  ASSERT_TRUE(y2018["wards_shown"]);
  EXPECT_EQ(y2018["ward_vintage"], "2013 (GB) + 2012 (NI)");
  EXPECT_EQ(y2018["ward_count"], 8886 + 462);
  EXPECT_GT(y2018["wards_coloured"].get<int>(), 5000) << "2018 councillors colour the wards they cover";
  const auto y2024 = viewerState("--date 2024-06-01 --focus E08000025", "wait 6\n", "wards-2024");
  ASSERT_TRUE(y2024["wards_shown"]);
  EXPECT_EQ(y2024["ward_vintage"], "May 2023");
  EXPECT_EQ(y2024["wards_coloured"], 0) << "no councillor data outside May 2018 - May 2019";
}

// A large file met for the first time is shown at full detail while its levels of detail are made
// in the background; they are kept, so the next run draws from them at once. What the first frame
// drew is asserted, not what a later one did: on a fast machine the levels may be ready by then.
TEST(CliViewerLevels, ALargeFileGetsLevelsInTheBackgroundAndKeepsThem) {
  const fs::path cache = scratch("levels-cache");
  fs::remove_all(cache);
  fs::create_directories(cache);
  CacheFolder folder(cache);
  const std::string wards = "--boundaries " COUNCILMAP_TEST_DATA "/wards/wards_2013_gb_bgc_martinjc.gpkg";
  const auto first = viewerState(wards, "wait 3\n", "levels-first")["detail"];
  const auto second = viewerState(wards, "wait 3\n", "levels-second")["detail"];
  EXPECT_EQ(first["first_frame"]["levels"], 1u) << "the full detail only, meanwhile: " << first.dump();
  if (first["preparing"]) {
    EXPECT_EQ(first["levels"].size(), 1u) << first.dump();
  }
  EXPECT_FALSE(second["preparing"]) << second.dump();
  EXPECT_GT(second["first_frame"]["levels"].get<int>(), 1) << "read back at start-up: " << second.dump();
  EXPECT_LT(second["first_frame"]["vertices"].get<int>(), first["first_frame"]["vertices"].get<int>() / 3) << "a national view draws a coarse level";
}

namespace {
std::string clickAt(const nlohmann::json& xy) {
  return "click " + std::to_string(int(xy[0].get<double>())) + " " + std::to_string(int(xy[1].get<double>())) + "\n";
}
}  // namespace

TEST(CliViewerPanel, TabsSwitchAndTheLayoutAndPreferencesPersistBetweenRuns) {
  const fs::path config = scratch("persist-config");
  fs::remove_all(config);
  const auto first = viewerState("--date 2018-01-28", "wait 3\n", "persist-1", config.string());
  EXPECT_EQ(first["colour_by"], "control") << "the viewer opens coloured by control";
  EXPECT_EQ(first["panel"]["open"], true);
  const auto tabs = first["panel"]["tabs"];
  // Statistics tab, colour by disputes (C), colour-blind palette (B), dispute hatch (D), fold the panel (Tab).
  const auto changed = viewerState("--date 2018-01-28", "wait 3\n" + clickAt(tabs["Statistics"]) + "wait 3\nstate " +
                                       scratch("persist-mid.json").string() + "\nmove 600 400\nwait 2\nkey c\nwait 1\nkey b\nwait 1\nkey d\nwait 1\nkey Tab\nwait 3\n",
                                   "persist-2", config.string());
  const auto mid = nlohmann::json::parse(std::ifstream(scratch("persist-mid.json")));
  EXPECT_EQ(mid["panel"]["tab"], "Statistics");
  EXPECT_EQ(changed["colour_by"], "disputes");
  EXPECT_EQ(changed["panel"]["open"], false);
  EXPECT_TRUE(fs::exists(config / "settings.json"));
  EXPECT_TRUE(fs::exists(config / "imgui.ini")) << "ImGui's own layout file sits beside the settings";
  const auto again = viewerState("--date 2018-01-28", "wait 3\n", "persist-3", config.string());
  EXPECT_EQ(again["colour_by"], "disputes");
  EXPECT_EQ(again["look"]["colour_blind_safe"], true);
  EXPECT_EQ(again["look"]["hatch_disputes"], true);
  EXPECT_EQ(again["panel"]["open"], false);
  EXPECT_EQ(again["panel"]["tab"], "Statistics");
  const auto overridden = viewerState("--date 2018-01-28 --colour-by faction", "wait 3\n", "persist-4", config.string());
  EXPECT_EQ(overridden["colour_by"], "faction") << "the command line wins over saved preferences";
  // A broken settings file is reported and ignored, never fatal.
  std::ofstream(config / "settings.json") << "{ not json";
  const Outcome broken = run("--quit-after-frames 2 --width 640 --height 480 --config-dir " + config.string());
  EXPECT_EQ(broken.code, 0) << broken.err;
  EXPECT_NE(broken.err.find("settings.json"), std::string::npos) << broken.err;
}

TEST(CliViewerPanel, TheTierSwitchesInTheWindow) {
  const auto s = viewerState("--date 2024-06-01", "wait 3\nkey t\nwait 3\n", "tier-upper");
  EXPECT_EQ(s["tier"], "upper");
  const auto lower = viewerState("--date 2024-06-01", "wait 3\n", "tier-lower");
  EXPECT_LT(s["visible_areas"].get<int>(), lower["visible_areas"].get<int>()) << "fewer upper-tier councils than districts";
}

TEST(CliViewerPanel, ScalesForHighDensityDisplays) {
  const auto normal = viewerState("--date 2024-06-01 --ui-scale 1", "wait 3\n", "scale-1");
  const auto doubled = viewerState("--date 2024-06-01 --ui-scale 2", "wait 3\nscreenshot " + scratch("scale-2.png").string() + "\n", "scale-2");
  EXPECT_EQ(doubled["ui_scale"], 2.0);
  EXPECT_NEAR(doubled["panel"]["width"].get<double>(), 2 * normal["panel"]["width"].get<double>(), 2.0);
}

TEST(CliViewerPanel, TheMapOpensClearOfThePanelAndTheAttribution) {
  // At 1280x800 the attribution's box used to cover Cornwall and the Isles of Scilly.
  for (const char* scale : {"1", "1.5"}) {
    const auto s = viewerState(std::string("--date 2016-06-01 --ui-scale ") + scale, "wait 3\n", std::string("clear-") + scale);
    const auto& e = s["extent_on_screen"];
    EXPECT_GT(s["attribution_box"]["top"].get<double>(), 0) << scale;
    EXPECT_LE(e["bottom"].get<double>(), s["attribution_box"]["top"].get<double>()) << "at ui scale " << scale;
    EXPECT_LE(e["right"].get<double>(), s["drawable"][0].get<double>() - s["panel"]["width"].get<double>()) << scale;
    EXPECT_GE(e["top"].get<double>(), 0) << scale;
    EXPECT_GE(e["left"].get<double>(), 0) << scale;
  }
  // --focus fits the council into the same space: it used to fill the whole window, under the panel.
  const auto s = viewerState("--date 2018-09-01 --focus E08000025", "wait 3\n", "clear-focus");
  const auto& f = s["selected_on_screen"];
  EXPECT_EQ(s["selected"], "E08000025");
  EXPECT_LE(f["right"].get<double>(), s["drawable"][0].get<double>() - s["panel"]["width"].get<double>());
  EXPECT_LE(f["bottom"].get<double>(), s["attribution_box"]["top"].get<double>());
  EXPECT_GE(f["top"].get<double>(), 0);
}

// In a small window the data credit narrows to the room right of the legend, or where there is too
// little, the legend goes above it; they never overlap, and the map is fitted above the credit.
TEST(CliViewerPanel, TheCreditAndTheLegendNeverOverlap) {
  const auto overlap = [](const nlohmann::json& a, const nlohmann::json& b) {
    return a["left"] < b["right"] && b["left"] < a["right"] && a["top"] < b["bottom"] && b["top"] < a["bottom"];
  };
  // 640x480 with the side panel folded (Tab), as a small export is laid out.
  for (const char* size : {"--width 1280 --height 800", "--width 800 --height 600", "--width 640 --height 480"}) {
    for (const char* look : {"--colour-by control", "--colour-by control --tint-noc --hatch-disputes --faction-outline"}) {
      const std::string args = std::string(size) + " --date 2018-03-01 " + look;
      const bool small = std::string(size).find("640") != std::string::npos;
      const auto s = viewerState(args, small ? "wait 3\nkey Tab\nwait 3\n" : "wait 3\n", "credit-legend");
      const auto& legend = s["legend_box"];
      const auto& credit = s["attribution_box"];
      EXPECT_GT(legend["right"].get<double>(), legend["left"].get<double>()) << args;
      EXPECT_GT(credit["right"].get<double>(), credit["left"].get<double>()) << args;
      EXPECT_FALSE(overlap(legend, credit)) << args << "\nlegend " << legend.dump() << "\ncredit " << credit.dump();
      EXPECT_GE(legend["top"].get<double>(), 0) << args;
      if (!small) {  // folding the panel does not move the map
        EXPECT_LE(s["extent_on_screen"]["bottom"].get<double>(), credit["top"].get<double>() + 1) << args;
      }
    }
  }
}

TEST(CliViewerWards, SearchFindsAWardFliesThereAndMarksWardEvents) {
  const auto s = viewerState("--date 2018-09-01", "wait 2\nkey /\nwait 2\ntype hodge hill\nwait 2\nkey Return\nwait 6\n", "ward-search");
  EXPECT_EQ(s["selected"], "E08000025") << "the ward's council (Birmingham) is selected";
  ASSERT_TRUE(s["selected_ward"].is_string()) << s.dump();
  EXPECT_EQ(s["selected_ward"].get<std::string>().substr(0, 3), "E05");
  EXPECT_TRUE(s["wards_shown"]);
  bool hodgeHill = false;
  for (const auto& m : s["ward_markers"]) hodgeHill |= m["ward"] == "Hodge Hill";
  EXPECT_TRUE(hodgeHill) << "events naming Hodge Hill ward are marked there: " << s["ward_markers"].dump();
}

TEST(CliViewerFilter, PanelFiltersCombineDimTheRestAndNarrowTheStatistics) {
  // Filters tab, open "Region or nation", tick London, then tick Labour under "Party in control"
  // (positions as laid out at 1280x800 and UI scale 1).
  const auto s = viewerState("--date 2024-06-01 --ui-scale 1",
                             "wait 3\nclick 1000 45\nwait 3\nclick 1000 408\nwait 3\nclick 930 583\nwait 3\nclick 930 158\nwait 3\n",
                             "panel-filter");
  EXPECT_EQ(s["filter"]["regions"], nlohmann::json::array({"London"})) << s["filter"].dump();
  EXPECT_EQ(s["filter"]["control"], nlohmann::json::array({"LAB"}));
  const int london = s["statistics"]["councils"].get<int>();
  EXPECT_GT(london, 15);
  EXPECT_LT(london, 33) << "Labour councils in London only";
  EXPECT_EQ(s["statistics"]["by_control"]["LAB"], london);
  EXPECT_EQ(s["dimmed_areas"].get<int>(), s["visible_areas"].get<int>() - london);
}
