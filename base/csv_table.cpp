#include "base/csv_table.h"

#include <set>

#include "base/utf8.h"

// CSV is parsed here rather than through GDAL's CSV driver, which skips blank lines without counting
// them (so every later line number in a message is wrong), drops extra values silently, and lets one
// unclosed quote swallow the rest of the file into a single value without a word.

namespace cm {
namespace {

struct Record {
  int line = 0, lastLine = 0;  // physical lines it spans
  std::size_t start = 0;       // offset of its first character
  std::vector<std::string> fields;
  bool unclosedQuote = false;
  bool textAfterQuote = false;
};

// RFC 4180 records over the whole text, lenient where spreadsheets are: a quote inside an
// unquoted value is kept as it is, and text after a closing quote is kept too (and reported).
class Scanner {
 public:
  Scanner(std::string_view text, char sep) : s_(text), sep_(sep) {}

  // The next record, skipping blank lines; false at the end of the text.
  bool next(Record& r) {
    while (skipBlankLine()) {
    }
    if (i_ >= s_.size()) return false;
    r = Record{};
    r.line = line_;
    r.start = i_;
    std::string field;
    bool fieldStart = true, afterQuote = false, endedAtNewline = false;
    while (true) {
      if (i_ >= s_.size()) break;
      const char c = s_[i_];
      if (c == sep_) {
        r.fields.push_back(std::move(field));
        field.clear();
        fieldStart = true;
        afterQuote = false;
        ++i_;
      } else if (c == '\n' || c == '\r') {
        newline();
        endedAtNewline = true;
        break;
      } else if (c == '"' && fieldStart) {
        fieldStart = false;
        if (!quoted(field)) {
          // Never closed: keep the rest of the opening line as the value and carry on from the next
          // line, so one stray quote costs one row, not the rest of the file.
          r.unclosedQuote = true;
          restartAfterFirstLine(r);
          break;
        }
        afterQuote = true;
      } else {
        if (afterQuote) r.textAfterQuote = true;
        fieldStart = false;
        field += c;
        ++i_;
      }
    }
    r.fields.push_back(std::move(field));
    if (!r.unclosedQuote) r.lastLine = endedAtNewline ? line_ - 1 : line_;
    return true;
  }

  // Parsing resumes at the line after the record's first: for a quote that, closed further down,
  // made several lines into one malformed row.
  void restartAfterFirstLine(Record& r) {
    i_ = r.start;
    line_ = r.line;
    while (i_ < s_.size() && s_[i_] != '\n' && s_[i_] != '\r') ++i_;
    if (i_ < s_.size()) newline();
    r.lastLine = r.line;
  }

 private:
  // Reads a quoted value after its opening quote; false if the text ends first.
  bool quoted(std::string& field) {
    ++i_;
    while (i_ < s_.size()) {
      const char c = s_[i_];
      if (c == '"') {
        if (i_ + 1 < s_.size() && s_[i_ + 1] == '"') {
          field += '"';
          i_ += 2;
          continue;
        }
        ++i_;
        return true;
      }
      if (c == '\n' || (c == '\r' && (i_ + 1 >= s_.size() || s_[i_ + 1] != '\n'))) ++line_;
      field += c;
      ++i_;
    }
    return false;
  }

  // Skips a line holding nothing but spaces (or tabs, unless they separate values).
  bool skipBlankLine() {
    std::size_t j = i_;
    while (j < s_.size() && (s_[j] == ' ' || (s_[j] == '\t' && sep_ != '\t'))) ++j;
    if (j < s_.size() && s_[j] != '\n' && s_[j] != '\r') return false;
    i_ = j;
    if (i_ >= s_.size()) return false;
    newline();
    return true;
  }

  void newline() {
    if (s_[i_] == '\r' && i_ + 1 < s_.size() && s_[i_ + 1] == '\n') ++i_;
    ++i_;
    ++line_;
  }

  std::string_view s_;
  char sep_;
  std::size_t i_ = 0;
  int line_ = 1;
};

std::string lines(const Record& r) {
  return r.lastLine > r.line ? "lines " + std::to_string(r.line) + "-" + std::to_string(r.lastLine) : "line " + std::to_string(r.line);
}

// A value quoted in a message: repaired, since it has not been yet, and cut on a character boundary.
std::string quotedShort(std::string v) {
  repairUtf8(v);
  if (v.size() > 40) {
    std::size_t cut = 40;
    while (cut > 0 && (static_cast<unsigned char>(v[cut]) & 0xC0) == 0x80) --cut;
    v = v.substr(0, cut) + "...";
  }
  return "'" + v + "'";
}

}  // namespace

int CsvTable::column(const std::string& name) const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i] == name) return int(i);
  return -1;
}

