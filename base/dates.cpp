#include "base/dates.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace cm {

std::string Date::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

bool isValidDate(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int last = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= last;
}

namespace {
bool parseFixedInt(std::string_view s, int& out) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return std::from_chars(s.data(), s.data() + s.size(), out).ec == std::errc{};
}
}  // namespace

std::optional<Date> parseDate(std::string_view text, std::string* error) {
  auto fail = [&](const std::string& why) -> std::optional<Date> {
    if (error) *error = "'" + std::string(text) + "' is not a date: " + why;
    return std::nullopt;
  };
  Date d;
  const std::size_t n = text.size();
  if (!(n == 4 || n == 7 || n == 10)) return fail("expected YYYY-MM-DD, YYYY-MM or YYYY");
  if (!parseFixedInt(text.substr(0, 4), d.year)) return fail("the year must be four digits");
  if (n >= 7 && (text[4] != '-' || !parseFixedInt(text.substr(5, 2), d.month))) return fail("expected YYYY-MM-DD, YYYY-MM or YYYY");
  if (n == 10 && (text[7] != '-' || !parseFixedInt(text.substr(8, 2), d.day))) return fail("expected YYYY-MM-DD, YYYY-MM or YYYY");
  if (d.month < 1 || d.month > 12) return fail("month " + std::to_string(d.month) + " does not exist");
  if (!isValidDate(d.year, d.month, d.day)) return fail("day " + std::to_string(d.day) + " does not exist in that month");
  return d;
}

Date today() {
  // Tests and demos may say which day it is.
  if (const char* fixed = std::getenv("COUNCILMAP_TODAY"))
    if (const auto d = parseDate(fixed)) return *d;
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

// Howard Hinnant's days_from_civil / civil_from_days.
int daysSinceEpoch(Date d) {
  const int y = d.year - (d.month <= 2);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = unsigned(y - era * 400);
  const unsigned doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + int(doe) - 719468;
}

Date dateFromDays(int z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = unsigned(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = int(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const int d = int(doy - (153 * mp + 2) / 5 + 1);
  const int m = int(mp < 10 ? mp + 3 : mp - 9);
  return {y + (m <= 2), m, d};
}

Date endOfMonth(int year, int month) {
  int day = 31;
  while (!isValidDate(year, month, day)) --day;
  return {year, month, day};
}

}  // namespace cm
