// The levels of detail as the compiled dataset stores them (store/lod_cache.h), read and written
// through GDAL.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "store/boundary_loader.h"
#include "store/gdal/gdal_readers.h"
#include "store/lod_cache.h"

namespace cm {
namespace {

// A mesh is stored as streams of 32-bit words, deflated: vertex coordinates as centimetre steps
// from the previous vertex, feature words as changes from the previous one, triangle indices as
// changes from the previous index (ear clipping keeps them close), and each feature's counts.
// Small, repetitive numbers deflate to about a fifth of the raw mesh. The full level leaves its
// vertices out: a reader has the layer's geometry and lays them out exactly as buildMapMesh does.
// The magic carries a format version and the byte order, so a file from another build or
// machine is rebuilt rather than misread.
constexpr char kMagic[8] = {'C', 'M', 'L', 'O', 'D', '2', '\x01', '\x02'};
constexpr std::uint32_t kByteOrder = 0x01020304;

struct BlobHeader {
  char magic[8];
  std::uint32_t byteOrder;
  std::uint32_t hasVertices;
  double originX, originY;
  std::uint64_t vertices, indices, features;
};

std::uint32_t zigzag(std::int32_t v) { return (std::uint32_t(v) << 1) ^ std::uint32_t(v >> 31); }
std::int32_t unzigzag(std::uint32_t v) { return std::int32_t(v >> 1) ^ -std::int32_t(v & 1); }

std::vector<std::uint32_t> serialise(const MapMesh& m, bool withVertices) {
  BlobHeader h{};
  std::memcpy(h.magic, kMagic, 8);
  h.byteOrder = kByteOrder;
  h.hasVertices = withVertices;
  h.originX = m.origin.x;
  h.originY = m.origin.y;
  h.vertices = m.vertices.size();
  h.indices = m.triangles.size();
  h.features = m.fillRanges.size();
  std::vector<std::uint32_t> out(sizeof h / 4);
  std::memcpy(out.data(), &h, sizeof h);
  if (withVertices) {
    for (int axis = 0; axis < 2; ++axis) {
      std::int32_t prev = 0;
      for (const MeshVertex& v : m.vertices) {
        const auto cm = std::int32_t(std::lround(double(axis ? v.y : v.x) * 100));
        out.push_back(zigzag(cm - prev));
        prev = cm;
      }
    }
    std::uint32_t prev = 0;
    for (const MeshVertex& v : m.vertices) out.push_back(v.feature - std::exchange(prev, v.feature));
  }
  std::uint32_t prev = 0;
  for (const std::uint32_t i : m.triangles) out.push_back(zigzag(std::int32_t(i - std::exchange(prev, i))));
  for (const IndexRange& r : m.fillRanges) out.push_back(r.count);
  for (const IndexRange& r : m.borderRanges) out.push_back(r.count);
  return out;
}

// Refuses anything a renderer could read out of range with: sizes, indices and ranges are checked.
// `full` supplies the vertices of a blob stored without them.
std::optional<MapMesh> deserialise(const std::uint32_t* w, std::size_t words, const BoundarySet& full) {
  BlobHeader h;
  if (words * 4 < sizeof h) return std::nullopt;
  std::memcpy(&h, w, sizeof h);
  if (std::memcmp(h.magic, kMagic, 8) != 0 || h.byteOrder != kByteOrder) return std::nullopt;
  if (h.vertices > words || h.indices > words || h.features > words || h.indices % 3) return std::nullopt;
  if (words != sizeof h / 4 + (h.hasVertices ? 3 * h.vertices : 0) + h.indices + 2 * h.features) return std::nullopt;
  w += sizeof h / 4;
  MapMesh m;
  if (h.hasVertices) {
    m.origin = {h.originX, h.originY};
    m.vertices.resize(h.vertices);
    std::int32_t x = 0, y = 0;
    std::uint32_t feature = 0;
    for (std::size_t i = 0; i < h.vertices; ++i) m.vertices[i].x = float((x += unzigzag(w[i])) / 100.0);
    for (std::size_t i = 0; i < h.vertices; ++i) m.vertices[i].y = float((y += unzigzag(w[h.vertices + i])) / 100.0);
    for (std::size_t i = 0; i < h.vertices; ++i) m.vertices[i].feature = feature += w[2 * h.vertices + i];
    w += 3 * h.vertices;
    m.fillRanges.resize(h.features);
    m.borderRanges.resize(h.features);
  } else {
    m = buildMapMeshVertices(full);
    if (m.vertices.size() != h.vertices || m.fillRanges.size() != h.features) return std::nullopt;
  }
  m.triangles.resize(h.indices);
  std::uint32_t index = 0;
  for (std::size_t i = 0; i < h.indices; ++i) {
    m.triangles[i] = index += std::uint32_t(unzigzag(w[i]));
    if (index >= h.vertices) return std::nullopt;
  }
  w += h.indices;
  std::uint64_t fill = 0, border = 0;
  for (std::size_t f = 0; f < h.features; ++f) {
    m.fillRanges[f] = {std::uint32_t(fill), w[f]};
    m.borderRanges[f] = {std::uint32_t(border), w[h.features + f]};
    fill += w[f];
    border += w[h.features + f];
  }
  if (fill != h.indices || border != h.vertices) return std::nullopt;
  return m;
}

std::string hex(std::uint64_t v) {
  char b[17];
  std::snprintf(b, sizeof b, "%016llx", static_cast<unsigned long long>(v));
  return b;
}

struct DatasetCloser {
  void operator()(GDALDataset* d) const { GDALClose(d); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

DatasetPtr open(const std::string& path, bool update) {
  GDALAllRegister();
  // Read-only opens are shared: see holdOpen (store/boundary_loader.h).
  const unsigned flags = GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY | GDAL_OF_SHARED);
  return DatasetPtr(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), flags, nullptr, nullptr, nullptr)));
}

