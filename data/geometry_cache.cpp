#include "data/geometry_cache.h"

#include <dlfcn.h>

#include <gdal.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "data/cache_file.h"
#include "data/ring_checks.h"

namespace cm {
namespace fs = std::filesystem;
namespace {

constexpr std::uint64_t kLayerMagic = 0x314c59414d43ull;  // "CMAYL1", then the byte order check
constexpr std::uint64_t kLevelsMagic = 0x31564c4d43ull;   // "CMLV1"
constexpr std::uint32_t kByteOrder = 0x01020304;
constexpr std::uintmax_t kMaxCacheBytes = std::uintmax_t(1) << 30;

// The record layouts are written as they lie in memory: a change to these structs must change
// what is written (and the magic), which these checks make impossible to forget.
static_assert(sizeof(Part) == 40 && sizeof(Ring) == 8 && sizeof(Point2) == 16 && sizeof(Box) == 32);
static_assert(sizeof(MeshVertex) == 12 && sizeof(IndexRange) == 8);
static_assert(sizeof(Feature) == 3 * sizeof(std::string) + 16 + sizeof(Box), "Feature changed: store its new fields");

std::uint64_t fnv1a(const std::string& s) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (const unsigned char c : s) h = (h ^ c) * 0x100000001b3ull;
  return h;
}

std::string hex(std::uint64_t v) {
  char b[17];
  std::snprintf(b, sizeof b, "%016llx", static_cast<unsigned long long>(v));
  return b;
}

// Size and modification time, or empty if the file cannot be examined.
std::string stamp(const fs::path& p) {
  std::error_code ec;
  const auto size = fs::file_size(p, ec);
  if (ec) return {};
  const auto time = fs::last_write_time(p, ec);
  if (ec) return {};
  return std::to_string(size) + "@" + std::to_string(time.time_since_epoch().count());
}

// Everything the loaded layer depends on: the file and its companions (a shapefile's .dbf and
// .prj), the layer and fields asked for, and this program and the GDAL and PROJ it runs with,
// since their code made the entry. Empty when the source is not a local file.
std::string layerKey(const BoundarySource& src) {
  std::error_code ec;
  const fs::path file = fs::canonical(src.path, ec);
  if (ec || !fs::is_regular_file(file, ec)) return {};
  std::string key = "layer\n" + file.string() + "\n" + stamp(file) + "\n" + src.layer + "\n" + src.codeField + "\n" + src.nameField + "\n";
  std::string ext = file.extension().string();
  for (char& c : ext) c = char(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".shp")
    for (const char* companion : {".dbf", ".shx", ".prj", ".cpg", ".DBF", ".SHX", ".PRJ", ".CPG"})
      key += std::string(companion) + " " + stamp(fs::path(file).replace_extension(companion)) + "\n";
  int major = 0, minor = 0, patch = 0;
  OSRGetPROJVersion(&major, &minor, &patch);
  key += "program " + stamp(programFile()) + "\nGDAL " + GDALVersionInfo("RELEASE_NAME") + " PROJ " + std::to_string(major) +
         "." + std::to_string(minor) + "." + std::to_string(patch) + "\n";
  return key;
}

std::string levelsKey(const BoundarySet& set) {
  return "levels\n" + hex(geometryHash(set)) + " " + std::to_string(set.features.size()) + "\nprogram " + stamp(programFile()) + "\n";
}

// A cache entry: its file, and the key written at its head and checked on reading.
struct Entry {
  fs::path path;
  std::string key;
  std::uint64_t magic;
};

std::optional<Entry> entryFor(const std::string& key, const char* kind, std::uint64_t magic) {
  const auto folder = cacheFolder();
  if (!folder || key.empty()) return std::nullopt;
  return Entry{*folder / (std::string(kind) + "-" + hex(fnv1a(key)) + ".cmc"), key, magic};
}

// No cache is checked first: the keys cost a few file stats or a pass over every vertex.
std::optional<Entry> layerEntry(const BoundarySource& src) {
  return cacheFolder() ? entryFor(layerKey(src), "layer", kLayerMagic) : std::nullopt;
}

std::optional<Entry> levelsEntry(const BoundarySet& set) {
  return cacheFolder() ? entryFor(levelsKey(set), "levels", kLevelsMagic) : std::nullopt;
}

void writeHeader(CacheWriter& w, const Entry& e) {
  w.put(e.magic);
  w.put(kByteOrder);
  w.putString(e.key);
}

// The entry read past its header, if it exists and was written for its key.
std::unique_ptr<CacheReader> openEntry(const std::optional<Entry>& e) {
  std::error_code ec;
  if (!e || !fs::exists(e->path, ec)) return nullptr;
  auto r = std::make_unique<CacheReader>(e->path);
  const bool ours = r->get<std::uint64_t>() == e->magic && r->get<std::uint32_t>() == kByteOrder && r->getString() == e->key;
  return ours && r->ok() ? std::move(r) : nullptr;
}

void finish(CacheWriter& w) {
  if (w.commit())
    if (const auto folder = cacheFolder()) pruneCacheFolder(*folder, kMaxCacheBytes);
}

// Every index stays inside what it indexes, so a damaged entry can never be read out of range.
bool consistent(const BoundarySet& s) {
  for (const Feature& f : s.features)
    if (std::uint64_t(f.firstPart) + f.partCount > s.parts.size()) return false;
  for (const Part& p : s.parts)
    if (std::uint64_t(p.firstRing) + p.ringCount > s.rings.size()) return false;
  for (const Ring& r : s.rings)
    if (std::uint64_t(r.first) + r.count > s.points.size() || r.count < 3) return false;
  // Nor can it hold rings or points loading would have refused (BoundarySet::addPart, data/boundary_loader.cpp).
  for (const Point2& p : s.points)
    if (!isFinite(p) || std::abs(p.x) > kAbsurdMapCoordinate || std::abs(p.y) > kAbsurdMapCoordinate) return false;
  return true;
}

bool consistent(const MapMesh& m, std::size_t features) {
  if (m.fillRanges.size() != features || m.borderRanges.size() != features || m.triangles.size() % 3) return false;
  for (const std::uint32_t i : m.triangles)
    if (i >= m.vertices.size()) return false;
  for (const IndexRange& r : m.fillRanges)
    if (std::uint64_t(r.first) + r.count > m.triangles.size()) return false;
  for (const IndexRange& r : m.borderRanges)
    if (std::uint64_t(r.first) + r.count > m.vertices.size()) return false;
  return true;
}

}  // namespace

