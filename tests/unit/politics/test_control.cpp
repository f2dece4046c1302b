#include <map>

#include <gtest/gtest.h>

#include "base/csv_table.h"
#include "politics/control_history.h"
#include "politics/parties.h"
#include "store/record_files.h"
#include "store/tables.h"
#include "unit/test_support.h"

using namespace cm;

TEST(ElectionDay, FirstThursdayOfMay) {
  EXPECT_EQ(electionDay(2016), (Date{2016, 5, 5}));
  EXPECT_EQ(electionDay(2018), (Date{2018, 5, 3}));
  EXPECT_EQ(electionDay(2019), (Date{2019, 5, 2}));
  EXPECT_EQ(electionDay(2021), (Date{2021, 5, 6}));
  EXPECT_EQ(electionDay(2024), (Date{2024, 5, 2}));
  EXPECT_EQ(electionDay(2026), (Date{2026, 5, 7}));
  EXPECT_EQ(electionYearFor({2018, 5, 2}), 2017);
  EXPECT_EQ(electionYearFor({2018, 5, 3}), 2018);
  EXPECT_EQ(electionYearFor({2019, 1, 1}), 2018);
}

TEST(ControlRule, MoreThanHalfTheSeatsElseNoOverallControl) {
  EXPECT_EQ(controlFromSeats({{"LAB", 42}, {"LD", 15}}, 57), "LAB");
  EXPECT_EQ(controlFromSeats({{"CON", 25}, {"LAB", 25}}, 50), "NOC");  // exactly half is not control
  EXPECT_EQ(controlFromSeats({{"CON", 26}, {"LAB", 24}}, 50), "CON");
  EXPECT_EQ(controlFromSeats({}, 0), "NOC");
}

TEST(PartyAliases, FreeTextNames) {
  EXPECT_EQ(partyCodeFor("Labour & Co-operative"), "LAB");
  EXPECT_EQ(partyCodeFor("Labour and Co-operative Party"), "LAB");
  EXPECT_EQ(partyCodeFor("Lab"), "LAB");
  EXPECT_EQ(partyCodeFor("Conservative"), "CON");
  EXPECT_EQ(partyCodeFor("Liberal Democrats"), "LD");
  EXPECT_EQ(partyCodeFor("Green Party"), "GRN");
  EXPECT_EQ(partyCodeFor("Plaid Cymru"), "PC");
  EXPECT_EQ(partyCodeFor("Scottish National Party"), "SNP");
  EXPECT_EQ(partyCodeFor("UKIP"), "UKIP");
  EXPECT_EQ(partyCodeFor("Reform UK"), "REF");
  EXPECT_EQ(partyCodeFor("Independent"), "OTH");
  EXPECT_EQ(partyCodeFor("Putting Hartlepool First"), "OTH");
  EXPECT_EQ(partyCodeFor("Conwy Independents"), "OTH");
  EXPECT_FALSE(partyCodeFor("  "));
}

TEST(PartyColours, NocAndUnknownStandApartFromEveryParty) {
  for (bool cb : {false, true}) {
    const Rgba noc = colourForControl("NOC", cb), unknown = colourForControl("", cb);
    EXPECT_NE(noc, unknown);
    for (const Party& p : parties()) {
      EXPECT_NE(colourForControl(p.code, cb), noc) << p.code;
      EXPECT_NE(colourForControl(p.code, cb), unknown) << p.code;
    }
  }
}

namespace {
const ControlHistory& history() {
  static const ControlHistory h = [] {
    Diagnostics d;
    return readControlHistory(
        sharedData("control/ocd_council_composition_2016_2026_gss.csv"), sharedData("boundaries/ons_uk_topojson_changes.csv"),
        sharedData("boundaries/ons_uk_topojson_ltla14_lookup.csv"), d, std::string(COUNCILMAP_TEST_SOURCE) + "/../data/tables");
  }();
  return h;
}
int seatsOf(const Composition& c, const std::string& party) {
  for (const auto& [p, n] : c.seats)
    if (p == party) return n;
  return 0;
}
}  // namespace

TEST(ControlHistoryRealData, HaringeyAfterMay2018IsLabour42LibDem15) {
  REQUIRE_SHARED_DATA("control/ocd_council_composition_2016_2026_gss.csv");
  const Composition* c = history().at("E09000014", {2018, 6, 1});
  ASSERT_TRUE(c);
  EXPECT_EQ(c->control, "LAB");
  EXPECT_EQ(seatsOf(*c, "LAB"), 42);
  EXPECT_EQ(seatsOf(*c, "LD"), 15);
  EXPECT_EQ(c->totalSeats, 57);
  const Composition* before = history().at("E09000014", {2018, 5, 2});  // the day before the election
  ASSERT_TRUE(before);
  EXPECT_EQ(before->year, 2017);
}

TEST(ControlHistoryRealData, Thanet2016IsAUkipMajority) {
  const Composition* c = history().at("E07000114", {2016, 6, 1});
  ASSERT_TRUE(c);
  EXPECT_EQ(c->control, "UKIP");
  EXPECT_EQ(c->sourceLabel, "Other") << "the source's own label is kept";
  EXPECT_FALSE(c->note.empty()) << "the disagreement is reported";
}

