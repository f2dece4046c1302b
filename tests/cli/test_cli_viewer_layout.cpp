// The window as a new user meets it: what it opens on, how it frames an area, how far it zooms, what
// a resize does, and that no two of the boxes drawn over the map cover each other at any size or scale.
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_support.h"

using namespace cli;
using nlohmann::json;

namespace {

bool emptyBox(const json& b) {
  return !(b["right"].get<double>() > b["left"].get<double>() && b["bottom"].get<double>() > b["top"].get<double>());
}

bool overlap(const json& a, const json& b) {
  if (emptyBox(a) || emptyBox(b)) return false;
  return a["left"] < b["right"] && b["left"] < a["right"] && a["top"] < b["bottom"] && b["top"] < a["bottom"];
}

// Every box over the map, the side panel (or its button) and the timeline: none may cover another,
// none may leave the window, and the timeline's year labels may not touch.
void expectNothingOverlaps(const json& s, const std::string& what) {
  const double width = s["drawable"][0], height = s["drawable"][1];
  std::vector<std::pair<std::string, json>> boxes;
  for (const char* name :
       {"caption_box", "legend_box", "attribution_box", "notice_box", "warnings_box", "chips_box", "panel_box", "timeline_box"})
    if (!emptyBox(s[name])) boxes.emplace_back(name, s[name]);
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    const json& b = boxes[i].second;
    EXPECT_GE(b["left"].get<double>(), -0.5) << what << ' ' << boxes[i].first;
    EXPECT_GE(b["top"].get<double>(), -0.5) << what << ' ' << boxes[i].first;
    EXPECT_LE(b["right"].get<double>(), width + 0.5) << what << ' ' << boxes[i].first;
    EXPECT_LE(b["bottom"].get<double>(), height + 0.5) << what << ' ' << boxes[i].first;
    for (std::size_t k = i + 1; k < boxes.size(); ++k)
      EXPECT_FALSE(overlap(b, boxes[k].second))
          << what << ": " << boxes[i].first << ' ' << b.dump() << " and " << boxes[k].first << ' ' << boxes[k].second.dump();
  }
  const json& labels = s["timeline"]["year_labels"];
  EXPECT_GE(labels.size(), 2u) << what;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    EXPECT_TRUE(overlap(labels[i]["box"], s["timeline_box"])) << what << ": year label outside the timeline";
    for (std::size_t k = i + 1; k < labels.size(); ++k)
      EXPECT_LT(labels[i]["box"]["right"].get<double>(), labels[k]["box"]["left"].get<double>())
          << what << ": labels " << labels[i]["year"] << " and " << labels[k]["year"] << " touch";
  }
  EXPECT_EQ(s["legend_layout"]["more"], "") << what << ": every legend row shown";
  EXPECT_EQ(s["legend_layout"]["shortened"], 0) << what << ": no legend text cut short";
}

// The area selected (and the ward, when one is) lies clear of every box over the map.
void expectFramedClear(const json& s, const std::string& what, const char* area = "selected_on_screen") {
  ASSERT_TRUE(s.contains(area)) << what;
  for (const char* name : {"caption_box", "legend_box", "attribution_box", "notice_box", "panel_box", "timeline_box"})
    EXPECT_FALSE(overlap(s[area], s[name])) << what << ": " << area << ' ' << s[area].dump() << " under " << name << ' ' << s[name].dump();
}

void layoutAtScale(const char* scale) {
  static const char* const sizes[] = {"--width 640 --height 480", "--width 1280 --height 800", "--width 1920 --height 1080",
                                      "--width 3840 --height 2160"};
  for (const char* const& size : sizes) {
    const std::string args = std::string(size) + " --ui-scale " + scale +
                             " --date 2018-09-01 --focus E09000014 --colour-by control --tint-noc --hatch-disputes --faction-outline";
    // A scratch name of its own: the three scales run side by side under ctest -j.
    const json s = viewerState(args, "wait 2\nsettle\nwait 2\n", std::string("layout-") + scale + "-" + std::to_string(&size - sizes));
    expectNothingOverlaps(s, args);
    expectFramedClear(s, args);
    EXPECT_TRUE(s["wards_shown"]) << args;
    EXPECT_FALSE(emptyBox(s["notice_box"])) << args << ": the wards' key is shown";
  }
}

}  // namespace

