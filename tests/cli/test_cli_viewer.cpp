// The window driven by scripts (SDL offscreen): input injected through SDL's event queue, the state
// and screenshots it writes read back.
#include <cstring>
#include <ctime>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <stb_image.h>

#include "cli_support.h"

using namespace cli;

TEST(CliViewer, ScriptedHoverClickZoomAndEscape) {
  // Drive the real window (SDL offscreen) through SDL's event queue and read its state back.
  const fs::path script = scratch("viewer.script");
  const fs::path s1 = scratch("state1.json"), s2 = scratch("state2.json"), s3 = scratch("state3.json"), shot = scratch("viewer.png");
  std::ofstream(script) << "wait 2\nmove 500 500\nwait 2\nstate " << s1.string() << "\nclick 500 500\nwait 2\nscreenshot " << shot.string()
                        << "\nstate " << s2.string() << "\nwheel 500 500 4\ndrag 500 500 400 400\nkey Escape\nwait 2\nstate " << s3.string()
                        << "\n";
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
  const fs::path state = scratch("first-frame.json");
  std::ofstream(script) << "screenshot " << first.string() << "\nwait 2\nscreenshot " << later.string() << "\nstate " << state.string()
                        << "\n";
  const fs::path config = scratch("first-frame-config");
  fs::remove_all(config);
  const Outcome r = run("--script " + script.string() + " --width 1280 --height 800 --date 2019-06-01 --config-dir " + config.string());
  ASSERT_EQ(r.code, 0) << r.err;
  // The legend's swatches: a column 20 pixels wide from below its heading to its last row.
  const auto box = nlohmann::json::parse(std::ifstream(state))["legend_box"];
  const int swatchLeft = int(box["left"].get<double>()) + 10, swatchTop = int(box["top"].get<double>()) + 50;
  const int swatchBottom = int(box["bottom"].get<double>()) - 12;
  ASSERT_GT(swatchBottom - swatchTop, 100) << box.dump();
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
      if (y >= 100 && y < 640 && x >= 250 && x < 900) land += !sea;                                      // Great Britain
      if (y >= swatchTop && y < swatchBottom && x >= swatchLeft && x < swatchLeft + 20) legend += !sea;  // bottom-left
    }
  stbi_image_free(a);
  stbi_image_free(b);
  EXPECT_LE(differing, 100u) << "of 1,024,000 pixels";
  EXPECT_GT(land, 50000u) << "the first frame shows the map";
  EXPECT_EQ(legend, std::size_t(swatchBottom - swatchTop) * 20u) << "and the legend";
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

namespace {
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
  const std::string click =
      "click " + std::to_string(int(labour["x"].get<double>())) + " " + std::to_string(int(labour["y"].get<double>())) + "\n";
  const auto after = viewerState("--date 2024-06-01 --colour-by control", "wait 3\n" + click + "wait 3\n", "filter-after");
  EXPECT_EQ(after["filter"]["control"], nlohmann::json::array({"LAB"}));
  EXPECT_EQ(after["dimmed_areas"].get<int>(), after["visible_areas"].get<int>() - after["legend"]["Labour"].get<int>());
  EXPECT_TRUE(after["selected"].is_null()) << "a legend click is not a map click";
  const auto toggled =
      viewerState("--date 2024-06-01 --colour-by control", "wait 3\n" + click + "wait 3\n" + click + "wait 3\n", "filter-toggle");
  EXPECT_TRUE(toggled["filter"]["control"].empty()) << "a second click removes the filter";
  EXPECT_EQ(toggled["dimmed_areas"], 0);
}

