#include <gtest/gtest.h>

#include "store/field_detect.h"

using namespace cm;

TEST(FieldDetect, OnsLadColumnsSkipTheOldCode) {
  const auto r = detectFieldRoles({"id", "LAD13CD", "LAD13CDO", "LAD13NM", "LAD13NMW"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.name, 3);
  EXPECT_EQ(r.startYear, -1);
}

TEST(FieldDetect, WardLayerIsKeyedByWardNotItsCouncil) {
  const auto r = detectFieldRoles({"OBJECTID", "WD19CD", "WD19NM", "WD19NMW", "BNG_E", "LAD19CD", "LAD19NM"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.name, 2);
}

TEST(FieldDetect, NameFollowsTheCodesPrefix) {
  const auto r = detectFieldRoles({"LAD19NM", "WD19CD", "WD19NM"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.name, 2);
}

TEST(FieldDetect, OnsVisualAreacdWithYears) {
  const auto r = detectFieldRoles({"id", "areacd", "areanm", "start", "end"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.name, 2);
  EXPECT_EQ(r.startYear, 3);
  EXPECT_EQ(r.endYear, 4);
}

TEST(FieldDetect, NorthernIrelandColumns) {
  const auto lgd = detectFieldRoles({"id", "LGDNAME", "AREA", "LGDCode", "OBJECTID"});
  EXPECT_EQ(lgd.code, 3);
  EXPECT_EQ(lgd.name, 1);
  const auto wards = detectFieldRoles({"id", "OBJECTID", "WARDNAME", "WardCode"});
  EXPECT_EQ(wards.code, 3);
  EXPECT_EQ(wards.name, 2);
}

TEST(FieldDetect, OverridesWinAndMissingOverridesAreReported) {
  const auto r = detectFieldRoles({"LAD13CD", "LAD13NM", "my_code", "Label"}, "MY_CODE", "label");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.name, 3);
  EXPECT_EQ(detectFieldRoles({"LAD13CD"}, "nope").code, -1);
}

TEST(FieldDetect, NothingRecognisable) {
  const auto r = detectFieldRoles({"foo", "bar"});
  EXPECT_EQ(r.code, -1);
  EXPECT_EQ(r.name, -1);
}
