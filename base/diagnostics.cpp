#include "base/diagnostics.h"

#include "base/utf8.h"

namespace cm {

std::string Diagnostic::text() const {
  const char* level = severity == Severity::Error ? "error" : severity == Severity::Warning ? "warning" : "note";
  std::string out = std::string(level) + ": " + file;
  if (!record.empty()) out += ": " + record;
  return out + ": " + message;
}

void Diagnostics::add(Severity s, std::string file, std::string record, std::string message) {
  // Messages quote what they are about (paths, codes, values), and are shown in JSON and the window.
  for (std::string* text : {&file, &record, &message}) repairUtf8(*text);
  items_.push_back({s, std::move(file), std::move(record), std::move(message)});
}

std::size_t Diagnostics::count(Severity s) const {
  std::size_t n = 0;
  for (const auto& d : items_) n += d.severity == s;
  return n;
}

void Diagnostics::print(std::ostream& out, Severity minimum, std::size_t limit) const {
  std::size_t shown = 0, hidden = 0;
  for (const auto& d : items_) {
    if (d.severity < minimum) continue;
    if (shown < limit) {
      out << "councilmap: " << d.text() << '\n';
      ++shown;
    } else {
      ++hidden;
    }
  }
  if (hidden) out << "councilmap: ... and " << hidden << " more\n";
}

}  // namespace cm
