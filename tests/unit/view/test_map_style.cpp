// The style alone: states and choices in, looks and the legend out, with no dataset, files or GL.
#include <gtest/gtest.h>

#include "politics/parties.h"
#include "view/map_style.h"

namespace cm {
namespace {

Composition ruledBy(std::string control, std::string largest = {}) {
  Composition c;
  c.control = std::move(control);
  c.largest = std::move(largest);
  return c;
}

// Four councils: Labour, NOC led by the Conservatives as largest party, no data, and one abolished
// before the year shown.
struct Fixture {
  BoundarySet areas;
  Composition lab = ruledBy("LAB", "LAB"), noc = ruledBy(std::string(kNoOverallControl), "CON");
  Event dispute;
  LeadershipPeriod leftLeader;
  std::vector<CouncilState> states;
  Fixture() {
    for (const char* code : {"E1", "E2", "E3", "E4"}) {
      Feature f;
      f.code = f.name = code;
      areas.features.push_back(f);
    }
    areas.features[3].endYear = 2019;
    leftLeader.faction = "labour_left";
    CouncilState a{&lab, &leftLeader, {}}, b{&noc, nullptr, {}}, c{}, d{&lab, nullptr, {}};
    b.disputes.events = {&dispute, &dispute};
    states = {a, b, c, d};
  }
};

constexpr int kYear = 2024;

TEST(MapStyle, ControlFillsEachCouncilWithItsControllerAndNoDataApart) {
  Fixture f;
  const std::vector<bool> all(4, true);
  Styling look;
  look.colourBy = ColourBy::Control;
  const auto styles = featureStyles({f.areas, f.states, all, kYear}, look);
  ASSERT_EQ(styles.size(), 4u);
  EXPECT_EQ(styles[0].fill, colourForControl("LAB"));
  EXPECT_EQ(styles[1].fill, colourForControl(kNoOverallControl));
  EXPECT_EQ(styles[2].fill, colourForControl(""));  // not recorded, never a party's colour
  EXPECT_NE(styles[2].fill, styles[0].fill);
  EXPECT_FALSE(styles[3].visible);  // abolished in 2019
  EXPECT_FALSE(styles[0].hatch);
  EXPECT_EQ(styles[0].outline.a, 0);
}

TEST(MapStyle, FlagsTintHatchOutlineAndThePaletteChange) {
  Fixture f;
  const std::vector<bool> all(4, true);
  Styling look;
  look.colourBy = ColourBy::Control;
  look.tintNoc = look.hatchDisputes = look.factionOutline = true;
  const auto styles = featureStyles({f.areas, f.states, all, kYear}, look);
  EXPECT_NE(styles[1].fill, colourForControl(kNoOverallControl));  // tinted toward the Conservatives
  EXPECT_TRUE(styles[1].hatch);                                    // two open dispute events
  EXPECT_FALSE(styles[0].hatch);
  EXPECT_EQ(styles[0].outline, factionColour("labour_left"));
  EXPECT_EQ(styles[1].outline.a, 0);  // no leader recorded: no outline, never a guess
  look = {};
  look.colourBy = ColourBy::Control;
  look.colourBlindSafe = true;
  EXPECT_EQ(featureStyles({f.areas, f.states, all, kYear}, look)[0].fill, colourForControl("LAB", true));
}

TEST(MapStyle, FilteredOutCouncilsAreDimmedNotHiddenAndLoseTheirOverlays) {
  Fixture f;
  const std::vector<bool> included{true, false, true, true};
  Styling look;
  look.colourBy = ColourBy::Control;
  look.hatchDisputes = true;
  const auto styles = featureStyles({f.areas, f.states, included, kYear}, look);
  EXPECT_TRUE(styles[1].visible);
  EXPECT_FALSE(styles[1].hatch);
  EXPECT_NE(styles[1].fill, colourForControl(kNoOverallControl));
}

TEST(MapStyle, ThePlainMapNeedsNoStatesAndHasNoLegend) {
  Fixture f;
  const std::vector<CouncilState> none(4);
  const std::vector<bool> all(4, true);
  const Styling plain;
  EXPECT_FALSE(plain.needsPolitics());
  const auto styles = featureStyles({f.areas, none, all, kYear}, plain);
  EXPECT_EQ(styles[0].fill, neutralColourFor("E1"));
  EXPECT_TRUE(legendEntries({f.areas, none, all, kYear}, plain, {}).empty());
}

TEST(MapStyle, TheLegendCountsCouncilsShownInRegistryOrderAndMarksWhatAFilterDims) {
  Fixture f;
  const std::vector<bool> all(4, true);
  Styling look;
  look.colourBy = ColourBy::Control;
  CouncilFilter filter;
  toggleCategory(filter, look.colourBy, "LAB");
  const auto legend = legendEntries({f.areas, f.states, all, kYear}, look, filter);
  ASSERT_EQ(legend.size(), 3u);  // Labour, NOC, no data; the abolished council is not counted
  EXPECT_EQ(legend[0].key, "LAB");
  EXPECT_EQ(legend[0].count, 1u);
  EXPECT_TRUE(legend[0].active);
  EXPECT_EQ(legend[1].label, "No overall control");
  EXPECT_FALSE(legend[1].active);
  EXPECT_EQ(legend[2].label, "No data");
  toggleCategory(filter, look.colourBy, "LAB");
  EXPECT_TRUE(filter.empty());
}

TEST(MapStyle, DisputeAndFactionCategoriesHaveReadableLabels) {
  Fixture f;
  EXPECT_EQ(categoryOf(ColourBy::Disputes, f.states[1]), "2");
  EXPECT_EQ(labelOfCategory(ColourBy::Disputes, "2"), "2 dispute events");
  EXPECT_EQ(categoryOf(ColourBy::Faction, f.states[2]), "unknown");
  EXPECT_EQ(legendHeading(ColourBy::Disputes, 90), "Disputes (open or within 90 days)");
  EXPECT_EQ(legendHeading(ColourBy::Faction, 90), "Leading faction");
}

}  // namespace
}  // namespace cm
