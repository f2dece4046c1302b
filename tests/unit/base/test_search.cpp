#include <gtest/gtest.h>

#include "base/search_index.h"

using namespace cm;

TEST(SearchFold, AccentsCaseAndPunctuation) {
  EXPECT_EQ(foldForSearch("Ynys Môn"), "ynys mon");
  EXPECT_EQ(foldForSearch("Bôn-y-maen"), "bon y maen");
  EXPECT_EQ(foldForSearch("Comhairle nan Eilean Siar"), "comhairle nan eilean siar");
  EXPECT_EQ(foldForSearch("Pen-y-bont ar Ogwr"), "pen y bont ar ogwr");
  EXPECT_EQ(foldForSearch("Ŵyddgrug  Ŷ"), "wyddgrug y");
  EXPECT_EQ(foldForSearch("King\xE2\x80\x99s Lynn"), "king's lynn");
  EXPECT_EQ(foldForSearch("\xC3"), "") << "a truncated UTF-8 sequence is dropped, not read past";
}

TEST(SearchIndex, PrefixThenWordThenSubstring) {
  SearchIndex index;
  index.add("Isle of Anglesey", "W06000001", "W06000001");
  index.add("Ynys Môn", "Isle of Anglesey", "W06000001");
  index.add("Haringey", "E09000014", "E09000014");
  index.add("Hammersmith and Fulham", "E09000013", "E09000013");
  index.add("North Hertfordshire", "E07000099", "E07000099");
  auto r = index.find("ynys mon");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0]->code, "W06000001");
  r = index.find("har");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0]->label, "Haringey");
  r = index.find("h");
  ASSERT_GE(r.size(), 3u);
  EXPECT_EQ(r[0]->label, "Hammersmith and Fulham") << "prefix matches first, alphabetically";
  EXPECT_EQ(r[1]->label, "Haringey");
  EXPECT_EQ(r[2]->label, "North Hertfordshire") << "then matches at a word start";
  EXPECT_TRUE(index.find("").empty());
  EXPECT_TRUE(index.find("zzz").empty());
}