const fs::path& programFile() {
  static const fs::path file = [] {
    Dl_info info{};
    if (dladdr(reinterpret_cast<void*>(&programFile), &info) && info.dli_fname && info.dli_fname[0] == '/') return fs::path(info.dli_fname);
    return fs::path("/proc/self/exe");
  }();
  return file;
}

std::optional<BoundarySet> readCachedBoundaries(const BoundarySource& src, Diagnostics& diag) {
  const auto entry = layerEntry(src);
  const auto reader = openEntry(entry);
  if (!reader) return std::nullopt;
  CacheReader& r = *reader;
  BoundarySet s;
  const std::string storedSource = r.getString();
  s.source = src.path;  // as this caller spelt it
  s.layer = r.getString();
  s.crsNote = r.getString();
  s.hasYears = r.get<std::uint8_t>() != 0;
  s.extent = r.get<Box>();
  const auto features = r.get<std::uint64_t>();
  if (!r.ok() || features > r.left() / 72) return std::nullopt;  // each takes at least 72 bytes
  s.features.resize(features);
  for (Feature& f : s.features) {
    f.code = r.getString();
    f.name = r.getString();
    f.parent = r.getString();
    f.startYear = r.get<std::int32_t>();
    f.endYear = r.get<std::int32_t>();
    f.firstPart = r.get<std::uint32_t>();
    f.partCount = r.get<std::uint32_t>();
    f.bbox = r.get<Box>();
  }
  s.parts = r.getArray<Part>();
  s.rings = r.getArray<Ring>();
  s.points = r.getArray<Point2>();
  Diagnostics replay;
  for (auto n = r.get<std::uint64_t>(); r.ok() && n > 0; --n) {
    const auto severity = Severity(std::min<int>(r.get<std::uint8_t>(), int(Severity::Error)));
    std::string file = r.getString(), record = r.getString(), message = r.getString();
    replay.add(severity, file == storedSource ? src.path : std::move(file), std::move(record), std::move(message));
  }
  if (!r.atEnd() || !consistent(s)) return std::nullopt;
  for (const Diagnostic& d : replay.items()) diag.add(d.severity, d.file, d.record, d.message);
  touchCacheFile(entry->path);
  return s;
}