// Appends one row per level of `layer` to the table, creating it on first use.
bool writeLevels(const std::string& path, const std::string& layer, std::uint64_t hash, const LevelsOfDetail& lod, LodLayerReport& r,
                 Diagnostics& diag) {
  auto ds = open(path, true);
  if (!ds) {
    diag.error(path, "", "cannot reopen to store levels of detail: " + std::string(CPLGetLastErrorMsg()));
    return false;
  }
  OGRLayer* table = ds->GetLayerByName(kLodTable);
  if (!table) {
    table = ds->CreateLayer(kLodTable, nullptr, wkbNone, nullptr);
    if (!table) {
      diag.error(path, kLodTable, "cannot be created: " + std::string(CPLGetLastErrorMsg()));
      return false;
    }
    for (auto [name, type] : {std::pair{"layer", OFTString},
                              {"level", OFTInteger},
                              {"tolerance", OFTReal},
                              {"source_hash", OFTString},
                              {"vertices", OFTInteger64},
                              {"triangles", OFTInteger64},
                              {"raw_bytes", OFTInteger64},
                              {"mesh", OFTBinary}}) {
      OGRFieldDefn field(name, type);
      table->CreateField(&field);
    }
  }
  bool ok = ds->StartTransaction() == OGRERR_NONE;
  for (std::size_t l = 0; ok && l < lod.meshes.size(); ++l) {
    const MapMesh& mesh = lod.meshes[l];
    const auto raw = serialise(mesh, l + 1 < lod.meshes.size());
    std::size_t packed = 0;
    void* deflated = CPLZLibDeflate(raw.data(), raw.size() * 4, 6, nullptr, 0, &packed);
    if (!deflated || packed > std::size_t(INT32_MAX)) {
      CPLFree(deflated);
      diag.error(path, layer, "levels of detail: cannot compress a mesh");
      return false;
    }
    OGRFeature f(table->GetLayerDefn());
    f.SetField("layer", layer.c_str());
    f.SetField("level", int(l));
    f.SetField("tolerance", lod.tolerances[l]);
    f.SetField("source_hash", hex(hash).c_str());
    f.SetField("vertices", GIntBig(mesh.vertices.size()));
    f.SetField("triangles", GIntBig(mesh.triangles.size() / 3));
    f.SetField("raw_bytes", GIntBig(raw.size() * 4));
    f.SetField(f.GetFieldIndex("mesh"), int(packed), deflated);
    ok = table->CreateFeature(&f) == OGRERR_NONE;
    CPLFree(deflated);
    r.vertices.push_back(mesh.vertices.size());
    r.triangles.push_back(mesh.triangles.size() / 3);
    r.bytes += packed;
  }
  if (ok) ok = ds->CommitTransaction() == OGRERR_NONE;
  if (!ok) diag.error(path, kLodTable, "levels of detail of " + layer + " could not be written: " + std::string(CPLGetLastErrorMsg()));
  return ok;
}

}  // namespace

