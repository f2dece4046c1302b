#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace cm {

// Lower-case ASCII with accents removed ("Ynys Môn" -> "ynys mon"), for matching what people type.
// Covers Latin-1 and Latin Extended-A, which hold every Welsh, Gaelic and Irish letter in the data.
std::string foldForSearch(std::string_view utf8);

struct SearchEntry {
  std::string label;   // as shown
  std::string detail;  // e.g. the code and type, or the English name of a Welsh entry
  std::string code;    // what selecting the entry selects
  std::string folded;
};

// Type-ahead over names: entries whose folded label starts with the folded query come first, then
// those where a word starts with it, then any substring match; ties in label order.
class SearchIndex {
 public:
  void add(std::string label, std::string detail, std::string code);
  std::vector<const SearchEntry*> find(std::string_view query, std::size_t limit = 10) const;
  std::size_t size() const { return entries_.size(); }

 private:
  std::vector<SearchEntry> entries_;
};

}  // namespace cm
