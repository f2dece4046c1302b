#include "store/cache/cache_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <system_error>

#include <sys/mman.h>
#include <sys/stat.h>

#include "base/atomic_file.h"

namespace cm {

std::optional<std::filesystem::path> cacheFolder() {
  if (const char* own = std::getenv("COUNCILMAP_CACHE_DIR")) {
    const std::string dir = own;
    if (dir.empty() || dir == "off") return std::nullopt;
    return std::filesystem::path(dir);
  }
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / "councilmap";
  if (const char* home = std::getenv("HOME"); home && *home) return std::filesystem::path(home) / ".cache" / "councilmap";
  return std::nullopt;
}

CacheWriter::CacheWriter(const std::filesystem::path& target) {
  const WriteTarget where = resolveWriteTarget(target);
  target_ = where.path;
  if (where.writeThrough) return;  // a device or a pipe in an entry's place stays: nothing is cached
  // Unique per process and per writer, so two threads or programs storing the same entry never
  // write into one file; the last rename wins, and both wrote the same thing.
  static std::atomic<unsigned> counter = 0;
  temp_ = target_.string() + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
  std::error_code ec;
  std::filesystem::create_directories(target_.parent_path(), ec);
  file_ = std::fopen(temp_.c_str(), "wb");
  ok_ = file_ != nullptr;
}

CacheWriter::~CacheWriter() {
  if (file_) std::fclose(file_);
  std::error_code ec;
  if (!temp_.empty()) std::filesystem::remove(temp_, ec);
}

// Gathered in memory and written a megabyte at a time: a table entry is a hundred thousand short
// strings, and a stdio call for each value cost more than the rest of storing it.
void CacheWriter::bytes(const void* p, std::size_t n) {
  constexpr std::size_t kChunk = std::size_t(1) << 20;
  if (!ok_ || n == 0) return;
  if (buffer_.size() + n > kChunk) flush();
  if (n >= kChunk)
    ok_ = ok_ && std::fwrite(p, 1, n, file_) == n;
  else
    buffer_.append(static_cast<const char*>(p), n);
}

void CacheWriter::flush() {
  if (ok_ && !buffer_.empty() && std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) ok_ = false;
  buffer_.clear();
}

void CacheWriter::putString(const std::string& s) {
  put(std::uint64_t(s.size()));
  bytes(s.data(), s.size());
}

bool CacheWriter::commit() {
  if (!file_) return false;
  flush();
  ok_ = std::fclose(file_) == 0 && ok_;
  file_ = nullptr;
  std::error_code ec;
  if (ok_) std::filesystem::rename(temp_, target_, ec);
  if (!ok_ || ec) return false;
  temp_.clear();
  return true;
}

// Mapped rather than read through stdio: a table entry is a hundred thousand short strings, and a
// call per value cost more than the rest of reading it. A small entry is faulted in at once; a large
// one (a ward layer, tens of MB) is read in order and let go of as it is copied, so that it never
// sits in memory twice over (peak memory is a budget: bench_memory).
constexpr std::uint64_t kPopulateBytes = 8u << 20, kReleaseBytes = 4u << 20;

CacheReader::CacheReader(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && st.st_size > 0) {
    const auto size = std::uint64_t(st.st_size);
    void* p = ::mmap(nullptr, std::size_t(size), PROT_READ, MAP_PRIVATE | (size <= kPopulateBytes ? MAP_POPULATE : 0), fd, 0);
    if (p != MAP_FAILED) {
      if (size > kPopulateBytes) ::madvise(p, std::size_t(size), MADV_SEQUENTIAL);
      map_ = static_cast<const unsigned char*>(p);
      size_ = left_ = size;
      ok_ = true;
    }
  }
  ::close(fd);
}

CacheReader::~CacheReader() {
  if (map_) ::munmap(const_cast<unsigned char*>(map_), std::size_t(size_));
}

void CacheReader::bytes(void* p, std::size_t n) {
  if (!ok_ || n > left_) return fail();
  if (n) std::memcpy(p, map_ + (size_ - left_), n);
  left_ -= n;
  const std::uint64_t read = size_ - left_, page = std::uint64_t(::sysconf(_SC_PAGESIZE));
  if (size_ > kPopulateBytes && read - released_ >= kReleaseBytes) {
    const std::uint64_t upTo = read / page * page;
    ::madvise(const_cast<unsigned char*>(map_) + released_, std::size_t(upTo - released_), MADV_DONTNEED);
    released_ = upTo;
  }
}

std::string CacheReader::getString() {
  const auto n = get<std::uint64_t>();
  std::string s;
  if (!ok_ || n > left_) return fail(), s;
  s.resize(n);
  bytes(s.data(), n);
  return s;
}

void touchCacheFile(const std::filesystem::path& path) {
  std::error_code ec;
  std::filesystem::last_write_time(path, std::filesystem::file_time_type::clock::now(), ec);
}

void pruneCacheFolder(const std::filesystem::path& folder, std::uintmax_t maxBytes) {
  struct Entry {
    std::filesystem::path path;
    std::filesystem::file_time_type used;
    std::uintmax_t bytes;
  };
  std::vector<Entry> entries;
  std::uintmax_t total = 0;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(folder, ec)) {
    if (!e.is_regular_file(ec)) continue;
    const auto bytes = e.file_size(ec);
    if (ec) continue;
    entries.push_back({e.path(), e.last_write_time(ec), bytes});
    total += bytes;
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.used < b.used; });
  for (const Entry& e : entries) {
    if (total <= maxBytes) break;
    if (std::filesystem::remove(e.path, ec)) total -= e.bytes;
  }
}

}  // namespace cm