std::optional<LevelsOfDetail> readStoredLevelsWithGdal(const std::string& datasetPath, const std::string& layer, const BoundarySet& full) {
  // An older dataset without the table is not an error.
  CPLErrorStateBackuper keepState;
  CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);
  auto ds = open(datasetPath, false);
  if (!ds) return std::nullopt;
  OGRLayer* table = ds->GetLayerByName(kLodTable);
  if (!table) return std::nullopt;
  std::string escaped;
  for (const char c : layer) escaped += c == '\'' ? std::string("''") : std::string(1, c);
  table->SetAttributeFilter(("layer = '" + escaped + "'").c_str());
  const std::string hash = hex(geometryHash(full));
  std::vector<std::pair<int, std::pair<double, MapMesh>>> rows;
  for (auto& f : *table) {
    if (f->GetFieldAsString("source_hash") != hash) return std::nullopt;
    int size = 0;
    const GByte* blob = f->GetFieldAsBinary(f->GetFieldIndex("mesh"), &size);
    const auto raw = static_cast<std::size_t>(f->GetFieldAsInteger64("raw_bytes"));
    if (!blob || size <= 0 || raw == 0 || raw % 4 || raw > (std::size_t(1) << 34)) return std::nullopt;
    std::vector<std::uint32_t> words(raw / 4);
    std::size_t got = 0;
    if (!CPLZLibInflate(blob, std::size_t(size), words.data(), raw, &got) || got != raw) return std::nullopt;
    auto mesh = deserialise(words.data(), words.size(), full);
    if (!mesh) return std::nullopt;
    rows.push_back({f->GetFieldAsInteger("level"), {f->GetFieldAsDouble("tolerance"), std::move(*mesh)}});
  }
  if (rows.empty()) return std::nullopt;
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  LevelsOfDetail out;
  for (auto& [level, row] : rows) {
    out.tolerances.push_back(row.first);
    out.meshes.push_back(std::move(row.second));
  }
  // Every level must describe the layer's features; the last must be the full detail.
  for (const MapMesh& m : out.meshes)
    if (m.featureCount() != full.features.size()) return std::nullopt;
  if (out.tolerances.back() != 0) return std::nullopt;
  return out;
}

bool storeLevelsOfDetail(const std::string& path, const std::vector<std::string>& layers, Diagnostics& diag,
                         const std::function<void(double, const std::string&)>& progress, std::vector<LodLayerReport>* report) {
  // Every layer is read first, so that the builders below never read the file while it is written.
  // Built from the layers as stored, so each source hash is what a reader of the file computes.
  struct Job {
    BoundarySet full;
    std::uint64_t hash = 0;
    LevelsOfDetail lod;
    LodLayerReport report;
    bool done = false;
  };
  std::vector<Job> jobs(layers.size());
  for (std::size_t i = 0; i < layers.size(); ++i) {
    Diagnostics quiet;
    try {
      jobs[i].full = loadBoundaries({path, layers[i], "", ""}, quiet);
    } catch (const LoadError& e) {
      diag.error(path, layers[i], std::string("levels of detail: ") + e.what());
      return false;
    }
    jobs[i].hash = geometryHash(jobs[i].full);
    jobs[i].report.layer = layers[i];
  }
  // Layers are simplified on every core; each is written, in order, as soon as it is ready.
  std::mutex mutex;
  std::condition_variable ready;
  std::atomic<std::size_t> next = 0;
  auto worker = [&] {
    for (std::size_t i; (i = next++) < jobs.size();) {
      Job& job = jobs[i];
      job.lod = buildLevelsOfDetail(job.full, {}, &job.report.build);
      job.full = BoundarySet{};
      const std::lock_guard lock(mutex);
      job.done = true;
      ready.notify_all();
    }
  };
  std::vector<std::jthread> workers(std::clamp(std::thread::hardware_concurrency(), 1u, 4u));
  for (auto& w : workers) w = std::jthread(worker);
  bool ok = true;
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    if (progress) progress(double(i) / double(jobs.size()), "levels of detail: " + layers[i]);
    std::unique_lock lock(mutex);
    ready.wait(lock, [&] { return jobs[i].done; });
    lock.unlock();
    Job& job = jobs[i];
    job.report.kept = job.lod.tolerances;
    ok = ok && writeLevels(path, layers[i], job.hash, job.lod, job.report, diag);
    job.lod = LevelsOfDetail{};
    if (report) report->push_back(std::move(job.report));
  }
  if (ok && progress) progress(1.0, "levels of detail");
  return ok;
}

}  // namespace cm
