#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cm {

// Splits "a; b;;c" at `sep` into trimmed, non-empty items.
std::vector<std::string> splitList(std::string_view text, char sep);

// Parses exactly `count` comma-separated finite numbers ("-0.12,51.5"). On failure returns
// nullopt and a sentence in `error` naming what is wrong.
std::optional<std::vector<double>> parseNumberList(std::string_view text, std::size_t count, std::string* error = nullptr);

struct LonLat {
  double lon = 0, lat = 0;
};
std::optional<LonLat> parseLonLat(std::string_view text, std::string* error = nullptr);

struct LonLatBox {
  double lon1 = 0, lat1 = 0, lon2 = 0, lat2 = 0;
};
std::optional<LonLatBox> parseLonLatBox(std::string_view text, std::string* error = nullptr);

struct ImageSize {
  int width = 0, height = 0;
};
// "1920x1080"; each side 1..maxSide.
std::optional<ImageSize> parseImageSize(std::string_view text, int maxSide, std::string* error = nullptr);

}  // namespace cm
