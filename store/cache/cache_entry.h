#pragma once
// Keyed entries in the cache folder (store/cache/cache_file.h): each is a file named by a hash of its key,
// with the key written at its head and checked on reading, so an entry is only ever read for what
// it was made from. The geometry cache (store/cache/geometry_cache.h) and the table cache
// (store/cache/table_cache.h) are built on these.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "base/diagnostics.h"
#include "store/cache/cache_file.h"

namespace cm {

struct CacheEntry {
  std::filesystem::path path;
  std::string key;
  std::uint64_t magic;
};

// The entry for `key` in the cache folder; nullopt when there is no folder or the key is empty.
std::optional<CacheEntry> cacheEntryFor(const std::string& key, const char* kind, std::uint64_t magic);
// Whether the entry's file is there (without reading it: a hint, as openCacheEntry checks the key).
bool cacheEntryExists(const std::optional<CacheEntry>& entry);
// The entry, read past its header, if it exists and was written for its key.
std::unique_ptr<CacheReader> openCacheEntry(const std::optional<CacheEntry>& entry);
void writeCacheHeader(CacheWriter& w, const CacheEntry& entry);
// Puts the entry in place and keeps the folder under its size limit.
void commitCacheEntry(CacheWriter& w);

// Size and modification time, or empty if the file cannot be examined.
std::string fileStamp(const std::filesystem::path& file);
// "FILE\nSTAMP" for a local regular file (canonical), empty for anything else (URLs, databases).
std::string localFileKey(const std::string& path);
// What made an entry: this program (its file's stamp, and its GDAL part's: store/gdal/gdal_module.h) and the
// GDAL and PROJ it was built with.
std::string programKey();
std::string hexOf(std::uint64_t v);

// The diagnostics from `first` on, as a loader reported them, and back. Reading adds them to `out`
// with `storedSource` spelt as the caller spells it now (`source`).
void putDiagnostics(CacheWriter& w, const Diagnostics& diag, std::size_t first);
bool getDiagnostics(CacheReader& r, Diagnostics& out, const std::string& storedSource, const std::string& source);

// The file holding this code: the program's library (libcouncilmap.so) when a launcher loaded it,
// else the executable. Its stamp keys the cache, so a rebuild never reads an older build's entries.
// Looked up once (dladdr takes the dynamic linker's lock: see prepareThreadForLoading).
const std::filesystem::path& programFile();

}  // namespace cm
