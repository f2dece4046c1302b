// The command line's date, point, box, size and list parsers: whatever they accept must be what
// the rest of the program assumes (a real date, finite numbers in range, a sane size).
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "base/dates.h"
#include "base/text_parse.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string why;
  if (const auto d = cm::parseDate(text, &why)) {
    if (!cm::isValidDate(d->year, d->month, d->day)) std::abort();
    const auto again = cm::parseDate(d->iso());
    if (!again || *again != *d) std::abort();
    if (cm::dateFromDays(cm::daysSinceEpoch(*d)) != *d) std::abort();
    if (cm::endOfMonth(d->year, d->month).day < d->day) std::abort();
  } else if (why.empty()) {
    std::abort();  // a refusal always says why
  }
  why.clear();
  if (const auto b = cm::parseLonLatBox(text, &why)) {
    for (double v : {b->lon1, b->lat1, b->lon2, b->lat2})
      if (!std::isfinite(v)) std::abort();
    if (std::abs(b->lon1) > 180 || std::abs(b->lat1) > 90 || b->lon1 == b->lon2 || b->lat1 == b->lat2) std::abort();
  } else if (why.empty()) {
    std::abort();
  }
  if (const auto p = cm::parseLonLat(text))
    if (std::abs(p->lon) > 180 || std::abs(p->lat) > 90) std::abort();
  if (const auto s = cm::parseImageSize(text, 16384))
    if (s->width < 1 || s->height < 1 || s->width > 16384 || s->height > 16384) std::abort();
  for (std::size_t n : {1u, 2u, 4u})
    if (const auto v = cm::parseNumberList(text, n))
      if (v->size() != n) std::abort();
  for (const auto& item : cm::splitList(text, ';'))
    if (item.empty() || item.front() == ' ' || item.back() == ' ') std::abort();
  return 0;
}