TEST(CliViewerLayout, NothingOverlapsAtUiScale1) { layoutAtScale("1"); }
TEST(CliViewerLayout, NothingOverlapsAtUiScale1point5) { layoutAtScale("1.5"); }
TEST(CliViewerLayout, NothingOverlapsAtUiScale2) { layoutAtScale("2"); }

// At UI scale 2 a 1280x800 window has the layout of a 640x400 one: the year labels thin out, the
// controls stack over the track, and the legend goes into columns, rather than run into each other.
TEST(CliViewerLayout, ASmallWindowThinsTheYearsAndShrinksThePanelsScale) {
  const json s = viewerState("--width 1280 --height 800 --ui-scale 2 --date 2019-06-01", "wait 3\n", "layout-small");
  expectNothingOverlaps(s, "1280x800 at scale 2");
  EXPECT_LT(s["timeline"]["year_labels"].size(), 13u) << "every other year at most";
  const json tiny = viewerState("--width 640 --height 480 --ui-scale 2 --date 2019-06-01", "wait 3\n", "layout-tiny");
  EXPECT_EQ(tiny["ui_scale_requested"], 2.0);
  EXPECT_EQ(tiny["ui_scale"], 1.0) << "a 640x480 window cannot hold the panels at twice their size";
  expectNothingOverlaps(tiny, "640x480 at scale 2");
  const json small = viewerState("--width 480 --height 360 --date 2019-06-01", "wait 3\n", "layout-480");
  EXPECT_TRUE(small["timeline"]["stacked"]) << "the controls over the track";
  for (const char* name : {"caption_box", "legend_box", "attribution_box", "timeline_box"})
    for (const char* other : {"caption_box", "legend_box", "attribution_box", "timeline_box"})
      if (std::string(name) < other) {
        EXPECT_FALSE(overlap(small[name], small[other])) << "480x360: " << name << " and " << other;
      }
}

// Searching a ward flies there as to a council: the ward fills most of the free map, selected and
// outlined, its wards shown (it used to go to 2 mm a pixel: one flat colour).
TEST(CliViewerNavigation, SearchingAWardFramesItAsACouncilIsFramed) {
  for (const auto& [date, ward] : {std::pair{"2018-03-01", "Hodge Hill"}, std::pair{"2023-06-01", "Tottenham Hale"}}) {
    const json s =
        viewerState(std::string("--date ") + date,
                    std::string("wait 2\nkey /\nwait 2\ntype ") + ward + "\nwait 2\nkey Return\nwait 2\nsettle\nwait 2\n", "fly-ward");
    ASSERT_TRUE(s["selected_ward"].is_string()) << ward;
    const double mpp = s["camera"]["metres_per_pixel"];
    EXPECT_GE(mpp, 0.5) << ward;
    EXPECT_LT(mpp, 50) << ward << ": a ward a few kilometres across";
    EXPECT_TRUE(s["wards_shown"]) << ward;
    const json& w = s["selected_ward_on_screen"];
    const double free = s["drawable"][0].get<double>() - s["panel_box"]["right"].get<double>() + s["panel_box"]["left"].get<double>();
    const double freeHeight = s["timeline_box"]["top"];
    const double across = std::max((w["right"].get<double>() - w["left"].get<double>()) / free,
                                   (w["bottom"].get<double>() - w["top"].get<double>()) / freeHeight);
    EXPECT_GT(across, 0.5) << ward << ": fills most of the free map " << w.dump();
    expectFramedClear(s, ward, "selected_ward_on_screen");
  }
}

