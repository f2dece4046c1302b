#include "geo/detail_levels.h"

#include <chrono>
#include <cstring>
#include <future>

namespace cm {

LevelsOfDetail fullDetailOnly(const BoundarySet& set) {
  LevelsOfDetail out;
  out.tolerances = {0};
  out.meshes.push_back(buildMapMesh(set));
  return out;
}

LevelsOfDetail buildLevelsOfDetail(const BoundarySet& full, const SimplifyOptions& options, LodBuildReport* report) {
  using Clock = std::chrono::steady_clock;
  auto ms = [](Clock::time_point since) { return std::chrono::duration<double, std::milli>(Clock::now() - since).count(); };
  auto t0 = Clock::now();
  // The full detail is tessellated from the source as given, so on a thread of its own from the start:
  // simplifying begins with a long stretch on one core (the shared arcs; the 2013 wards: 140 ms).
  // It is the source (not rebuilt from arcs) so that its mesh is the one every caller of buildMapMesh
  // already has, vertex for vertex.
  auto fullMesh = std::async(std::launch::async, [&full] { return buildMapMesh(full); });
  SimplifyOptions o = options;
  o.skipNearFull = true;
  CoverageLevels lv = simplifyCoverage(full, o);
  if (report) {
    report->levels = lv.stats;
    report->simplifyMs = ms(t0);
  }
  t0 = Clock::now();
  LevelsOfDetail out;
  // Finest first, so each level is weighed against the next finer one kept.
  std::vector<std::size_t> keep = {lv.sets.size() - 1};
  for (std::size_t l = lv.sets.size() - 1; l-- > 0;)
    if (4 * lv.stats[l].vertices <= 3 * lv.stats[keep.back()].vertices) keep.push_back(l);
  // The kept levels side by side (the 2013 wards' two: 54 to 30 ms).
  std::vector<std::future<MapMesh>> meshes;
  for (auto it = keep.rbegin(); it != keep.rend(); ++it) {
    out.tolerances.push_back(lv.tolerances[*it]);
    if (*it != lv.sets.size() - 1) meshes.push_back(std::async(std::launch::async, [&set = lv.sets[*it]] { return buildMapMesh(set); }));
  }
  for (auto& mesh : meshes) out.meshes.push_back(mesh.get());
  out.meshes.push_back(fullMesh.get());
  if (report) report->tessellateMs = ms(t0);
  return out;
}

std::uint64_t geometryHash(const BoundarySet& set) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  auto mix = [&](std::uint64_t v) {
    h ^= v;
    h *= 0x100000001b3ull;
    h ^= h >> 29;
  };
  mix(set.features.size());
  for (const Feature& f : set.features) mix((std::uint64_t(f.firstPart) << 32) | f.partCount);
  for (const Part& p : set.parts) mix((std::uint64_t(p.firstRing) << 32) | p.ringCount);
  for (const Ring& r : set.rings) mix((std::uint64_t(r.first) << 32) | r.count);
  for (const Point2& p : set.points) {
    std::uint64_t x, y;
    std::memcpy(&x, &p.x, 8);
    std::memcpy(&y, &p.y, 8);
    mix(x);
    mix(y);
  }
  return h;
}

}  // namespace cm
