// The explorer's pure logic: regions, filters, statistics and ward-event markers.
#include <algorithm>

#include <gtest/gtest.h>

#include "base/csv_table.h"
#include "politics/control_history.h"
#include "politics/council_filter.h"
#include "politics/regions.h"
#include "politics/statistics.h"
#include "politics/ward_events.h"
#include "store/boundary_loader.h"
#include "store/data_locator.h"
#include "store/record_files.h"
#include "store/tables.h"
#include "unit/test_support.h"

using namespace cm;

namespace {

RegionLookup realRegions(Diagnostics& diag) {
  return RegionLookup::build(readCsv(sharedData("control/mysociety_uk_local_authorities_future.csv"), diag),
                             readCsv(sharedData("boundaries/ons_uk_topojson_ltla14_lookup.csv"), diag),
                             readCsv(sharedData("boundaries/ons_uk_topojson_changes.csv"), diag), diag);
}

// A square ring from (x, y) with side s.
std::vector<Point2> square(double x, double y, double s) { return {{x, y}, {x + s, y}, {x + s, y + s}, {x, y + s}}; }

}  // namespace

TEST(Regions, EveryCouncilOfEveryYearHasARegionFromTheRegisterOrThe2014Lookup) {
  REQUIRE_SHARED_DATA("control/mysociety_uk_local_authorities_future.csv");
  Diagnostics diag;
  const RegionLookup regions = realRegions(diag);
  EXPECT_EQ(regions.regionFor("E09000014"), "London");         // Haringey
  EXPECT_EQ(regions.regionFor("E08000025"), "West Midlands");  // Birmingham
  EXPECT_EQ(regions.regionFor("E07000048"), "South West");     // Christchurch: abolished, register has no region
  EXPECT_EQ(regions.regionFor("S12000046"), "Scotland");       // Glasgow's old code, via former codes
  EXPECT_EQ(regions.regionFor("W06000001"), "Wales");
  EXPECT_EQ(regions.regionFor("N09000003"), "Northern Ireland");
  EXPECT_EQ(regions.regionFor("E99999999"), "England (region unknown)");
  const BoundarySet councils = loadBoundaries({sharedData(kDefaultBoundaries), kDefaultBoundaryLayer, "", ""}, diag);
  for (const auto& f : councils.features) {
    const std::string r = regions.regionFor(f.code);
    EXPECT_NE(std::find(RegionLookup::all().begin(), RegionLookup::all().end(), r), RegionLookup::all().end())
        << f.code << " " << f.name << ": " << r;
  }
}

TEST(Regions, AnUnknownRegionNameIsReportedWithItsLine) {
  CsvTable t;
  t.path = "register.csv";
  t.columns = {"code", "region"};
  t.rows = {{2, {"E06000001", "Middle Earth"}}, {3, {"E06000002", "north east"}}};
  Diagnostics diag;
  const RegionLookup r = RegionLookup::build(t, {}, {}, diag);
  EXPECT_EQ(r.regionFor("E06000002"), "North East") << "spellings fold onto the canonical names";
  ASSERT_EQ(diag.items().size(), 1u);
  EXPECT_NE(diag.items()[0].record.find("line 2"), std::string::npos);
  EXPECT_NE(diag.items()[0].message.find("Middle Earth"), std::string::npos);
}

TEST(CouncilFilter, EveryCriterionMustHoldAndAnyValueWithinOne) {
  Composition lab;
  lab.control = "LAB";
  Event deselection;
  deselection.type = "deselection";
  deselection.date = {2018, 1, 10};
  deselection.precision = "day";
  deselection.confidence = "partly";
  const std::vector<const Event*> events = {&deselection};
  CouncilState s;
  s.composition = &lab;
  const CouncilFacts haringey{"E09000014", &s, "London", "London borough", &events};
  CouncilFilter f;
  EXPECT_TRUE(f.empty());
  EXPECT_TRUE(f.matches(haringey, {2018, 2, 1}));
  f.control = {"CON", "LAB"};
  EXPECT_TRUE(f.matches(haringey, {2018, 2, 1}));
  f.regions = {"North West"};
  EXPECT_FALSE(f.matches(haringey, {2018, 2, 1})) << "every criterion must hold";
  f.regions = {"London"};
  f.events.types = {"deselection"};
  EXPECT_TRUE(f.matches(haringey, {2018, 2, 1}));
  EXPECT_FALSE(f.matches(haringey, {2017, 12, 1})) << "an event after the date shown has not happened yet";
  f.events.minConfidence = confidenceRank("verified");
  EXPECT_FALSE(f.matches(haringey, {2018, 2, 1})) << "a partly verified event is below the bar";
  f.events.minConfidence = confidenceRank("partly");
  f.events.from = Date{2018, 1, 1};
  f.events.to = Date{2018, 1, 31};
  EXPECT_TRUE(f.matches(haringey, {2017, 12, 1})) << "an explicit range replaces the date shown";
  f.events.to = Date{2018, 1, 5};
  EXPECT_FALSE(f.matches(haringey, {2018, 2, 1}));
  f.factions = {"labour_left"};
  EXPECT_FALSE(f.matches(haringey, {2018, 2, 1}));
  toggle(f.factions, "labour_left");
  EXPECT_TRUE(f.factions.empty());
}

