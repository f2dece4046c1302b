// The bad-input corpus through the real binary, as a user meets it: `check` lists every problem
// with its file and record, `export` and `query` carry on or stop with a message, the window keeps
// running; and writes killed half-way never replace a good file.
#include <signal.h>
#include <spawn.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <stb_image.h>
#include <sys/wait.h>

#include "../run_binary.h"
#include "corpus_cases.h"

extern char** environ;

namespace cm::corpus {
namespace {

namespace fs = std::filesystem;

using Ran = cm::run::Outcome;
using cm::run::slurp;

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::path(COUNCILMAP_TEST_OUTPUT) / "cli";
  fs::create_directories(dir);
  return dir / name;
}

// Arguments are single-quoted for the shell; the corpus names hold no quotes.
Ran run(const std::string& args) {
  static int counter = 0;
  const fs::path errFile = scratch("stderr-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  return cm::run::runCommand("SDL_VIDEODRIVER=offscreen " COUNCILMAP_BINARY " " + args, errFile);
}

std::string q(const std::string& s) { return "'" + s + "'"; }

class BadBoundaries : public testing::TestWithParam<Case> {};

// `check` exits 0 with warnings, 1 with errors, 3 when the file cannot be loaded at all, and in
// every case prints "FILE: RECORD: PROBLEM" for what the corpus says the user must be told.
TEST_P(BadBoundaries, CheckListsEveryProblemWithFileAndRecord) {
  const Case& c = GetParam();
  const std::string path = corpusPath(c.file);
  const Ran r = run("check -v --boundaries " + q(path));
  const std::string all = r.out + r.err;
  if (c.outcome == Outcome::Stops) {
    EXPECT_EQ(r.code, 3) << all;
    EXPECT_NE(r.err.find("councilmap: error: "), std::string::npos) << all;
  } else {
    EXPECT_EQ(r.code, 0) << all;
    EXPECT_NE(r.out.find("councilmap check: boundaries " + path), std::string::npos) << all;
  }
  for (const Expect& e : c.expect) {
    // One line names the file, then the record, then the problem.
    const std::string where = c.outcome == Outcome::Stops ? path : path + ": " + (e.record.empty() ? "" : e.record + ": ");
    bool found = false;
    std::istringstream lines(all);
    for (std::string line; std::getline(lines, line);) {
      const auto at = line.find(where);
      found |= at != std::string::npos && line.find(e.message, at + where.size()) != std::string::npos;
    }
    EXPECT_TRUE(found) << "expected a line with: " << where << " ... " << e.message << "\ngot:\n" << all;
  }
}

std::vector<Case> boundaryCases() {
  std::vector<Case> out;
  for (const Case& c : cases())
    if (c.kind == Kind::Boundaries) out.push_back(c);
  return out;
}

std::string caseName(const testing::TestParamInfo<Case>& info) {
  std::string name = info.param.file;
  for (char& ch : name)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadBoundaries, testing::ValuesIn(boundaryCases()), caseName);

TEST(BadInputCli, ExportDrawsWhatLoadsAndRefusesWhatDoesNot) {
  for (const char* file : {"boundaries/nan_coordinates.geojson", "boundaries/bowtie.geojson", "boundaries/hole_outside_shell.geojson",
                           "boundaries/invalid_utf8_names.geojson", "boundaries/huge_coordinates_27700.geojson",
                           "boundaries/empty_collection.geojson", "boundaries/valid_no_crs.topojson"}) {
    const fs::path out = scratch("export.png");
    fs::remove(out);
    const Ran r = run("export --size 320x200 --out " + out.string() + " --boundaries " + q(corpusPath(file)));
    EXPECT_EQ(r.code, 0) << file << "\n" << r.err;
    EXPECT_TRUE(fs::exists(out)) << file;
  }
  for (const char* file : {"boundaries/truncated.geojson", "boundaries/empty.geojson", "boundaries/points_only.geojson"}) {
    const fs::path out = scratch("refused.png");
    fs::remove(out);
    const Ran r = run("export --size 320x200 --out " + out.string() + " --boundaries " + q(corpusPath(file)));
    EXPECT_EQ(r.code, 3) << file;
    EXPECT_NE(r.err.find(corpusPath(file)), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(out)) << file;
  }
}

TEST(BadInputCli, QueryAnswersInValidJsonWhateverTheNames) {
  const Ran welsh = run("query --at -4.35,53.25 --boundaries " + q(corpusPath("boundaries/welsh_and_gaelic_names.geojson")));
  ASSERT_EQ(welsh.code, 0) << welsh.err;
  EXPECT_EQ(nlohmann::json::parse(welsh.out)["council"]["name"], "Ynys M\u00f4n");
  const Ran gaelic = run("query --at -6.95,57.85 --boundaries " + q(corpusPath("boundaries/welsh_and_gaelic_names.geojson")));
  EXPECT_EQ(nlohmann::json::parse(gaelic.out)["council"]["name"], "Comhairle nan Eilean Siar");
  const Ran bad = run("query --at -0.15,51.5 --boundaries " + q(corpusPath("boundaries/invalid_utf8_names.geojson")));
  ASSERT_EQ(bad.code, 0) << bad.err;
  EXPECT_EQ(nlohmann::json::parse(bad.out)["council"]["name"], "Caf\uFFFD Ward \uFFFD");
  EXPECT_NE(bad.err.find("name is not valid UTF-8"), std::string::npos) << bad.err;
}

// A data folder like the shared one but with a hand-broken composition table: the real files are
// linked, not copied.
fs::path dataFolderWith(const std::string& compositionCase) {
  const fs::path dir = scratch("data-" + fs::path(compositionCase).stem().string());
  fs::remove_all(dir);
  fs::create_directories(dir / "control");
  const fs::path shared = COUNCILMAP_TEST_DATA;
  for (const auto& e : fs::directory_iterator(shared))
    if (e.path().filename() != "control") fs::create_directory_symlink(e.path(), dir / e.path().filename());
  for (const auto& e : fs::directory_iterator(shared / "control")) fs::create_symlink(e.path(), dir / "control" / e.path().filename());
  const fs::path table = dir / "control" / "ocd_council_composition_2016_2026_gss.csv";
  fs::remove(table);
  fs::create_symlink(corpusPath(compositionCase), table);
  return dir;
}

TEST(BadInputCli, CheckReportsABrokenCompositionTableByLine) {
  for (const Case& c : cases()) {
    if (c.kind != Kind::Control) continue;
    const fs::path data = dataFolderWith(c.file);
    const Ran r = run("check --data " + data.string());
    bool errors = c.outcome == Outcome::Stops;
    for (const Expect& e : c.expect) {
      errors |= e.severity == Severity::Error;
      const std::string line = (e.record.empty() ? "" : e.record + ": ") + e.message;
      EXPECT_NE(r.out.find(line), std::string::npos) << c.file << ": expected " << line << "\n" << r.out << r.err;
    }
    EXPECT_EQ(r.code, errors ? 1 : 0) << c.file << "\n" << r.out << r.err;
  }
}

// Pixels that differ between two screenshots of the same size within a region.
std::size_t differing(const fs::path& a, const fs::path& b, int x0, int y0, int x1, int y1) {
  int w = 0, h = 0, n = 0, w2 = 0, h2 = 0;
  unsigned char* pa = stbi_load(a.c_str(), &w, &h, &n, 4);
  unsigned char* pb = stbi_load(b.c_str(), &w2, &h2, &n, 4);
  std::size_t count = 0;
  if (pa && pb && w == w2 && h == h2)
    for (int y = std::max(0, y0); y < std::min(h, y1); ++y)
      for (int x = std::max(0, x0); x < std::min(w, x1); ++x) count += std::memcmp(pa + 4 * (y * w + x), pb + 4 * (y * w + x), 3) != 0;
  else
    count = SIZE_MAX;
  stbi_image_free(pa);
  stbi_image_free(pb);
  return count;
}

// The same two areas, once clean and once with a third that has no geometry: the window runs,
// shows a "1 data warning" button in its bottom-left corner, and opens the list when clicked.
TEST(BadInputCli, TheWindowKeepsRunningAndShowsTheWarnings) {
  const std::string area = R"({"type":"Feature","properties":{"code":"E0900000%","name":"Area %"},"geometry":)";
  auto feature = [&](char k, const std::string& geometry) {
    std::string f = area;
    for (char& ch : f)
      if (ch == '%') ch = k;
    return f + geometry + "}";
  };
  const std::string a =
      feature('1', R"({"type":"Polygon","coordinates":[[[-0.2,51.45],[-0.1,51.45],[-0.1,51.55],[-0.2,51.55],[-0.2,51.45]]]})");
  const std::string b = feature('2', R"({"type":"Polygon","coordinates":[[[-0.1,51.45],[0,51.45],[0,51.55],[-0.1,51.55],[-0.1,51.45]]]})");
  std::ofstream(scratch("clean.geojson")) << R"({"type":"FeatureCollection","features":[)" << a << "," << b << "]}";
  std::ofstream(scratch("warned.geojson")) << R"({"type":"FeatureCollection","features":[)" << a << "," << b << "," << feature('3', "null")
                                           << "]}";
  for (const char* name : {"clean", "warned"}) {
    const fs::path script = scratch(std::string(name) + ".script");
    std::ofstream(script) << "wait 5\nscreenshot " << scratch(std::string(name) + "-closed.png").string()
                          << "\nclick 60 571\nwait 5\nscreenshot " << scratch(std::string(name) + "-open.png").string() << "\n";
    const Ran r =
        run("--width 800 --height 600 --script " + script.string() + " --boundaries " + scratch(std::string(name) + ".geojson").string());
    EXPECT_EQ(r.code, 0) << r.err;
    if (std::string(name) == "warned") {
      EXPECT_NE(r.err.find("warned.geojson: E09000003 (Area 3): has no geometry"), std::string::npos) << r.err;
    }
  }
  // Only the warned map has the button; clicking it opens a panel over much of the map.
  EXPECT_GT(differing(scratch("clean-closed.png"), scratch("warned-closed.png"), 0, 540, 200, 600), 100u);
  EXPECT_GT(differing(scratch("warned-closed.png"), scratch("warned-open.png"), 0, 0, 420, 600), 5000u);
  EXPECT_LT(differing(scratch("clean-closed.png"), scratch("clean-open.png"), 0, 0, 420, 600), 5000u);
}

// Starts the binary, waits until its temporary file has content, and kills it there.
struct Killed {
  bool caughtMidWrite = false;
  std::string stray;  // the temporary file left behind
};
Killed killMidWrite(std::vector<std::string> args, const fs::path& target) {
  std::vector<char*> argv{const_cast<char*>(COUNCILMAP_BINARY)};
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  EXPECT_EQ(posix_spawn(&pid, COUNCILMAP_BINARY, nullptr, nullptr, argv.data(), environ), 0);
  const fs::path temp = target.string() + ".tmp-" + std::to_string(pid);
  Killed k;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(100);
  int status = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    std::error_code ec;
    if (fs::file_size(temp, ec) > 0 && !ec) {
      ::kill(pid, SIGKILL);
      k.caughtMidWrite = true;
      break;
    }
    if (::waitpid(pid, &status, WNOHANG) == pid) return k;  // finished before we caught it
    std::this_thread::sleep_for(std::chrono::microseconds(500));
  }
  if (!k.caughtMidWrite) ::kill(pid, SIGKILL);
  ::waitpid(pid, &status, 0);
  if (fs::exists(temp)) k.stray = temp.string();
  return k;
}

TEST(AtomicWrites, BuildDatasetKilledMidWriteLeavesTheOldDataset) {
  const fs::path out = scratch("killed.gpkg");
  std::ofstream(out) << "the previous good dataset";
  const Killed k = killMidWrite({"build-dataset", "--out", out.string()}, out);
  ASSERT_TRUE(k.caughtMidWrite) << "build-dataset finished before its temporary file could be caught";
  EXPECT_EQ(slurp(out), "the previous good dataset");
  EXPECT_FALSE(k.stray.empty()) << "the half-written file was beside the target, not in its place";
  if (!k.stray.empty()) fs::remove(k.stray);
}

TEST(AtomicWrites, ExportKilledMidWriteLeavesTheOldImage) {
  const fs::path out = scratch("killed.png");
  std::ofstream(out) << "the previous good image";
  // A large image takes long enough to write to be caught; a run that is not caught must still
  // leave either the old file or a whole new one.
  for (int attempt = 0; attempt < 5; ++attempt) {
    const Killed k = killMidWrite({"export", "--size", "8000x8000", "--samples", "1", "--out", out.string()}, out);
    const std::string now = slurp(out);
    if (k.caughtMidWrite) {
      EXPECT_EQ(now, "the previous good image");
      if (!k.stray.empty()) fs::remove(k.stray);
      return;
    }
    ASSERT_TRUE(now == "the previous good image" || now.starts_with("\x89PNG")) << "a partial file replaced the image";
    std::ofstream(out) << "the previous good image";
  }
  GTEST_SKIP() << "export wrote its image too quickly to be caught mid-write";
}

}  // namespace
}  // namespace cm::corpus
