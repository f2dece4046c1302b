#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace cm {

// A calendar date. Election days, boundary years and event dates are all days, so no time of day.
struct Date {
  int year = 0, month = 1, day = 1;
  auto operator<=>(const Date&) const = default;
  std::string iso() const;  // YYYY-MM-DD
};

bool isValidDate(int year, int month, int day);

// Accepts YYYY-MM-DD, YYYY-MM (first of the month) and YYYY (1 January). On failure returns
// nullopt and, if given, fills `error` with a sentence saying what is wrong.
std::optional<Date> parseDate(std::string_view text, std::string* error = nullptr);

Date today();  // local time; $COUNCILMAP_TODAY (YYYY-MM-DD) names another day

// Days since 1970-01-01 (negative before), for date differences and windows.
int daysSinceEpoch(Date d);
Date dateFromDays(int days);
// The last day of a period given to month or year precision.
Date endOfMonth(int year, int month);

}  // namespace cm
