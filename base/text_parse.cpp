#include "base/text_parse.h"

#include <charconv>
#include <cmath>

namespace cm {
namespace {
bool fail(std::string* error, std::string msg) {
  if (error) *error = std::move(msg);
  return false;
}

bool parseDouble(std::string_view s, double& out) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty()) return false;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc{} && r.ptr == s.data() + s.size() && std::isfinite(out);
}
}  // namespace

std::optional<std::vector<double>> parseNumberList(std::string_view text, std::size_t count, std::string* error) {
  std::vector<double> out;
  std::string_view rest = text;
  while (true) {
    const auto comma = rest.find(',');
    const std::string_view item = rest.substr(0, comma);
    double v = 0;
    if (!parseDouble(item, v)) {
      fail(error, "'" + std::string(text) + "': '" + std::string(item) + "' is not a number");
      return std::nullopt;
    }
    out.push_back(v);
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  if (out.size() != count) {
    fail(error,
         "'" + std::string(text) + "': expected " + std::to_string(count) + " comma-separated numbers, got " + std::to_string(out.size()));
    return std::nullopt;
  }
  return out;
}

std::optional<LonLat> parseLonLat(std::string_view text, std::string* error) {
  const auto v = parseNumberList(text, 2, error);
  if (!v) return std::nullopt;
  LonLat p{(*v)[0], (*v)[1]};
  if (std::abs(p.lon) > 180 || std::abs(p.lat) > 90) {
    fail(error, "'" + std::string(text) + "': longitude must be within ±180 and latitude within ±90 (give LON,LAT)");
    return std::nullopt;
  }
  return p;
}

std::optional<LonLatBox> parseLonLatBox(std::string_view text, std::string* error) {
  const auto v = parseNumberList(text, 4, error);
  if (!v) return std::nullopt;
  LonLatBox b{(*v)[0], (*v)[1], (*v)[2], (*v)[3]};
  for (double lon : {b.lon1, b.lon2})
    if (std::abs(lon) > 180) return fail(error, "'" + std::string(text) + "': longitudes must be within ±180"), std::nullopt;
  for (double lat : {b.lat1, b.lat2})
    if (std::abs(lat) > 90) return fail(error, "'" + std::string(text) + "': latitudes must be within ±90"), std::nullopt;
  if (b.lon1 == b.lon2 || b.lat1 == b.lat2)
    return fail(error, "'" + std::string(text) + "': the box has no area (give lon1,lat1,lon2,lat2)"), std::nullopt;
  return b;
}

std::optional<ImageSize> parseImageSize(std::string_view text, int maxSide, std::string* error) {
  const auto x = text.find_first_of("xX");
  ImageSize s;
  auto parseSide = [](std::string_view t, int& out) {
    if (t.empty() || t.size() > 6) return false;
    const auto r = std::from_chars(t.data(), t.data() + t.size(), out);
    return r.ec == std::errc{} && r.ptr == t.data() + t.size();
  };
  if (x == std::string_view::npos || !parseSide(text.substr(0, x), s.width) || !parseSide(text.substr(x + 1), s.height))
    return fail(error, "'" + std::string(text) + "' is not a size: expected WIDTHxHEIGHT, e.g. 1920x1080"), std::nullopt;
  if (s.width < 1 || s.height < 1 || s.width > maxSide || s.height > maxSide)
    return fail(error, "'" + std::string(text) + "': each side must be between 1 and " + std::to_string(maxSide) + " pixels"), std::nullopt;
  return s;
}

std::vector<std::string> splitList(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find(sep, start);
    if (end == std::string_view::npos) end = s.size();
    std::string item(s.substr(start, end - start));
    item.erase(0, item.find_first_not_of(' '));
    item.erase(item.find_last_not_of(' ') + 1);
    if (!item.empty()) out.push_back(item);
    start = end + 1;
  }
  return out;
}

}  // namespace cm
