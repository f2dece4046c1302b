#include "store/cache/table_cache.h"

#include "store/cache/cache_entry.h"

namespace cm {
namespace {

constexpr std::uint64_t kTableMagic = 0x31424154434dull;  // "CMTAB1"

std::optional<CacheEntry> tableEntry(const std::string& path, const std::string& layer) {
  if (!cacheFolder() || layer.empty()) return std::nullopt;
  const std::string fileKey = localFileKey(path);
  return fileKey.empty() ? std::nullopt : cacheEntryFor("table\n" + fileKey + "\n" + layer + "\n" + programKey(), "table", kTableMagic);
}

}  // namespace

std::optional<CsvTable> readCachedTable(const std::string& path, const std::string& layer, Diagnostics& diag) {
  const auto entry = tableEntry(path, layer);
  const auto reader = openCacheEntry(entry);
  if (!reader) return std::nullopt;
  CacheReader& r = *reader;
  const std::string storedPath = r.getString();
  CsvTable t;
  t.path = path + ":" + layer;  // as this caller spelt it
  const auto columns = r.get<std::uint64_t>();
  if (!r.ok() || columns > r.left() / 8) return std::nullopt;
  t.columns.resize(columns);
  for (std::string& c : t.columns) c = r.getString();
  const auto rows = r.get<std::uint64_t>();
  if (!r.ok() || rows > r.left() / (4 + 8 * std::max<std::uint64_t>(columns, 1))) return std::nullopt;
  t.rows.resize(rows);
  for (CsvTable::Row& row : t.rows) {
    row.line = r.get<std::int32_t>();
    row.values.resize(columns);
    for (std::string& v : row.values) v = r.getString();
    if (!r.ok()) return std::nullopt;
  }
  Diagnostics replay;
  if (!getDiagnostics(r, replay, storedPath, t.path) || !r.atEnd()) return std::nullopt;
  diag.append(replay);
  touchCacheFile(entry->path);
  return t;
}

bool hasCachedTable(const std::string& path, const std::string& layer) { return cacheEntryExists(tableEntry(path, layer)); }

void storeCachedTable(const std::string& path, const std::string& layer, const CsvTable& t, const Diagnostics& diag,
                      std::size_t firstDiagnostic) {
  const auto entry = tableEntry(path, layer);
  if (!entry) return;
  for (const CsvTable::Row& row : t.rows)
    if (row.values.size() != t.columns.size()) return;  // never so from readTable; not worth a format for
  CacheWriter w(entry->path);
  writeCacheHeader(w, *entry);
  w.putString(t.path);
  w.put(std::uint64_t(t.columns.size()));
  for (const std::string& c : t.columns) w.putString(c);
  w.put(std::uint64_t(t.rows.size()));
  for (const CsvTable::Row& row : t.rows) {
    w.put(std::int32_t(row.line));
    for (const std::string& v : row.values) w.putString(v);
  }
  putDiagnostics(w, diag, firstDiagnostic);
  commitCacheEntry(w);
}

}  // namespace cm
