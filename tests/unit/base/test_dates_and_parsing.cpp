#include <gtest/gtest.h>

#include "base/dates.h"
#include "base/text_parse.h"

using namespace cm;

TEST(Dates, ParsesFullAndPartialDates) {
  EXPECT_EQ(parseDate("2018-01-28"), (Date{2018, 1, 28}));
  EXPECT_EQ(parseDate("2019-04"), (Date{2019, 4, 1}));
  EXPECT_EQ(parseDate("2024"), (Date{2024, 1, 1}));
  EXPECT_EQ(parseDate("2024-02-29"), (Date{2024, 2, 29}));
  EXPECT_EQ((Date{2018, 1, 5}).iso(), "2018-01-05");
}

TEST(Dates, RejectsImpossibleDatesWithAReason) {
  std::string why;
  EXPECT_FALSE(parseDate("2018-02-31", &why));
  EXPECT_NE(why.find("does not exist"), std::string::npos) << why;
  EXPECT_FALSE(parseDate("2018-13-01", &why));
  EXPECT_NE(why.find("month 13"), std::string::npos) << why;
  EXPECT_FALSE(parseDate("2023-02-29"));
  EXPECT_FALSE(parseDate("31/02/2018"));
  EXPECT_FALSE(parseDate(""));
  EXPECT_FALSE(parseDate("20x8-01-01"));
  EXPECT_FALSE(parseDate("2018-1-1"));
}

TEST(Parsing, LonLat) {
  auto p = parseLonLat("-0.1276,51.5072");
  ASSERT_TRUE(p);
  EXPECT_DOUBLE_EQ(p->lon, -0.1276);
  EXPECT_DOUBLE_EQ(p->lat, 51.5072);
  std::string why;
  EXPECT_FALSE(parseLonLat("51.5", &why));
  EXPECT_FALSE(parseLonLat("1,2,3"));
  EXPECT_FALSE(parseLonLat("abc,1"));
  EXPECT_FALSE(parseLonLat("nan,1"));
  EXPECT_FALSE(parseLonLat("inf,1"));
  EXPECT_FALSE(parseLonLat("200,1", &why));
  EXPECT_NE(why.find("LON,LAT"), std::string::npos);
}

TEST(Parsing, BoxAndSize) {
  auto b = parseLonLatBox("-0.5,51.3,0.3,51.7");
  ASSERT_TRUE(b);
  EXPECT_DOUBLE_EQ(b->lat2, 51.7);
  EXPECT_FALSE(parseLonLatBox("-0.5,51.3,-0.5,51.7"));  // no width
  EXPECT_FALSE(parseLonLatBox("1,2,3"));
  auto s = parseImageSize("7680x4320", 16384);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->width, 7680);
  EXPECT_EQ(s->height, 4320);
  EXPECT_FALSE(parseImageSize("0x10", 16384));
  EXPECT_FALSE(parseImageSize("20000x10", 16384));
  EXPECT_FALSE(parseImageSize("1920", 16384));
  EXPECT_FALSE(parseImageSize("-5x5", 16384));
  EXPECT_FALSE(parseImageSize("x", 16384));
}
