#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "politics/events.h"
#include "politics/leadership.h"
#include "store/record_files.h"

using namespace cm;

namespace {
const std::string kTables = std::string(COUNCILMAP_TEST_SOURCE) + "/../data/tables/";

std::string writeTemp(const std::string& name, const std::string& text) {
  const auto p = std::filesystem::temp_directory_path() / ("councilmap-" + std::to_string(::getpid()) + "-" + name);
  std::ofstream(p) << text;
  return p.string();
}
}  // namespace

TEST(Dates, DayArithmetic) {
  EXPECT_EQ(daysSinceEpoch({1970, 1, 1}), 0);
  EXPECT_EQ(daysSinceEpoch({2018, 1, 28}) - daysSinceEpoch({2017, 12, 31}), 28);
  EXPECT_EQ(dateFromDays(daysSinceEpoch({2024, 2, 28}) + 1), (Date{2024, 2, 29}));
  EXPECT_EQ(endOfMonth(2023, 2), (Date{2023, 2, 28}));
}

TEST(DisputeWindow, OpenUntilEndThenWindowDays) {
  const std::string csv = writeTemp("events.csv",
                                    "id,date,date_precision,end_date,type,councils,ward,actors,factions,title,summary,sources,confidence\n"
                                    "a,2018-01-10,day,,budget_dispute,E09000014,,,unknown,t,s,https://example.org,verified\n"
                                    "b,2018-03,month,2018-06-30,policy_dispute,E09000014,,,unknown,t,s,https://example.org,verified\n"
                                    "c,2018-02-01,day,,leadership_change,E09000014,,,unknown,t,s,https://example.org,verified\n");
  Diagnostics d;
  const EventLog log = readEvents(csv, d);
  EXPECT_EQ(log.all().size(), 3u);
  EXPECT_FALSE(log.disputeAt("E09000014", {2018, 1, 9}).inDispute());
  EXPECT_EQ(log.disputeAt("E09000014", {2018, 1, 10}).events.size(), 1u);
  EXPECT_EQ(log.disputeAt("E09000014", {2018, 4, 1}).events.size(), 2u) << "a within 180 days, b open";
  EXPECT_EQ(log.disputeAt("E09000014", {2018, 7, 9}, 180).events.size(), 2u) << "day 180 after a is still inside";
  EXPECT_EQ(log.disputeAt("E09000014", {2018, 7, 10}, 180).events.size(), 1u) << "a's window closed after 180 days";
  EXPECT_FALSE(log.disputeAt("E09000014", {2018, 7, 10}, 7).inDispute()) << "a configurable window";
  EXPECT_FALSE(log.disputeAt("E09000033", {2018, 4, 1}).inDispute());
}

TEST(DisputeWindow, BadRowsAreReportedWithTheirLine) {
  const std::string csv = writeTemp("bad-events.csv",
                                    "id,date,date_precision,end_date,type,councils,ward,actors,factions,title,summary,sources,confidence\n"
                                    "x,2018-02-31,day,,budget_dispute,E09000014,,,,t,s,https://example.org,verified\n"
                                    "y,2018-01-01,day,,not_a_type,E09000014,,,,t,s,https://example.org,verified\n"
                                    "z,2018-01-01,day,,budget_dispute,E09000014,,,,t,s,,verified\n");
  Diagnostics d;
  const EventLog log = readEvents(csv, d);
  EXPECT_EQ(log.all().size(), 1u);
  std::string all;
  for (const auto& i : d.items()) all += i.text() + "\n";
  EXPECT_NE(all.find("line 2 (x): date:"), std::string::npos) << all;
  EXPECT_NE(all.find("line 3 (y): type 'not_a_type'"), std::string::npos) << all;
  EXPECT_NE(all.find("line 4 (z): has no source"), std::string::npos) << all;
}

TEST(ProjectTables, EveryEventAndPeriodLoadsCleanly) {
  Diagnostics d;
  const EventLog log = readEvents(kTables + "events.csv", d);
  const LeadershipRecord lead = readLeadership(kTables + "leadership_periods.csv", d);
  for (const auto& i : d.items()) ADD_FAILURE() << i.text();
  EXPECT_EQ(log.all().size(), 73u);
  for (const Event& e : log.all()) {
    EXPECT_FALSE(e.sources.empty()) << e.id;
    EXPECT_FALSE(e.confidence.empty()) << e.id;
    EXPECT_FALSE(e.title.empty()) << e.id;
  }
  EXPECT_GT(lead.all().size(), 10u);
}

TEST(ProjectTables, HaringeyInDisputeOn28January2018) {
  Diagnostics d;
  const EventLog log = readEvents(kTables + "events.csv", d);
  const DisputeStatus s = log.disputeAt("E09000014", {2018, 1, 28});
  ASSERT_TRUE(s.inDispute());
  bool nec = false;
  for (const Event* e : s.events) nec |= e->type == "national_party_intervention";
  EXPECT_TRUE(nec) << "the NEC intervention is among the open disputes";
}

TEST(ProjectTables, FactionsFollowTheFactsAndUnknownIsUnknown) {
  Diagnostics d;
  const LeadershipRecord lead = readLeadership(kTables + "leadership_periods.csv", d);
  const auto* before = lead.at("E09000014", {2018, 1, 28});
  const auto* after = lead.at("E09000014", {2018, 9, 1});
  ASSERT_TRUE(before && after);
  EXPECT_EQ(before->faction, "labour_moderate");
  EXPECT_EQ(after->faction, "labour_left");
  const auto* birmingham = lead.at("E08000025", {2016, 6, 1});
  ASSERT_TRUE(birmingham);
  EXPECT_EQ(birmingham->leader.find("Clancy") != std::string::npos, true);
  EXPECT_EQ(birmingham->faction, "unknown") << "the facts give no faction for Clancy";
  EXPECT_EQ(lead.at("E06000001", {2018, 1, 1}), nullptr) << "no record: unknown, not guessed";
}

#include "politics/consistency.h"

TEST(Consistency, OverlappingLeadershipAndUnknownCodesAreErrors) {
  const std::string csv = writeTemp("periods.csv",
                                    "council,council_name,leader,party,faction,start_date,start_precision,end_date,end_precision\n"
                                    "E09000014,Haringey,A,Labour,unknown,2010-01-01,day,2016-01-01,day\n"
                                    "E09000014,Haringey,B,Labour,unknown,2015-06-01,day,,\n"
                                    "E09000014,Haringey,C,Labour,unknown,2018,year,,\n"
                                    "E99999999,Nowhere,D,Labour,unknown,2015-01-01,day,,\n");
  Diagnostics d;
  const LeadershipRecord lead = readLeadership(csv, d);
  BoundarySet set;
  Feature haringey;
  haringey.code = "E09000014";
  haringey.name = "Haringey";
  set.features.push_back(haringey);
  ConsistencyInputs in;
  in.boundaries = {&set};
  in.leadership = &lead;
  in.leadershipFile = "periods.csv";
  checkConsistency(in, d);
  std::string all;
  for (const auto& i : d.items()) all += i.text() + "\n";
  EXPECT_NE(all.find("periods.csv: line 3: overlaps line 2"), std::string::npos) << all;
  EXPECT_NE(all.find("overlaps line 3"), std::string::npos) << "B has no end and C starts later: " << all;
  EXPECT_NE(all.find("E99999999 does not exist"), std::string::npos) << all;
  EXPECT_EQ(d.count(Severity::Error), 3u) << all;
}