// A focused area is framed clear of the wards' key too (it covered Sutton Coldfield).
TEST(CliViewerNavigation, AFocusedAreaIsFramedClearOfEveryBox) {
  for (const char* focus : {"E08000025", "E09000014"}) {
    const json s = viewerState(std::string("--date 2018-09-01 --focus ") + focus, "wait 2\nsettle\nwait 2\n", "focus-clear");
    expectFramedClear(s, focus);
  }
}

// The wheel and +/- stop at half a metre a pixel, and where the whole map fills a quarter of the window.
TEST(CliViewerNavigation, ZoomStopsAtHalfAMetreAndAtAQuarterOfTheWindow) {
  const json in = viewerState("--date 2024-06-01", "wait 2\nwheel 500 400 40\nwait 1\nwheel 500 400 40\nwait 2\n", "zoom-in");
  EXPECT_DOUBLE_EQ(in["camera"]["metres_per_pixel"].get<double>(), 0.5);
  const json out = viewerState("--date 2024-06-01", "wait 2\nwheel 500 400 -40\nwait 1\nkey -\nwait 1\nkey -\nwait 2\n", "zoom-out");
  const json& e = out["extent_on_screen"];
  const double w = e["right"].get<double>() - e["left"].get<double>(), h = e["bottom"].get<double>() - e["top"].get<double>();
  EXPECT_GE(std::max(w / out["drawable"][0].get<double>(), h / out["drawable"][1].get<double>()), 0.5 - 1e-9)
      << "the whole map still fills a quarter of the window";
}

// A window showing the whole map shows it whole after a resize; one zoomed in keeps its centre and scale.
TEST(CliViewerNavigation, AResizedWindowKeepsTheWholeMapOrItsCentreAndScale) {
  const json whole = viewerState("--date 2024-06-01 --width 1280 --height 800", "wait 3\nresize 1600 1000\nwait 3\n", "resize-whole");
  ASSERT_EQ(whole["drawable"][0], 1600);
  const json& e = whole["extent_on_screen"];
  EXPECT_GE(e["left"].get<double>(), 0);
  EXPECT_GE(e["top"].get<double>(), 0);
  EXPECT_LE(e["right"].get<double>(), whole["panel_box"]["left"].get<double>());
  EXPECT_LE(e["bottom"].get<double>(), whole["timeline_box"]["top"].get<double>());
  EXPECT_GT(e["bottom"].get<double>() - e["top"].get<double>(), 700) << "refitted to the taller window";
  const json before = viewerState("--date 2024-06-01 --width 1280 --height 800", "wait 3\nwheel 500 400 3\nwait 3\n", "resize-zoomed-1");
  const json after = viewerState("--date 2024-06-01 --width 1280 --height 800",
                                 "wait 3\nwheel 500 400 3\nwait 3\nresize 1600 1000\nwait 3\n", "resize-zoomed-2");
  EXPECT_EQ(after["camera"], before["camera"]) << "zoomed in: the same centre and scale";
}

// The window opens on today, or on the data's last day when today is later, and says so.
TEST(CliViewerLayout, OpensOnTodayOrTheDatasLastDayAndSaysWhy) {
  ScopedEnv today("COUNCILMAP_TODAY", "2027-03-01");
  const json s = viewerState("", "wait 2\n", "today-clamped");
  EXPECT_EQ(s["date"], "2026-12-31");
  EXPECT_NE(s["caption"]["subtitle"].get<std::string>().find("the data's last date (today is 2027-03-01)"), std::string::npos)
      << s["caption"];
  ScopedEnv inside("COUNCILMAP_TODAY", "2026-12-07");
  const json t = viewerState("", "wait 2\n", "today");
  EXPECT_EQ(t["date"], "2026-12-07");
  EXPECT_EQ(t["caption"]["subtitle"].get<std::string>().find("last date"), std::string::npos);
}

