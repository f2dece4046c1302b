#pragma once
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace cm {

// Raised for problems the user must fix before anything can be shown (no data folder, a bad date…).
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

enum class Severity { Info, Warning, Error };

// One thing the user should know about their input: which file, which record, what is wrong.
struct Diagnostic {
  Severity severity = Severity::Warning;
  std::string file;
  std::string record;  // feature code, FID or line; empty when it concerns the whole file
  std::string message;
  std::string text() const;  // "warning: FILE: RECORD: MESSAGE"
};

// Collects problems found while loading so that loading can carry on and the user sees them all.
class Diagnostics {
 public:
  void add(Severity s, std::string file, std::string record, std::string message);
  void info(std::string file, std::string record, std::string message) {
    add(Severity::Info, std::move(file), std::move(record), std::move(message));
  }
  void warn(std::string file, std::string record, std::string message) {
    add(Severity::Warning, std::move(file), std::move(record), std::move(message));
  }
  void error(std::string file, std::string record, std::string message) {
    add(Severity::Error, std::move(file), std::move(record), std::move(message));
  }
  void append(const Diagnostics& other) { items_.insert(items_.end(), other.items_.begin(), other.items_.end()); }
  const std::vector<Diagnostic>& items() const { return items_; }
  std::size_t count(Severity s) const;
  // Prints at most `limit` items (then a count of the rest) so a broken file cannot flood a terminal.
  void print(std::ostream& out, Severity minimum = Severity::Info, std::size_t limit = 50) const;

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace cm
