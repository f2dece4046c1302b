#include "store/gdal/json_check.h"

#include <string_view>

#include <cpl_vsi.h>
#include <nlohmann/json.hpp>

namespace cm {
namespace {

// Reads events without building a document, and keeps the first error: a file of any size or
// depth costs one pass and no memory beyond the file.
struct FirstError : nlohmann::json_sax<nlohmann::json> {
  std::size_t position = 0;
  std::string what;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t at, const std::string&, const nlohmann::detail::exception& e) override {
    position = at;
    what = e.what();
    return false;
  }
};

constexpr vsi_l_offset kMaxBytes = vsi_l_offset(512) << 20;

}  // namespace

std::string describeJsonError(const std::string& path) {
  GByte* bytes = nullptr;
  vsi_l_offset size = 0;
  if (!VSIIngestFile(nullptr, path.c_str(), &bytes, &size, GIntBig(kMaxBytes))) return {};
  std::string_view text(reinterpret_cast<const char*>(bytes), std::size_t(size));
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const auto first = text.find_first_not_of(" \t\r\n");
  std::string out;
  if (first != std::string_view::npos && (text[first] == '{' || text[first] == '[')) {
    FirstError sax;
    // GDAL's own reader accepts NaN and Infinity, which JSON does not; they are not the problem.
    if (!nlohmann::json::sax_parse(text, &sax) && sax.what.find("'NaN'") == std::string::npos &&
        sax.what.find("'Infinity'") == std::string::npos && sax.what.find("'-Infinity'") == std::string::npos) {
      const std::size_t at = std::min(sax.position, text.size());
      std::size_t line = 1, column = 1;
      for (std::size_t i = 0; i + 1 < at; ++i) text[i] == '\n' ? (++line, column = 1) : ++column;
      const bool truncated = sax.position >= text.size();
      out = std::string(truncated ? "the JSON breaks off" : "the JSON is broken") + " at line " + std::to_string(line) + ", column " +
            std::to_string(column) + (truncated ? " (the file looks truncated)" : "");
    }
  }
  VSIFree(bytes);
  return out;
}

}  // namespace cm
