// Where the program writes: through a FIFO or a device (never replacing it), through a symbolic link
// (replacing the file it names, keeping the link), to standard output, and what a full disk says.
#include <unistd.h>

#include <fstream>
#include <future>
#include <iterator>

#include <gtest/gtest.h>
#include <stb_image.h>
#include <sys/stat.h>

#include "cli_support.h"

using namespace cli;

namespace {
const char* kSmallExport = " --size 320x240 --date 2019-06-01 --no-caption";

bool decodesAs(const std::string& bytes, int width, int height) {
  int w = 0, h = 0, n = 0;
  unsigned char* px = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(bytes.data()), int(bytes.size()), &w, &h, &n, 4);
  if (px) stbi_image_free(px);
  return px && w == width && h == height;
}
}  // namespace

TEST(CliOutput, DashWritesThePngToStandardOutput) {
  const Outcome r = run(std::string("export --out -") + kSmallExport);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(decodesAs(r.out, 320, 240)) << r.out.size() << " bytes on standard output";
  EXPECT_FALSE(fs::exists("-"));
}

TEST(CliOutput, AFifoIsWrittenThroughAndReadByAnotherProcess) {
  const fs::path fifo = scratch("map.fifo");
  fs::remove(fifo);
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // The reader, as another program would be: it blocks until the export opens the FIFO.
  auto reader = std::async(std::launch::async, [&fifo] {
    std::ifstream in(fifo, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  });
  const Outcome r = run("export --out " + fifo.string() + kSmallExport);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(decodesAs(reader.get(), 320, 240));
  struct stat st {};
  ASSERT_EQ(::lstat(fifo.c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode)) << "the FIFO is still a FIFO, not a file renamed over it";
  for (const auto& e : fs::directory_iterator(fifo.parent_path()))
    EXPECT_EQ(e.path().filename().string().rfind("map.fifo.tmp-", 0), std::string::npos) << e.path();
}

TEST(CliOutput, ASymbolicLinkIsFollowedAndKept) {
  const fs::path target = scratch("real-map.png"), link = scratch("link-map.png");
  fs::remove(link);
  std::ofstream(target) << "old";
  fs::create_symlink(target.filename(), link);  // relative, as people make them
  const Outcome r = run("export --out " + link.string() + kSmallExport);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(fs::is_symlink(link)) << "the link is kept";
  EXPECT_TRUE(decodesAs(cm::run::slurp(target), 320, 240)) << "the file it names is replaced";
}

TEST(CliOutput, AFullDeviceSaysNoSpaceAndStaysADevice) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full here";
  const Outcome r = run(std::string("export --out /dev/full") + kSmallExport);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("No space left on device"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("Write Error"), std::string::npos) << r.err;
  struct stat st {};
  ASSERT_EQ(::lstat("/dev/full", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode)) << "/dev/full is still a device";
}

TEST(CliOutput, AGeoPackageIsNeverWrittenOverADevice) {
  const Outcome r = run("build-dataset --out /dev/null");
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("can only be written to a regular file"), std::string::npos) << r.err;
  struct stat st {};
  ASSERT_EQ(::lstat("/dev/null", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
}
