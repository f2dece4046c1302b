// Every file of the bad-input corpus through the real loaders: the data loads with warnings that
// name the file, the record and the problem, or loading stops with an error that does.
#include <filesystem>
#include <memory>

#include <gtest/gtest.h>

#include "base/utf8.h"
#include "corpus_cases.h"
#include "geo/ring_checks.h"
#include "politics/consistency.h"
#include "politics/control_history.h"
#include "politics/events.h"
#include "politics/leadership.h"
#include "politics/wards.h"
#include "store/boundary_loader.h"
#include "store/record_files.h"

namespace cm::corpus {
namespace {

std::string shared(const std::string& relative) { return std::string(COUNCILMAP_TEST_DATA) + "/" + relative; }

// The real council tiers, against which `check` tests the codes in the tables.
const std::vector<const BoundarySet*>& realBoundaries() {
  static const auto sets = [] {
    std::vector<std::unique_ptr<BoundarySet>> out;
    for (const char* layer : {"ltla", "utla", "cty"}) {
      Diagnostics ignored;
      out.push_back(
          std::make_unique<BoundarySet>(loadBoundaries({shared("boundaries/ons_uk_topojson_2014_2025.gpkg"), layer, "", ""}, ignored)));
    }
    return out;
  }();
  static const std::vector<const BoundarySet*> ptrs = {sets[0].get(), sets[1].get(), sets[2].get()};
  return ptrs;
}

struct Result {
  Diagnostics diag;
  int loaded = 0;
  std::string stoppedWith;  // a LoadError's message
};

// Loads a case the way the program does, then runs the cross-checks `councilmap check` adds.
Result load(const Case& c) {
  Result r;
  const std::string path = corpusPath(c.file);
  ConsistencyInputs in;
  if (c.kind != Kind::Boundaries) in.boundaries = realBoundaries();
  switch (c.kind) {
    case Kind::Boundaries:
      try {
        const BoundarySet set = loadBoundaries({path, "", "", ""}, r.diag);
        noteSelfCrossings(set, r.diag);
        r.loaded = int(set.features.size());
      } catch (const LoadError& e) {
        r.stoppedWith = e.what();
      }
      return r;
    case Kind::Events: {
      const EventLog log = readEvents(path, r.diag);
      r.loaded = int(log.all().size());
      in.events = &log;
      in.eventsFile = path;
      checkConsistency(in, r.diag);
      return r;
    }
    case Kind::Leadership: {
      const LeadershipRecord record = readLeadership(path, r.diag);
      r.loaded = int(record.all().size());
      in.leadership = &record;
      in.leadershipFile = path;
      checkConsistency(in, r.diag);
      return r;
    }
    case Kind::Control: {
      const ControlHistory h = readControlHistory(path, corpusPath("support/no_changes.csv"), corpusPath("support/no_lookup.csv"), r.diag);
      r.loaded = int(h.size());
      in.control = &h;
      in.controlFile = path;
      checkConsistency(in, r.diag);
      return r;
    }
    case Kind::WardCouncillors: r.loaded = int(readWardCouncillors(path, r.diag).size()); return r;
  }
  return r;
}

std::string listed(const Diagnostics& d) {
  std::string out;
  for (const auto& item : d.items()) out += "\n  " + item.text();
  return out.empty() ? " (none)" : out;
}

class BadInput : public testing::TestWithParam<Case> {};

TEST_P(BadInput, TellsTheUserTheFileTheRecordAndTheProblem) {
  const Case& c = GetParam();
  const std::string path = corpusPath(c.file);
  ASSERT_TRUE(std::filesystem::exists(path)) << path;
  const Result r = load(c);
  const bool stopped = !r.stoppedWith.empty() || (c.kind != Kind::Boundaries && r.diag.count(Severity::Error) && r.loaded == 0);
  EXPECT_EQ(stopped, c.outcome == Outcome::Stops) << "loaded " << r.loaded << "; " << r.stoppedWith << listed(r.diag);
  if (c.loaded >= 0 && r.stoppedWith.empty()) {
    EXPECT_EQ(r.loaded, c.loaded) << listed(r.diag);
  }

  for (const Expect& e : c.expect) {
    if (!r.stoppedWith.empty()) {
      // A load that stops says so in one message: the file and why.
      EXPECT_NE(r.stoppedWith.find(path), std::string::npos) << r.stoppedWith;
      EXPECT_NE(r.stoppedWith.find(e.message), std::string::npos) << r.stoppedWith;
      continue;
    }
    bool found = false;
    for (const auto& d : r.diag.items()) {
      found |= d.severity == e.severity && d.file == path && d.record == e.record && d.message.find(e.message) != std::string::npos;
    }
    EXPECT_TRUE(found) << "expected " << Diagnostic{e.severity, path, e.record, e.message}.text() << "\ngot:" << listed(r.diag);
  }
  // Whatever else is said names a file and a problem, and can be shown as it is (JSON, the UI).
  for (const auto& d : r.diag.items()) {
    EXPECT_FALSE(d.file.empty()) << d.text();
    EXPECT_FALSE(d.message.empty()) << d.text();
    EXPECT_TRUE(isValidUtf8(d.text())) << d.text();
  }
  // Cases that expect nothing are clean.
  if (c.expect.empty()) {
    EXPECT_EQ(r.diag.count(Severity::Warning) + r.diag.count(Severity::Error), 0u) << listed(r.diag);
  }
}

std::string caseName(const testing::TestParamInfo<Case>& info) {
  std::string name = info.param.file;
  for (char& ch : name)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return name + (info.param.kind == Kind::Boundaries && name.starts_with("tables") ? "_as_boundaries" : "");
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadInput, testing::ValuesIn(cases()), caseName);

TEST(BadInputCorpus, EveryCorpusFileHasACase) {
  std::size_t files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(COUNCILMAP_CORPUS)) {
    if (!e.is_regular_file() || e.path().parent_path().filename() == "support") continue;
    ++files;
    const std::string rel = std::filesystem::relative(e.path(), COUNCILMAP_CORPUS).string();
    bool found = false;
    for (const Case& c : cases()) found |= c.file == rel;
    EXPECT_TRUE(found) << rel << " has no entry in corpus_cases.h";
  }
  EXPECT_GE(cases().size(), 30u);
  EXPECT_GE(files, 30u);
}

}  // namespace
}  // namespace cm::corpus
