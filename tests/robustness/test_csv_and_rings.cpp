// The CSV reader and the ring checks on the shapes of input that break them most easily.
#include <gtest/gtest.h>

#include "base/csv_table.h"
#include "base/utf8.h"
#include "geo/ring_checks.h"

namespace cm {
namespace {

CsvTable parse(std::string_view text, Diagnostics& d) { return parseCsv(text, "t.csv", d); }

std::vector<std::string> column(const CsvTable& t, int c) {
  std::vector<std::string> out;
  for (const auto& r : t.rows) out.push_back(t.get(r, c));
  return out;
}

TEST(CsvReader, QuotesEscapesAndLineBreaksInsideValues) {
  Diagnostics d;
  const CsvTable t = parse("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",3\r\n4,5", d);
  EXPECT_EQ(d.items().size(), 0u);
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(column(t, 0), (std::vector<std::string>{"x, y", "two\r\nlines", "4"}));
  EXPECT_EQ(column(t, 1), (std::vector<std::string>{"say \"hi\"", "3", "5"}));
  EXPECT_EQ(t.rows[2].line, 5);  // the quoted line break counts
}

TEST(CsvReader, OldMacLineEndsAndAQuoteInsideAnUnquotedValue) {
  Diagnostics d;
  const CsvTable t = parse("a,b\r1,5\" screen\r2,x", d);
  EXPECT_EQ(d.items().size(), 0u);
  EXPECT_EQ(column(t, 1), (std::vector<std::string>{"5\" screen", "x"}));
  EXPECT_EQ(t.rows[1].line, 3);
}

TEST(CsvReader, TextAfterAClosingQuoteIsKeptAndReported) {
  Diagnostics d;
  const CsvTable t = parse("a\n\"abc\"def\n", d);
  EXPECT_EQ(column(t, 0), (std::vector<std::string>{"abcdef"}));
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_EQ(d.items()[0].text(), "warning: t.csv: line 2: text follows a closing quote; kept as part of the value");
}

TEST(CsvReader, AnUnclosedQuoteCostsOneRow) {
  Diagnostics d;
  const CsvTable t = parse("a,b\n1,\"open\n2,x\n3,y\n", d);
  EXPECT_EQ(column(t, 0), (std::vector<std::string>{"2", "3"}));
  EXPECT_EQ(d.count(Severity::Error), 1u);
  EXPECT_EQ(d.items()[0].record, "line 2");
}

TEST(CsvReader, DuplicateAndUndecodableColumnNames) {
  Diagnostics d;
  const CsvTable t = parse("a,a,\xff\n1,2,3\n", d);
  EXPECT_EQ(t.column("a"), 0);
  EXPECT_EQ(t.columns[2], "\uFFFD");
  EXPECT_EQ(d.count(Severity::Warning), 2u);
}

TEST(CsvReader, EmptyAndBlankFiles) {
  for (std::string_view text : {"", "\xEF\xBB\xBF", "\n\n  \n", "\r\n"}) {
    Diagnostics d;
    const CsvTable t = parse(text, d);
    EXPECT_TRUE(t.columns.empty());
    EXPECT_EQ(d.count(Severity::Error), 1u) << text;
  }
}

TEST(CsvReader, NulBytesAreReplaced) {
  Diagnostics d;
  const CsvTable t = parse(std::string_view("a\nx\0y\n", 6), d);
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].values[0], "x\uFFFDy");
  EXPECT_EQ(d.count(Severity::Warning), 1u);
}

TEST(Utf8, WellFormedAndNot) {
  EXPECT_TRUE(isValidUtf8("Ynys M\u00f4n \U0001F600"));
  for (std::string_view bad : {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82", "\x80"}) EXPECT_FALSE(isValidUtf8(bad)) << bad;
  std::string s = "a\xE2\x82";
  EXPECT_TRUE(repairUtf8(s));
  EXPECT_EQ(s, "a\uFFFD\uFFFD");
  // Long values are checked eight bytes at a time: a bad or zero byte anywhere in them still counts.
  EXPECT_TRUE(isValidUtf8("Newcastle upon Tyne City Council, Tyne and Wear"));
  EXPECT_TRUE(isValidUtf8("Rhondda Cynon Taf / Rhondda Cynon T\u00e2f"));
  EXPECT_FALSE(isValidUtf8("Rhondda Cynon Taf \xE2\x82 Rhondda"));
  EXPECT_FALSE(isValidUtf8("Rhondda Cynon Tf\xFF"));
  EXPECT_FALSE(isValidUtf8(std::string_view("Rhondda\0Cynon Taf", 17)));
}

using R = std::vector<Point2>;

TEST(RingChecks, Crossings) {
  EXPECT_FALSE(ringCrossesItself(R{{0, 0}, {1, 0}, {1, 1}, {0, 1}}));
  EXPECT_TRUE(ringCrossesItself(R{{0, 0}, {1, 1}, {1, 0}, {0, 1}}));                   // bow-tie
  EXPECT_TRUE(ringCrossesItself(R{{0, 0}, {2, 0}, {2, 2}, {1, 0}, {0, 2}}));           // touches itself at (1,0)
  EXPECT_TRUE(ringCrossesItself(R{{0, 0}, {2, 0}, {1, 0}, {1, 1}}));                   // folds back on itself
  EXPECT_FALSE(ringCrossesItself(R{{0, 0}, {1, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}}));  // repeated and closing points
  EXPECT_TRUE(ringCrossesItself(R{{0, 0}, {1, 0}, {2, 0}}));                           // flat: runs back over itself
  EXPECT_FALSE(ringCrossesItself(R{{0, 0}, {2, 0}, {1, 1}}));
}

TEST(RingChecks, FlatRingsAndHoles) {
  EXPECT_TRUE(ringIsFlat(R{{0, 0}, {1, 1}, {2, 2}}));
  EXPECT_FALSE(ringIsFlat(R{{0, 0}, {1, 1}, {1, 0}, {0, 1}}));  // a bow-tie has lobes, however they cancel
  const R shell{{0, 0}, {10, 0}, {10, 10}, {0, 10}};
  EXPECT_TRUE(holeInsideShell(R{{2, 2}, {3, 2}, {3, 3}}, shell));
  EXPECT_FALSE(holeInsideShell(R{{20, 2}, {30, 2}, {30, 3}}, shell));
  EXPECT_FALSE(holeInsideShell(R{{10, 2}, {12, 2}, {12, 3}}, shell));  // touching from outside
}

}  // namespace
}  // namespace cm
