// AtomicFile: a writer killed at any point leaves the old file; a finished one replaces it whole.
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <sys/wait.h>

#include "../run_binary.h"
#include "base/atomic_file.h"

namespace cm {
namespace {

namespace fs = std::filesystem;

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::path(COUNCILMAP_TEST_OUTPUT) / "atomic";
  fs::create_directories(dir);
  return dir / name;
}

using cm::run::slurp;

TEST(AtomicFile, ReplacesWholeAndLeavesNoTemporaryFile) {
  const fs::path target = scratch("settings.json");
  std::ofstream(target) << "old";
  ASSERT_EQ(writeFileAtomically(target, "{\"new\": true}\n"), "");
  EXPECT_EQ(slurp(target), "{\"new\": true}\n");
  for (const auto& e : fs::directory_iterator(target.parent_path()))
    EXPECT_EQ(e.path().string().find(".tmp-"), std::string::npos) << e.path();
}

TEST(AtomicFile, NothingCommittedNothingChanged) {
  const fs::path target = scratch("untouched.txt");
  std::ofstream(target) << "old";
  fs::path temp;
  {
    AtomicFile f(target);
    temp = f.tempPath();
    std::ofstream(f.tempPath()) << "half";
  }  // an error path returns without commit()
  EXPECT_EQ(slurp(target), "old");
  EXPECT_FALSE(fs::exists(temp));
  EXPECT_NE(writeFileAtomically(scratch("no-such-folder") / "x.txt", "x"), "");
}

TEST(AtomicFile, AWriterKilledHalfWayLeavesTheOldFile) {
  const fs::path target = scratch("killed.bin");
  std::ofstream(target) << "old";
  int ready[2];
  ASSERT_EQ(::pipe(ready), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    AtomicFile f(target);
    std::FILE* out = std::fopen(f.tempPath().c_str(), "wb");
    const std::string block(1 << 20, 'x');
    std::fwrite(block.data(), 1, block.size(), out);
    std::fflush(out);
    (void)!::write(ready[1], "1", 1);  // half-way: tell the parent, then wait to be killed
    ::pause();
    _exit(0);
  }
  char c = 0;
  ASSERT_EQ(::read(ready[0], &c, 1), 1);
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  EXPECT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(slurp(target), "old");
  const fs::path stray = target.string() + ".tmp-" + std::to_string(child);
  EXPECT_EQ(fs::file_size(stray), 1u << 20);  // the half-written file is beside the target, not in its place
  fs::remove(stray);
  ::close(ready[0]);
  ::close(ready[1]);
}

TEST(AtomicFile, FollowsASymbolicLinkAndKeepsIt) {
  const fs::path real = scratch("real-settings.json"), link = scratch("linked-settings.json");
  fs::remove(link);
  std::ofstream(real) << "old";
  fs::create_symlink(real.filename(), link);
  ASSERT_EQ(writeFileAtomically(link, "new"), "");
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(slurp(real), "new");
  EXPECT_EQ(resolveWriteTarget(link).path, real);
  EXPECT_FALSE(resolveWriteTarget(link).writeThrough);
}

TEST(AtomicFile, WritesThroughSpecialFilesInsteadOfReplacingThem) {
  EXPECT_TRUE(resolveWriteTarget("/dev/null").writeThrough);
  EXPECT_TRUE(resolveWriteTarget("/dev/stdout").writeThrough);
  EXPECT_TRUE(resolveWriteTarget("/proc/self/fd/2").writeThrough);
  const fs::path link = scratch("to-null");
  fs::remove(link);
  fs::create_symlink("/dev/null", link);
  EXPECT_TRUE(resolveWriteTarget(link).writeThrough) << "a link to a device";
  EXPECT_EQ(writeFileAtomically(link, "discarded"), "");
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_TRUE(fs::is_character_file("/dev/null"));
  if (fs::exists("/dev/full")) {
    const std::string err = writeFileAtomically("/dev/full", std::string(1 << 16, 'x'));
    EXPECT_NE(err.find("No space left on device"), std::string::npos) << err;
    EXPECT_TRUE(fs::is_character_file("/dev/full"));
  }
}

}  // namespace
}  // namespace cm