void storeCachedBoundaries(const BoundarySource& src, const BoundarySet& s, const Diagnostics& diag, std::size_t firstDiagnostic) {
  const auto entry = layerEntry(src);
  if (!entry) return;
  CacheWriter w(entry->path);
  writeHeader(w, *entry);
  w.putString(s.source);
  w.putString(s.layer);
  w.putString(s.crsNote);
  w.put(std::uint8_t(s.hasYears));
  w.put(s.extent);
  w.put(std::uint64_t(s.features.size()));
  for (const Feature& f : s.features) {
    w.putString(f.code);
    w.putString(f.name);
    w.putString(f.parent);
    w.put(std::int32_t(f.startYear));
    w.put(std::int32_t(f.endYear));
    w.put(f.firstPart);
    w.put(f.partCount);
    w.put(f.bbox);
  }
  w.putArray(s.parts);
  w.putArray(s.rings);
  w.putArray(s.points);
  const auto& items = diag.items();
  w.put(std::uint64_t(items.size() - std::min(firstDiagnostic, items.size())));
  for (std::size_t i = firstDiagnostic; i < items.size(); ++i) {
    w.put(std::uint8_t(items[i].severity));
    w.putString(items[i].file);
    w.putString(items[i].record);
    w.putString(items[i].message);
  }
  finish(w);
}

std::optional<LevelsOfDetail> readCachedLevels(const BoundarySet& set) {
  const auto entry = levelsEntry(set);
  const auto reader = openEntry(entry);
  if (!reader) return std::nullopt;
  CacheReader& r = *reader;
  LevelsOfDetail lod;
  const auto levels = r.get<std::uint64_t>();
  if (!r.ok() || levels == 0 || levels > 16) return std::nullopt;
  for (std::uint64_t l = 0; l < levels; ++l) {
    lod.tolerances.push_back(r.get<double>());
    MapMesh m;
    m.origin = r.get<Point2>();
    m.vertices = r.getArray<MeshVertex>();
    m.triangles = r.getArray<std::uint32_t>();
    m.fillRanges = r.getArray<IndexRange>();
    m.borderRanges = r.getArray<IndexRange>();
    if (!r.ok() || !consistent(m, set.features.size())) return std::nullopt;
    lod.meshes.push_back(std::move(m));
  }
  if (!r.atEnd() || lod.tolerances.back() != 0) return std::nullopt;
  touchCacheFile(entry->path);
  return lod;
}

bool levelsWorthCaching(const BoundarySet& set) { return set.vertexCount() >= kCachedLayerMinVertices && cacheFolder(); }

bool hasCachedLevels(const BoundarySet& set) {
  const auto entry = levelsEntry(set);
  std::error_code ec;
  return entry && fs::exists(entry->path, ec);
}

void storeCachedLevels(const BoundarySet& set, const LevelsOfDetail& lod) {
  const auto entry = levelsEntry(set);
  if (!entry || lod.empty()) return;
  CacheWriter w(entry->path);
  writeHeader(w, *entry);
  w.put(std::uint64_t(lod.meshes.size()));
  for (std::size_t l = 0; l < lod.meshes.size(); ++l) {
    const MapMesh& m = lod.meshes[l];
    w.put(lod.tolerances[l]);
    w.put(m.origin);
    w.putArray(m.vertices);
    w.putArray(m.triangles);
    w.putArray(m.fillRanges);
    w.putArray(m.borderRanges);
  }
  finish(w);
}

}  // namespace cm
