#include "base/utf8.h"

#include <cstdint>
#include <cstring>

namespace cm {
namespace {

// Length of the well-formed sequence starting at s[i], or 0 if the bytes there are not one
// (the table in section 3.9 of the Unicode standard, "Well-Formed UTF-8 Byte Sequences").
std::size_t sequenceLength(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
  const unsigned c = b(0);
  const auto cont = [&](std::size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) { return b(k) >= lo && b(k) <= hi; };
  if (c >= 0x01 && c <= 0x7F) return 1;
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
  if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) return cont(1) && cont(2) ? 3 : 0;
  if (c == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;  // no surrogates
  if (c == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xF1 && c <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

}  // namespace

bool isValidUtf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    // Eight bytes at a time while they are all ASCII and none is zero: nearly all text, and
    // every value of every table is checked.
    if (i + 8 <= text.size()) {
      std::uint64_t w;
      std::memcpy(&w, text.data() + i, 8);
      constexpr std::uint64_t ones = 0x0101010101010101, highs = 0x8080808080808080;
      if (((w | ((w - ones) & ~w)) & highs) == 0) {
        i += 8;
        continue;
      }
    }
    const std::size_t n = sequenceLength(text, i);
    if (!n) return false;
    i += n;
  }
  return true;
}

bool repairUtf8(std::string& text) {
  if (isValidUtf8(text)) return false;
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size();) {
    if (const std::size_t n = sequenceLength(text, i)) {
      out.append(text, i, n);
      i += n;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  text = std::move(out);
  return true;
}

}  // namespace cm