const std::string& CsvTable::get(const Row& r, int c) const {
  static const std::string empty;
  return c >= 0 && std::size_t(c) < r.values.size() ? r.values[c] : empty;
}

CsvTable parseCsv(std::string_view text, const std::string& path, Diagnostics& diag) {
  CsvTable t;
  t.path = path;
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
    diag.error(path, "", "is UTF-16 text; save it as CSV UTF-8");
    return t;
  }
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const std::string_view firstLine = text.substr(0, text.find_first_of("\r\n"));
  char sep = ',';
  if (firstLine.find(',') == std::string_view::npos) {
    if (firstLine.find(';') != std::string_view::npos)
      sep = ';';
    else if (firstLine.find('\t') != std::string_view::npos)
      sep = '\t';
  }
  Scanner scan(text, sep);
  Record header;
  if (!scan.next(header)) {
    diag.error(path, "", "is empty: no header line");
    return t;
  }
  if (header.unclosedQuote) diag.error(path, lines(header), "a quote in the header is never closed");
  t.columns = std::move(header.fields);
  std::set<std::string> seen;
  for (auto& c : t.columns) {
    if (repairUtf8(c)) diag.warn(path, lines(header), "a column name is not valid UTF-8; the bad bytes are shown as U+FFFD");
    if (!seen.insert(c).second) diag.warn(path, lines(header), "column '" + c + "' appears twice; the first is used");
  }
  const std::size_t width = t.columns.size();
  Record r;
  while (scan.next(r)) {
    if (r.lastLine > r.line && (r.fields.size() != width || r.textAfterQuote)) {
      // A quoted value ran on over line breaks into a row that does not parse: almost always a
      // quote left open. Read the lines after this one as rows of their own.
      diag.error(path, "line " + std::to_string(r.line),
                 "a quote opened on this line runs on to line " + std::to_string(r.lastLine) +
                     (r.fields.size() != width
                          ? ", giving " + std::to_string(r.fields.size()) + " values for " + std::to_string(width) + " columns"
                          : " and text follows its closing quote") +
                     "; row skipped (check its quotes)");
      scan.restartAfterFirstLine(r);
      continue;
    }
    CsvTable::Row row;
    row.line = r.line;
    if (r.unclosedQuote) {
      diag.error(path, lines(r), "a quote opened on this line is never closed; row skipped (check its quotes)");
      continue;
    }
    if (r.textAfterQuote) diag.warn(path, lines(r), "text follows a closing quote; kept as part of the value");
    if (r.fields.size() < width) {
      diag.warn(path, lines(r),
                "has " + std::to_string(r.fields.size()) + " values for " + std::to_string(width) +
                    " columns; the missing ones are taken as empty");
      r.fields.resize(width);
    } else if (r.fields.size() > width) {
      std::string extra;
      for (std::size_t i = width; i < r.fields.size(); ++i)
        if (!r.fields[i].empty() && extra.empty()) extra = quotedShort(r.fields[i]);
      if (!extra.empty())
        diag.warn(path, lines(r),
                  "has " + std::to_string(r.fields.size()) + " values for " + std::to_string(width) + " columns; the extra ones (from " +
                      extra + ") are ignored");
      r.fields.resize(width);
    }
    for (std::size_t i = 0; i < width; ++i)
      if (repairUtf8(r.fields[i]))
        diag.warn(path, lines(r), "column '" + t.columns[i] + "' is not valid UTF-8; the bad bytes are shown as U+FFFD");
    row.values = std::move(r.fields);
    t.rows.push_back(std::move(row));
  }
  return t;
}

bool requireColumns(const CsvTable& t, const std::vector<std::string>& names, Diagnostics& diag) {
  bool ok = true;
  for (const auto& n : names)
    if (t.column(n) < 0) {
      diag.error(t.path, "", "missing column '" + n + "'");
      ok = false;
    }
  return ok;
}

}  // namespace cm
