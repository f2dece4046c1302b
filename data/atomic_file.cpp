#include "data/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace cm {
namespace {

// Without fsync a crash of the machine (not just of the program) could leave the renamed file empty.
bool syncPath(const std::filesystem::path& p, int flags) {
  const int fd = ::open(p.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0 || errno == EINVAL;  // some file systems cannot sync a folder
  ::close(fd);
  return ok;
}

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target)
    : target_(std::move(target)), temp_(target_.string() + ".tmp-" + std::to_string(::getpid())) {
  std::error_code ec;
  std::filesystem::remove(temp_, ec);  // left by an earlier process that had this pid
}

AtomicFile::~AtomicFile() {
  if (committed_) return;
  std::error_code ec;
  std::filesystem::remove(temp_, ec);
}

std::string AtomicFile::commit() {
  const std::string failed = "cannot write '" + target_.string() + "': ";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(temp_, ec)) return failed + "nothing was written";
  if (!syncPath(temp_, O_RDONLY)) return failed + std::strerror(errno);
  std::filesystem::rename(temp_, target_, ec);
  if (ec) return failed + ec.message();
  committed_ = true;
  const auto dir = target_.parent_path();
  syncPath(dir.empty() ? "." : dir, O_RDONLY | O_DIRECTORY);
  return {};
}

std::string writeFileAtomically(const std::filesystem::path& target, std::string_view content) {
  AtomicFile file(target);
  std::FILE* f = std::fopen(file.tempPath().c_str(), "wb");
  if (!f) return "cannot write '" + target.string() + "': " + std::strerror(errno);
  const bool written = std::fwrite(content.data(), 1, content.size(), f) == content.size();
  const int savedErrno = errno;
  if (std::fclose(f) != 0 || !written) return "cannot write '" + target.string() + "': " + std::strerror(written ? errno : savedErrno);
  return file.commit();
}

}  // namespace cm