TEST(Statistics, SummaryComparisonAndRegionsOverRealControl2018To2019) {
  REQUIRE_SHARED_DATA("control/ocd_council_composition_2016_2026_gss.csv");
  Diagnostics diag;
  const ControlHistory h = readControlHistory(sharedData("control/ocd_council_composition_2016_2026_gss.csv"),
                                              sharedData("boundaries/ons_uk_topojson_changes.csv"),
                                              sharedData("boundaries/ons_uk_topojson_ltla14_lookup.csv"), diag);
  const BoundarySet councils = loadBoundaries({sharedData(kDefaultBoundaries), kDefaultBoundaryLayer, "", ""}, diag);
  const PoliticalData politics{&h, nullptr, nullptr};
  const Date d2018{2018, 9, 1}, d2019{2019, 9, 1};
  const auto s2018 = politics.stateAt(councils, d2018), s2019 = politics.stateAt(councils, d2019);
  const ControlSummary sum = summarise(councils, s2019, 2019, {});
  EXPECT_EQ(sum.councils, 382u);
  std::size_t total = 0;
  for (const auto& [c, n] : sum.councilsByControl) total += n;
  EXPECT_EQ(total, sum.councils);
  int seats = 0;
  for (const auto& [p, n] : sum.seatsByParty) seats += n;
  EXPECT_EQ(seats, sum.totalSeats);
  EXPECT_GT(sum.totalSeats, 15000);

  const ControlComparison cmp = compareControl(councils, s2018, 2018, s2019, 2019, {});
  EXPECT_EQ(cmp.created, 5u) << "2019: Dorset, BCP, Somerset West and Taunton, East and West Suffolk";
  long net = 0;
  for (const auto& [c, n] : cmp.net) net += n;
  EXPECT_EQ(net, long(cmp.created) - long(cmp.abolished)) << "net changes add up to the change in council numbers";
  EXPECT_LT(cmp.net.at("CON"), -30) << "the 2019 local elections cost the Conservatives dozens of councils";
  int gains = 0, losses = 0;
  for (const auto& [c, n] : cmp.gains) gains += n;
  for (const auto& [c, n] : cmp.losses) losses += n;
  EXPECT_EQ(gains, int(cmp.changes.size()));
  EXPECT_EQ(losses, int(cmp.changes.size()));

  // Only London councils: the filter mask narrows every figure.
  const RegionLookup regions = realRegions(diag);
  std::vector<bool> london(councils.features.size());
  std::vector<std::string> regionOf(councils.features.size());
  for (std::size_t i = 0; i < london.size(); ++i) {
    regionOf[i] = regions.regionFor(councils.features[i].code);
    london[i] = regionOf[i] == "London";
  }
  EXPECT_EQ(summarise(councils, s2019, 2019, london).councils, 33u);
  const auto rows = controlByRegion(councils, s2019, 2019, regionOf, RegionLookup::all(), {});
  std::size_t inRegions = 0;
  for (const auto& r : rows) inRegions += r.councils;
  EXPECT_EQ(inRegions, 382u);
  EXPECT_EQ(rows.back().region, "Northern Ireland");
}

TEST(WardEvents, MarkersMatchWardNamesWithinTheEventsCouncilsAndSitInside) {
  BoundarySet wards;
  auto add = [&](const std::string& code, const std::string& name, const std::string& parent, std::vector<std::vector<Point2>> rings) {
    Feature f;
    f.code = code;
    f.name = name;
    f.parent = parent;
    wards.addPart(f, rings);
    wards.features.push_back(f);
  };
  // A U shape, whose centroid falls in the notch, outside the ward.
  add("E05000001", "Hodge Hill", "E08000025", {{{0, 0}, {30, 0}, {30, 30}, {20, 30}, {20, 10}, {10, 10}, {10, 30}, {0, 30}}});
  add("E05000002", "Hodge Hill", "E08000026", {square(100, 100, 10)});  // same name, another council
  add("E05000003", "Crouch End", "E09000014", {square(200, 200, 10)});
  add("E05000004", "Alexandra", "E09000014", {square(300, 300, 10)});
  Event a;
  a.id = "a";
  a.date = {2018, 1, 1};
  a.councils = {"E08000025"};
  a.ward = "hodge hill";
  Event b;
  b.id = "b";
  b.date = {2017, 1, 1};
  b.councils = {"E09000014"};
  b.ward = "Crouch End;Alexandra";
  Event national;
  national.id = "c";
  const std::vector<Event> events = {a, b, national};
  const auto markers = wardEventMarkers(wards, events);
  ASSERT_EQ(markers.size(), 3u);
  EXPECT_EQ(markers[0].ward, 0u);
  EXPECT_EQ(markers[1].ward, 2u);
  EXPECT_EQ(markers[2].ward, 3u);
  EXPECT_EQ(markers[1].events.front()->id, "b");
  const Feature& u = wards.features[0];
  EXPECT_TRUE(partContains(wards, wards.parts[u.firstPart], markers[0].at)) << markers[0].at.x << "," << markers[0].at.y;
}
