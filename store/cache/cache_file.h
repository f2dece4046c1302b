#pragma once
// Files in the per-user cache folder, written and read as flat binary records: what the geometry
// cache (store/cache/geometry_cache.h) builds on. Nothing here is precious: a file that is missing,
// truncated or from another build is simply not used, so writes are renamed into place (never
// half-visible) but not flushed to the disk.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace cm {

// $COUNCILMAP_CACHE_DIR if set (empty or "off": no cache), else $XDG_CACHE_HOME/councilmap, else
// ~/.cache/councilmap. nullopt when there is none.
std::optional<std::filesystem::path> cacheFolder();

// Appends values and arrays to a file that appears at `target` only when commit() succeeds.
class CacheWriter {
 public:
  explicit CacheWriter(const std::filesystem::path& target);  // through symbolic links, as AtomicFile
  ~CacheWriter();
  CacheWriter(const CacheWriter&) = delete;
  CacheWriter& operator=(const CacheWriter&) = delete;

  template <class T>
  void put(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    bytes(&v, sizeof v);
  }
  template <class T>
  void putArray(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    put(std::uint64_t(v.size()));
    bytes(v.data(), v.size() * sizeof(T));
  }
  void putString(const std::string& s);
  bool commit();  // renames the file into place; false (and no file) if anything failed

 private:
  void bytes(const void* p, std::size_t n);
  void flush();
  std::filesystem::path target_, temp_;
  std::string buffer_;
  std::FILE* file_ = nullptr;
  bool ok_ = false;
};

// Reads what a CacheWriter wrote; any read past the end or absurd size makes ok() false for good.
class CacheReader {
 public:
  explicit CacheReader(const std::filesystem::path& path);
  ~CacheReader();
  CacheReader(const CacheReader&) = delete;
  CacheReader& operator=(const CacheReader&) = delete;

  bool ok() const { return ok_; }
  template <class T>
  T get() {
    static_assert(std::is_trivially_copyable_v<T>);
    T v{};
    bytes(&v, sizeof v);
    return v;
  }
  template <class T>
  std::vector<T> getArray() {
    static_assert(std::is_trivially_copyable_v<T>);
    const auto n = get<std::uint64_t>();
    std::vector<T> v;
    if (!ok_ || n > left_ / sizeof(T)) return fail(), v;
    v.resize(n);
    bytes(v.data(), n * sizeof(T));
    return v;
  }
  std::string getString();
  bool atEnd() const { return ok_ && left_ == 0; }
  std::uint64_t left() const { return left_; }  // bytes not yet read

 private:
  void bytes(void* p, std::size_t n);
  void fail() { ok_ = false; }
  const unsigned char* map_ = nullptr;
  std::uint64_t size_ = 0;
  std::uint64_t left_ = 0;
  std::uint64_t released_ = 0;  // the bytes before this are read and let go of
  bool ok_ = false;
};

// Marks an entry as just used, so pruning removes the entries unused longest.
void touchCacheFile(const std::filesystem::path& path);
// Removes the least recently used files of `folder` until it holds at most `maxBytes`.
void pruneCacheFolder(const std::filesystem::path& folder, std::uintmax_t maxBytes);

}  // namespace cm
