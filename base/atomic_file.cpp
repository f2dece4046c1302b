#include "base/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <sys/stat.h>

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

// /dev/stdout leads through /proc/self/fd/1 to names such as "pipe:[1234]" that are no path at all:
// anything there is written through by the name given.
bool isSystemPath(const std::filesystem::path& p) {
  const std::string s = p.lexically_normal().string();
  return s.rfind("/dev/", 0) == 0 || s.rfind("/proc/", 0) == 0;
}

}  // namespace

WriteTarget resolveWriteTarget(const std::filesystem::path& target) {
  namespace fs = std::filesystem;
  if (isSystemPath(target)) return {target, true};
  fs::path p = target;
  std::error_code ec;
  for (int hops = 0; hops < 40 && fs::is_symlink(p, ec); ++hops) {
    const fs::path next = fs::read_symlink(p, ec);
    if (ec) break;
    p = next.is_absolute() ? next : p.parent_path() / next;
    if (isSystemPath(p)) return {target, true};
  }
  struct stat st {};
  if (::stat(p.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) return {target, true};
  return {p, false};
}

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
  const WriteTarget where = resolveWriteTarget(target_);
  writeThrough_ = where.writeThrough;
  if (writeThrough_) {
    temp_ = target_;
    return;
  }
  target_ = where.path;  // through its links: the link itself stays
  temp_ = target_.string() + ".tmp-" + std::to_string(::getpid());
  std::error_code ec;
  std::filesystem::remove(temp_, ec);  // left by an earlier process that had this pid
}

AtomicFile::~AtomicFile() {
  if (committed_ || writeThrough_) return;
  std::error_code ec;
  std::filesystem::remove(temp_, ec);
}

std::string AtomicFile::commit() {
  const std::string failed = "cannot write '" + target_.string() + "': ";
  if (writeThrough_) {
    committed_ = true;
    return {};
  }
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
  const int writeErrno = errno;
  const bool flushed = std::fflush(f) == 0;  // a full disk often shows only here
  const int flushErrno = errno;
  if (std::fclose(f) != 0 || !written || !flushed)
    return "cannot write '" + target.string() + "': " + std::strerror(!written ? writeErrno : !flushed ? flushErrno : errno);
  return file.commit();
}

}  // namespace cm