// Words a person reads: event types as labels, the seats chart's heading, a key for every overlay.
TEST(CliViewerDetails, ReadableEventTypesSeatsHeadingAndAKeyForEveryOverlay) {
  const json s = viewerState("--date 2019-06-01 --focus E09000014", "wait 3\n", "words");
  ASSERT_FALSE(s["selected_events"].empty());
  bool intervention = false;
  for (const auto& e : s["selected_events"]) {
    EXPECT_EQ(e["type_label"].get<std::string>().find('_'), std::string::npos) << e;
    intervention |= e["type"] == "national_party_intervention" && e["type_label"] == "National party intervention";
  }
  EXPECT_TRUE(intervention) << s["selected_events"];
  // London's boroughs had no election in 2019: the numbers are the composition recorded for the year.
  EXPECT_EQ(s["seats_heading"], "Seats recorded for 2019 (pale: 2018)");
  const json tinted = viewerState("--date 2019-06-01 --colour-by control --tint-noc", "wait 3\n", "tint-key");
  bool tintKey = false;
  for (const auto& label : tinted["legend_items"])
    tintKey |= label.get<std::string>().rfind("Tinted: NOC toward its largest party", 0) == 0;
  EXPECT_TRUE(tintKey) << tinted["legend_items"];
  const json faction =
      viewerState("--date 2018-06-01 --colour-by faction --faction-outline --width 800 --height 600", "wait 3\n", "faction-key");
  EXPECT_EQ(faction["legend_layout"]["shortened"], 0) << "the faction legend's text fits";
  expectNothingOverlaps(faction, "faction at 800x600");
}

// Wards are read on another thread while the councils are drawn, and shown when ready.
TEST(CliViewerWards, WardsAreReadOffTheFrameAndShownWhenReady) {
  const fs::path first = scratch("wards-first.json");
  const json s = viewerState("--date 2018-09-01 --focus E08000025", "state " + first.string() + "\nsettle\nwait 2\n", "wards-off-frame");
  const json f = json::parse(std::ifstream(first));
  EXPECT_FALSE(f["wards_shown"]) << "the first frame drew the councils without waiting for the wards";
  EXPECT_TRUE(f["wards_loading"]);
  EXPECT_TRUE(s["wards_shown"]);
  EXPECT_TRUE(s["wards_read_in_background"]);
}

// A box with no area of the map in it is refused with a message, in the window and in export.
TEST(CliViewerNavigation, ABoxWithNothingInItSaysSo) {
  for (const std::string& command : {std::string("--quit-after-frames 1"), "export --out " + scratch("sahara.png").string()}) {
    const Outcome r = run(command + " --bbox 0,20,10,30");
    EXPECT_EQ(r.code, 2) << command;
    EXPECT_NE(r.err.find("no area of the map lies there"), std::string::npos) << r.err;
  }
  EXPECT_FALSE(fs::exists(scratch("sahara.png")));
}

// A fill chosen in the Layers tab changes the legend in the middle of a frame: the legend drawn (and
// clicked) is the one that frame laid out, never rows of one legend read from another.
TEST(CliViewerLayout, ChoosingAFillInTheLayersTabRedrawsTheLegendWhole) {
  const fs::path config = scratch("layers-fill-config");
  fs::remove_all(config);
  fs::create_directories(config);
  std::ofstream(config / "settings.json") << R"({"colour_by": "control", "panel_open": true, "panel_tab": 3})";
  // "Dispute intensity", third of the fills at the top of the Layers tab (1280x800, UI scale 1).
  const json s = viewerState("--date 2018-03-01 --ui-scale 1", "wait 3\nclick 930 147\nwait 3\n", "layers-fill", config.string());
  EXPECT_EQ(s["colour_by"], "disputes");
  EXPECT_EQ(s["legend_rows"].size(), s["legend"].size()) << s["legend_rows"].dump();
  expectNothingOverlaps(s, "after choosing a fill");
}
