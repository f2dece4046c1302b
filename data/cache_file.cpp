#include "data/cache_file.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <system_error>

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

CacheWriter::CacheWriter(std::filesystem::path target) : target_(std::move(target)) {
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

void CacheWriter::bytes(const void* p, std::size_t n) {
  if (ok_ && n && std::fwrite(p, 1, n, file_) != n) ok_ = false;
}

void CacheWriter::putString(const std::string& s) {
  put(std::uint64_t(s.size()));
  bytes(s.data(), s.size());
}

bool CacheWriter::commit() {
  if (!file_) return false;
  ok_ = std::fclose(file_) == 0 && ok_;
  file_ = nullptr;
  std::error_code ec;
  if (ok_) std::filesystem::rename(temp_, target_, ec);
  if (!ok_ || ec) return false;
  temp_.clear();
  return true;
}

CacheReader::CacheReader(const std::filesystem::path& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return;
  file_ = std::fopen(path.c_str(), "rb");
  left_ = size;
  ok_ = file_ != nullptr;
}

CacheReader::~CacheReader() {
  if (file_) std::fclose(file_);
}

void CacheReader::bytes(void* p, std::size_t n) {
  if (!ok_ || n > left_ || (n && std::fread(p, 1, n, file_) != n)) return fail();
  left_ -= n;
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