TEST(ControlHistoryRealData, DocumentedGapsAreFilledAndSaidSo) {
  const Composition* bucks = history().at("E06000060", {2020, 6, 1});
  ASSERT_TRUE(bucks) << "Buckinghamshire 2020";
  EXPECT_EQ(bucks->control, "CON");
  EXPECT_NE(bucks->note.find("Buckinghamshire"), std::string::npos);
  const Composition* carlisle = history().at("E07000028", {2022, 6, 1});
  ASSERT_TRUE(carlisle) << "Carlisle governed until April 2023";
  EXPECT_EQ(carlisle->year, 2022);
  EXPECT_FALSE(carlisle->note.empty());
  EXPECT_TRUE(history().at("E06000063", {2024, 6, 1})) << "Cumberland";
}

TEST(ControlHistoryRealData, CountsBySeatMajorityMatchTheCatalogue) {
  // CATALOGUE §3.2's sanity check, over every GB council row including county councils.
  Diagnostics d;
  const CsvTable t = readCsv(sharedData("control/ocd_council_composition_2016_2026_gss.csv"), d);
  std::map<std::string, int> counts;
  for (const auto& row : t.rows) {
    if (t.get(row, t.column("year")) != "2016") continue;
    const Composition* c = history().inYear(t.get(row, t.column("ons_uktopo_areacd")), 2016);
    ASSERT_TRUE(c);
    ++counts[c->control];
  }
  EXPECT_EQ(counts["CON"], 191);
  EXPECT_EQ(counts["LAB"], 110);
  EXPECT_EQ(counts["LD"], 7);
}

TEST(ControlHistoryRealData, OthersAreNotAPartyUnlessOneNamedGroupHoldsTheMajority) {
  // Hartlepool after May 2019: twenty independents and others of several groups, run by a coalition.
  const Composition* hartlepool = history().at("E06000001", {2019, 6, 1});
  ASSERT_TRUE(hartlepool);
  EXPECT_EQ(hartlepool->control, "NOC");
  EXPECT_EQ(hartlepool->largest, "OTH");
  EXPECT_TRUE(hartlepool->controlGroup.empty());
  EXPECT_NE(hartlepool->note.find("no one named group"), std::string::npos);
  // A registered local party with a majority, from the project's named groups.
  const Composition* ashfield = history().at("E07000170", {2019, 6, 1});
  ASSERT_TRUE(ashfield);
  EXPECT_EQ(ashfield->control, "OTH");
  EXPECT_EQ(ashfield->controlGroup, "Ashfield Independents");
  const Composition* orkney = history().at("S12000023", {2022, 6, 1});
  ASSERT_TRUE(orkney);
  EXPECT_EQ(orkney->control, "OTH");
  // Aspire's majority is listed for 2022-23 only; later the seat count decides.
  EXPECT_EQ(history().at("E09000030", {2022, 6, 1})->controlGroup, "Aspire");
  EXPECT_TRUE(history().at("E09000030", {2024, 6, 1})->controlGroup.empty());
}

TEST(ControlHistoryRealData, NorthernIrelandHasItsElectedPartiesAndNoNullAdministration) {
  // The source has Northern Ireland only in 2026, every party lumped into "other", labelled NULL; the
  // project's table has the 2014, 2019 and 2023 results, each in force until the next election.
  for (const Date d : {Date{2019, 6, 1}, Date{2023, 6, 1}, Date{2026, 6, 1}}) {
    const Composition* belfast = history().at("N09000003", d);
    ASSERT_TRUE(belfast) << d.iso();
    EXPECT_EQ(belfast->control, "NOC") << d.iso();
    EXPECT_EQ(belfast->largest, "SF") << d.iso();
    EXPECT_EQ(belfast->administration, "") << d.iso();
    EXPECT_EQ(belfast->totalSeats, 60);
  }
  EXPECT_EQ(seatsOf(*history().at("N09000003", {2019, 6, 1}), "DUP"), 15);
  EXPECT_NE(history().at("N09000003", {2026, 6, 1})->note.find("2023 election"), std::string::npos);
  EXPECT_EQ(history().at("N09000006", {2023, 6, 1})->control, "SF");  // Fermanagh and Omagh: 21 of 40
  EXPECT_EQ(history().at("N09000003", {2015, 6, 1})->largest, "SF");
}

TEST(NamedGroups, ABadRowIsReportedAndIgnored) {
  Diagnostics d;
  CsvTable composition = parseCsv(
      "authority,year,total,con,lab,ld,green,ukip,ref,pc,snp,other,majority_raw,ons_uktopo_areacd\n"
      "Somewhere,2019,10,1,1,0,0,0,0,0,0,8,Other,E07000001\n",
      "composition.csv", d);
  CsvTable groups = parseCsv(
      "council,from_year,to_year,group,sources,confidence\n"
      "E07000001,2020,2019,Backwards,https://example.org,partly\n"
      "E07000001,2019,2019,Somewhere First,,partly\n",
      "named_groups.csv", d);
  CsvTable none = parseCsv("oldcd,oldnm,newcd,newnm,type,start\n", "changes.csv", d);
  CsvTable lookup = parseCsv("ltlacd,ctycd\n", "lookup.csv", d);
  const ControlHistory h = ControlHistory::fromTables(composition, none, lookup, groups, CsvTable{}, d);
  ASSERT_TRUE(h.inYear("E07000001", 2019));
  EXPECT_EQ(h.inYear("E07000001", 2019)->controlGroup, "Somewhere First");
  std::string all;
  for (const auto& item : d.items()) all += item.text() + "\n";
  EXPECT_NE(all.find("named_groups.csv: line 2"), std::string::npos) << all;
  EXPECT_NE(all.find("has no source"), std::string::npos) << all;
}
