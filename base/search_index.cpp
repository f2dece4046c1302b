#include "base/search_index.h"

#include <algorithm>

namespace cm {
namespace {

// Base letter for U+00C0..U+017F, or 0 to drop the character.
char baseLetter(char32_t c) {
  static constexpr const char* kLatin1 = "AAAAAAACEEEEIIIIDNOOOOO*OUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";  // C0..FF
  static constexpr const char* kExtA =
      "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZz"
      "s";  // 100..17F
  if (c >= 0xC0 && c <= 0xFF) return kLatin1[c - 0xC0];
  if (c >= 0x100 && c <= 0x17F) return kExtA[c - 0x100];
  return 0;
}

}  // namespace

std::string foldForSearch(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    char32_t c = b;
    std::size_t len = 1;
    if (b >= 0xF0)
      len = 4, c = b & 0x07;
    else if (b >= 0xE0)
      len = 3, c = b & 0x0F;
    else if (b >= 0xC0)
      len = 2, c = b & 0x1F;
    if (i + len > s.size()) break;  // truncated sequence: stop rather than read past the end
    for (std::size_t k = 1; k < len; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += len;
    char a = c < 0x80 ? char(c) : baseLetter(c);
    if (c == 0x2019 || c == 0x2018) a = '\'';
    if (!a) continue;
    if (a >= 'A' && a <= 'Z') a = char(a - 'A' + 'a');
    if (a == '-' || a == '_') a = ' ';
    if (a == ' ' && (out.empty() || out.back() == ' ')) continue;  // collapse runs of spaces
    out += a;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

void SearchIndex::add(std::string label, std::string detail, std::string code) {
  std::string folded = foldForSearch(label);
  entries_.push_back({std::move(label), std::move(detail), std::move(code), std::move(folded)});
}

std::vector<const SearchEntry*> SearchIndex::find(std::string_view query, std::size_t limit) const {
  const std::string q = foldForSearch(query);
  std::vector<std::pair<int, const SearchEntry*>> hits;
  if (q.empty()) return {};
  for (const auto& e : entries_) {
    const auto pos = e.folded.find(q);
    if (pos == std::string::npos) continue;
    const int rank = pos == 0 ? 0 : e.folded[pos - 1] == ' ' ? 1 : 2;
    hits.push_back({rank, &e});
  }
  std::stable_sort(hits.begin(), hits.end(),
                   [](const auto& a, const auto& b) { return a.first != b.first ? a.first < b.first : a.second->label < b.second->label; });
  std::vector<const SearchEntry*> out;
  for (std::size_t i = 0; i < hits.size() && out.size() < limit; ++i)
    if (std::none_of(out.begin(), out.end(),
                     [&](const SearchEntry* e) { return e->code == hits[i].second->code && e->label == hits[i].second->label; }))
      out.push_back(hits[i].second);
  return out;
}

}  // namespace cm
