#include "store/cache/cache_entry.h"

#include <dlfcn.h>

#include <algorithm>

#include <gdal_version.h>
#include <proj.h>

namespace cm {
namespace fs = std::filesystem;
namespace {

constexpr std::uint32_t kByteOrder = 0x01020304;
constexpr std::uintmax_t kMaxCacheBytes = std::uintmax_t(1) << 30;

std::uint64_t fnv1a(const std::string& s) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (const unsigned char c : s) h = (h ^ c) * 0x100000001b3ull;
  return h;
}

}  // namespace

std::string hexOf(std::uint64_t v) {
  char b[17];
  std::snprintf(b, sizeof b, "%016llx", static_cast<unsigned long long>(v));
  return b;
}

std::optional<CacheEntry> cacheEntryFor(const std::string& key, const char* kind, std::uint64_t magic) {
  const auto folder = cacheFolder();
  if (!folder || key.empty()) return std::nullopt;
  return CacheEntry{*folder / (std::string(kind) + "-" + hexOf(fnv1a(key)) + ".cmc"), key, magic};
}

void writeCacheHeader(CacheWriter& w, const CacheEntry& e) {
  w.put(e.magic);
  w.put(kByteOrder);
  w.putString(e.key);
}

bool cacheEntryExists(const std::optional<CacheEntry>& e) {
  std::error_code ec;
  return e && fs::exists(e->path, ec);
}

std::unique_ptr<CacheReader> openCacheEntry(const std::optional<CacheEntry>& e) {
  if (!cacheEntryExists(e)) return nullptr;
  auto r = std::make_unique<CacheReader>(e->path);
  const bool ours = r->get<std::uint64_t>() == e->magic && r->get<std::uint32_t>() == kByteOrder && r->getString() == e->key;
  return ours && r->ok() ? std::move(r) : nullptr;
}

void commitCacheEntry(CacheWriter& w) {
  if (w.commit())
    if (const auto folder = cacheFolder()) pruneCacheFolder(*folder, kMaxCacheBytes);
}

std::string fileStamp(const fs::path& p) {
  std::error_code ec;
  const auto size = fs::file_size(p, ec);
  if (ec) return {};
  const auto time = fs::last_write_time(p, ec);
  if (ec) return {};
  return std::to_string(size) + "@" + std::to_string(time.time_since_epoch().count());
}

std::string localFileKey(const std::string& path) {
  std::error_code ec;
  const fs::path file = fs::canonical(path, ec);
  if (ec || !fs::is_regular_file(file, ec)) return {};
  return file.string() + "\n" + fileStamp(file);
}

// The versions are those of the headers built against, not looked up at run time: the program
// loads GDAL only when it needs it (store/gdal/gdal_module.h), and asking would load it. An upgrade of
// either that keeps its soname without a rebuild is the one change this misses.
std::string programKey() {
  static const std::string gdalPart = fileStamp(programFile().parent_path() / "libcouncilmap_gdal.so");  // what reads through GDAL
  return "program " + fileStamp(programFile()) + " " + gdalPart + "\nGDAL " GDAL_RELEASE_NAME " PROJ " +
         std::to_string(PROJ_VERSION_MAJOR) + "." + std::to_string(PROJ_VERSION_MINOR) + "." + std::to_string(PROJ_VERSION_PATCH) + "\n";
}

void putDiagnostics(CacheWriter& w, const Diagnostics& diag, std::size_t first) {
  const auto& items = diag.items();
  w.put(std::uint64_t(items.size() - std::min(first, items.size())));
  for (std::size_t i = first; i < items.size(); ++i) {
    w.put(std::uint8_t(items[i].severity));
    w.putString(items[i].file);
    w.putString(items[i].record);
    w.putString(items[i].message);
  }
}

bool getDiagnostics(CacheReader& r, Diagnostics& out, const std::string& storedSource, const std::string& source) {
  for (auto n = r.get<std::uint64_t>(); r.ok() && n > 0; --n) {
    const auto severity = Severity(std::min<int>(r.get<std::uint8_t>(), int(Severity::Error)));
    std::string file = r.getString(), record = r.getString(), message = r.getString();
    out.add(severity, file == storedSource ? source : std::move(file), std::move(record), std::move(message));
  }
  return r.ok();
}

const fs::path& programFile() {
  static const fs::path file = [] {
    Dl_info info{};
    if (dladdr(reinterpret_cast<void*>(&programFile), &info) && info.dli_fname && info.dli_fname[0] == '/') return fs::path(info.dli_fname);
    return fs::path("/proc/self/exe");
  }();
  return file;
}

}  // namespace cm
