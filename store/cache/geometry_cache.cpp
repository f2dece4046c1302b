#include "store/cache/geometry_cache.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <memory>

#include "geo/ring_checks.h"
#include "store/cache/cache_entry.h"

namespace cm {
namespace fs = std::filesystem;
namespace {

constexpr std::uint64_t kLayerMagic = 0x314c59414d43ull;  // "CMAYL1", then the byte order check
constexpr std::uint64_t kLevelsMagic = 0x31564c4d43ull;   // "CMLV1"

// The record layouts are written as they lie in memory: a change to these structs must change
// what is written (and the magic), which these checks make impossible to forget.
static_assert(sizeof(Part) == 40 && sizeof(Ring) == 8 && sizeof(Point2) == 16 && sizeof(Box) == 32);
static_assert(sizeof(MeshVertex) == 12 && sizeof(IndexRange) == 8);
static_assert(sizeof(Feature) == 3 * sizeof(std::string) + 16 + sizeof(Box), "Feature changed: store its new fields");

// Everything the loaded layer depends on: the file and its companions (a shapefile's .dbf and
// .prj), the layer and fields asked for, and this program and the GDAL and PROJ it runs with,
// since their code made the entry. Empty when the source is not a local file.
std::string layerKey(const BoundarySource& src) {
  const std::string fileKey = localFileKey(src.path);
  if (fileKey.empty()) return {};
  std::string key = "layer\n" + fileKey + "\n" + src.layer + "\n" + src.codeField + "\n" + src.nameField + "\n";
  const fs::path file = fileKey.substr(0, fileKey.find('\n'));
  std::string ext = file.extension().string();
  for (char& c : ext) c = char(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".shp")
    for (const char* companion : {".dbf", ".shx", ".prj", ".cpg", ".DBF", ".SHX", ".PRJ", ".CPG"})
      key += std::string(companion) + " " + fileStamp(fs::path(file).replace_extension(companion)) + "\n";
  return key + programKey();
}

std::string levelsKey(const BoundarySet& set) {
  return "levels\n" + hexOf(geometryHash(set)) + " " + std::to_string(set.features.size()) + "\n" + programKey();
}

// No cache is checked first: the keys cost a few file stats or a pass over every vertex.
std::optional<CacheEntry> layerEntry(const BoundarySource& src) {
  return cacheFolder() ? cacheEntryFor(layerKey(src), "layer", kLayerMagic) : std::nullopt;
}

std::optional<CacheEntry> levelsEntry(const BoundarySet& set) {
  return cacheFolder() ? cacheEntryFor(levelsKey(set), "levels", kLevelsMagic) : std::nullopt;
}

// Every index stays inside what it indexes, so a damaged entry can never be read out of range.
bool consistent(const BoundarySet& s) {
  for (const Feature& f : s.features)
    if (std::uint64_t(f.firstPart) + f.partCount > s.parts.size()) return false;
  for (const Part& p : s.parts)
    if (std::uint64_t(p.firstRing) + p.ringCount > s.rings.size()) return false;
  for (const Ring& r : s.rings)
    if (std::uint64_t(r.first) + r.count > s.points.size() || r.count < 3) return false;
  // Nor can it hold rings or points loading would have refused (BoundarySet::addPart, store/boundary_loader.cpp).
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

std::optional<BoundarySet> readCachedBoundaries(const BoundarySource& src, Diagnostics& diag) {
  const auto entry = layerEntry(src);
  const auto reader = openCacheEntry(entry);
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
  getDiagnostics(r, replay, storedSource, src.path);
  if (!r.atEnd() || !consistent(s)) return std::nullopt;
  diag.append(replay);
  touchCacheFile(entry->path);
  return s;
}

void storeCachedBoundaries(const BoundarySource& src, const BoundarySet& s, const Diagnostics& diag, std::size_t firstDiagnostic) {
  const auto entry = layerEntry(src);
  if (!entry) return;
  CacheWriter w(entry->path);
  writeCacheHeader(w, *entry);
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
  putDiagnostics(w, diag, firstDiagnostic);
  commitCacheEntry(w);
}

std::optional<LevelsOfDetail> readCachedLevels(const BoundarySet& set) {
  const auto entry = levelsEntry(set);
  const auto reader = openCacheEntry(entry);
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

bool hasCachedBoundaries(const BoundarySource& src) { return cacheEntryExists(layerEntry(src)); }

bool hasCachedLevels(const BoundarySet& set) { return cacheEntryExists(levelsEntry(set)); }

void storeCachedLevels(const BoundarySet& set, const LevelsOfDetail& lod) {
  const auto entry = levelsEntry(set);
  if (!entry || lod.empty()) return;
  CacheWriter w(entry->path);
  writeCacheHeader(w, *entry);
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
  commitCacheEntry(w);
}

}  // namespace cm