TEST(CliViewerWards, WardsAppearWhenZoomedIntoBirminghamInTheVintageOfTheDate) {
  const auto national = viewerState("--date 2018-09-01", "wait 4\n", "wards-national");
  EXPECT_FALSE(national["wards_shown"]) << "no wards at national scale";
  EXPECT_EQ(national["wards_mode"], "auto");
  // W cycles: always (every ward border, even at national scale), then off, then back to auto.
  const auto always = viewerState("--date 2018-09-01", "wait 3\nkey w\nwait 2\nsettle\nwait 2\n", "wards-always");
  EXPECT_EQ(always["wards_mode"], "always");
  EXPECT_TRUE(always["wards_shown"]) << "wards at national scale when asked for always";
  const auto off = viewerState("--date 2018-09-01 --focus E08000025", "wait 3\nkey w\nwait 1\nkey w\nwait 4\n", "wards-off");
  EXPECT_EQ(off["wards_mode"], "off");
  EXPECT_FALSE(off["wards_shown"]) << "off even when zoomed in";
  const auto y2018 = viewerState("--date 2018-09-01 --focus E08000025", "wait 2\nsettle\nwait 2\n", "wards-2018");
  ASSERT_TRUE(y2018["wards_shown"]);
  EXPECT_EQ(y2018["ward_vintage"], "2013 (GB) + 2012 (NI)");
  EXPECT_EQ(y2018["ward_count"], 8886 + 462);
  EXPECT_GT(y2018["wards_coloured"].get<int>(), 5000) << "2018 councillors colour the wards they cover";
  const auto y2024 = viewerState("--date 2024-06-01 --focus E08000025", "wait 2\nsettle\nwait 2\n", "wards-2024");
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
  EXPECT_LT(second["first_frame"]["vertices"].get<int>(), first["first_frame"]["vertices"].get<int>() / 3)
      << "a national view draws a coarse level";
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
  const auto changed = viewerState("--date 2018-01-28",
                                   "wait 3\n" + clickAt(tabs["Statistics"]) + "wait 3\nstate " + scratch("persist-mid.json").string() +
                                       "\nmove 600 400\nwait 2\nkey c\nwait 1\nkey b\nwait 1\nkey d\nwait 1\nkey Tab\nwait 3\n",
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
  // Wide enough for the doubled panel and a map beside it (a narrower window would fold the panel).
  // (A window under 1280x960 points would shrink a scale of 2: see CliViewerLayout.)
  const auto normal = viewerState("--width 1920 --height 1080 --date 2024-06-01 --ui-scale 1", "wait 3\n", "scale-1");
  const auto doubled = viewerState("--width 1920 --height 1080 --date 2024-06-01 --ui-scale 2",
                                   "wait 3\nscreenshot " + scratch("scale-2.png").string() + "\n", "scale-2");
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
  // At 640x480 the side panel starts folded, as a small export is laid out.
  for (const char* size : {"--width 1280 --height 800", "--width 800 --height 600", "--width 640 --height 480"}) {
    for (const char* look : {"--colour-by control", "--colour-by control --tint-noc --hatch-disputes --faction-outline"}) {
      const std::string args = std::string(size) + " --date 2018-03-01 " + look;
      const auto s = viewerState(args, "wait 3\n", "credit-legend");
      const auto& legend = s["legend_box"];
      const auto& credit = s["attribution_box"];
      EXPECT_GT(legend["right"].get<double>(), legend["left"].get<double>()) << args;
      EXPECT_GT(credit["right"].get<double>(), credit["left"].get<double>()) << args;
      EXPECT_FALSE(overlap(legend, credit)) << args << "\nlegend " << legend.dump() << "\ncredit " << credit.dump();
      EXPECT_GE(legend["top"].get<double>(), 0) << args;
      EXPECT_LE(s["extent_on_screen"]["bottom"].get<double>(), credit["top"].get<double>() + 1) << args;
    }
  }
}

// A window too narrow for the panel and a usable map folds it, without changing the saved preference;
// widening the window unfolds it, and Tab still opens it in a narrow one.
TEST(CliViewerPanel, ANarrowWindowFoldsThePanelUntilWidened) {
  const fs::path config = scratch("narrow-config");
  fs::remove_all(config);
  const auto narrow = viewerState("--width 640 --height 480", "wait 3\n", "narrow-1", config.string());
  EXPECT_FALSE(narrow["panel"]["open"]);
  EXPECT_TRUE(narrow["panel"]["folded_for_width"]);
  EXPECT_LE(narrow["extent_on_screen"]["right"].get<double>(), 640) << "the map fitted to the whole width";
  EXPECT_GT(narrow["extent_on_screen"]["right"].get<double>() - narrow["extent_on_screen"]["left"].get<double>(), 100);
  const auto wide = viewerState("", "wait 3\n", "narrow-2", config.string());
  EXPECT_TRUE(wide["panel"]["open"]) << "the saved preference is still an open panel";
  EXPECT_FALSE(wide["panel"]["folded_for_width"]);
  const auto widened = viewerState("--width 640 --height 480", "wait 3\nresize 1280 800\nwait 3\n", "narrow-3", config.string());
  EXPECT_TRUE(widened["panel"]["open"]) << widened["panel"].dump();
  EXPECT_EQ(widened["drawable"][0], 1280);
  const auto opened = viewerState("--width 640 --height 480", "wait 3\nkey Tab\nwait 3\n", "narrow-4", config.string());
  EXPECT_TRUE(opened["panel"]["open"]) << "Tab opens it all the same";
}

TEST(CliViewerWards, SearchFindsAWardFliesThereAndMarksWardEvents) {
  const auto s = viewerState("--date 2018-09-01", "wait 2\nkey /\nwait 2\ntype hodge hill\nwait 2\nkey Return\nwait 2\nsettle\nwait 2\n",
                             "ward-search");
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
  const auto s =
      viewerState("--date 2024-06-01 --ui-scale 1",
                  "wait 3\nclick 1000 45\nwait 3\nclick 1000 431\nwait 3\nclick 930 606\nwait 3\nclick 930 158\nwait 3\n", "panel-filter");
  EXPECT_EQ(s["filter"]["regions"], nlohmann::json::array({"London"})) << s["filter"].dump();
  EXPECT_EQ(s["filter"]["control"], nlohmann::json::array({"LAB"}));
  const int london = s["statistics"]["councils"].get<int>();
  EXPECT_GT(london, 15);
  EXPECT_LT(london, 33) << "Labour councils in London only";
  EXPECT_EQ(s["statistics"]["by_control"]["LAB"], london);
  EXPECT_EQ(s["dimmed_areas"].get<int>(), s["visible_areas"].get<int>() - london);
}
