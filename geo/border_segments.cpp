#include "geo/border_segments.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace cm {
namespace {

// A segment's end points in a canonical order, so both directions compare and hash alike.
struct SegmentKey {
  float x0, y0, x1, y1;
  bool operator==(const SegmentKey&) const = default;
};

SegmentKey keyOf(const MeshVertex& a, const MeshVertex& b) {
  // + 0.0f turns -0 into +0, which compare equal but hash apart.
  SegmentKey k{a.x + 0.0f, a.y + 0.0f, b.x + 0.0f, b.y + 0.0f};
  if (k.x1 < k.x0 || (k.x1 == k.x0 && k.y1 < k.y0)) k = {k.x1, k.y1, k.x0, k.y0};
  return k;
}

std::uint64_t hashOf(const SegmentKey& k) {
  std::uint32_t w[4];
  std::memcpy(w, &k, sizeof w);
  std::uint64_t h = 0x9E3779B97F4A7C15ull;
  for (std::uint32_t v : w) h = (h ^ v) * 0xBF58476D1CE4E5B9ull, h ^= h >> 29;
  return h;
}

// Open addressing over the first vertex of each segment seen: no allocation per segment, which
// matters for a million of them.
class SegmentTable {
 public:
  SegmentTable(const MapMesh& mesh, std::size_t segments)
      : mesh_(mesh), slots_(std::bit_ceil(std::max<std::size_t>(segments * 2, 16)), kEmpty), mask_(slots_.size() - 1) {}
  // The first vertex of the segment already seen with this key, or kEmpty after recording `first`.
  std::uint32_t findOrAdd(std::uint32_t first) {
    const SegmentKey k = keyOf(mesh_.vertices[first], mesh_.vertices[first + 1]);
    for (std::size_t s = hashOf(k) & mask_;; s = (s + 1) & mask_) {
      const std::uint32_t seen = slots_[s];
      if (seen == kEmpty) {
        slots_[s] = first;
        return kEmpty;
      }
      if (keyOf(mesh_.vertices[seen], mesh_.vertices[seen + 1]) == k) return seen;
    }
  }
  static constexpr std::uint32_t kEmpty = ~std::uint32_t(0);

 private:
  const MapMesh& mesh_;
  std::vector<std::uint32_t> slots_;
  std::size_t mask_;
};

std::uint32_t featureOf(const MeshVertex& v) { return v.feature & ~kRingEndFlag; }

}  // namespace

BorderSegments buildBorderSegments(const MapMesh& mesh) {
  const std::size_t features = mesh.borderRanges.size();
  BorderSegments out;
  out.ownerStart.assign(features + 1, 0);
  // First pass: each segment's first vertex goes to its feature's own or repeated list.
  SegmentTable table(mesh, mesh.vertices.size());
  std::vector<std::uint32_t> own, repeated;  // first vertices, features in order
  std::vector<IndexRange> ownRanges(features), repeatedRanges(features);
  std::vector<bool> isShared(mesh.vertices.size(), false);  // by the owner's first vertex
  std::vector<std::uint32_t> featureOwners;
  own.reserve(mesh.vertices.size());
  for (std::size_t f = 0; f < features; ++f) {
    const IndexRange r = mesh.borderRanges[f];
    ownRanges[f].first = std::uint32_t(own.size());
    repeatedRanges[f].first = std::uint32_t(repeated.size());
    featureOwners.clear();
    for (std::uint32_t i = r.first; i + 1 < r.first + r.count; ++i) {
      if (mesh.vertices[i].feature & kRingEndFlag) continue;
      const std::uint32_t seen = table.findOrAdd(i);
      if (seen == SegmentTable::kEmpty) {
        own.push_back(i);
        continue;
      }
      const std::uint32_t owner = featureOf(mesh.vertices[seen]);
      if (owner == f) continue;  // a ring retracing its own feature's border: once is enough
      isShared[seen] = true;
      repeated.push_back(i);
      featureOwners.push_back(owner);
    }
    ownRanges[f].count = std::uint32_t(own.size()) - ownRanges[f].first;
    repeatedRanges[f].count = std::uint32_t(repeated.size()) - repeatedRanges[f].first;
    std::sort(featureOwners.begin(), featureOwners.end());
    featureOwners.erase(std::unique(featureOwners.begin(), featureOwners.end()), featureOwners.end());
    out.owners.insert(out.owners.end(), featureOwners.begin(), featureOwners.end());
    out.ownerStart[f + 1] = std::uint32_t(out.owners.size());
  }
  // Second pass: the three sections as index pairs.
  out.indices.reserve((own.size() + repeated.size()) * 2);
  auto section = [&](const std::vector<std::uint32_t>& firsts, const std::vector<IndexRange>& ranges, auto keep) {
    std::vector<IndexRange> result(features);
    for (std::size_t f = 0; f < features; ++f) {
      result[f].first = std::uint32_t(out.indices.size());
      for (std::uint32_t k = ranges[f].first; k < ranges[f].first + ranges[f].count; ++k)
        if (keep(firsts[k])) {
          out.indices.push_back(firsts[k]);
          out.indices.push_back(firsts[k] + 1);
        }
      result[f].count = std::uint32_t(out.indices.size()) - result[f].first;
    }
    return result;
  };
  out.shared = section(own, ownRanges, [&](std::uint32_t i) { return bool(isShared[i]); });
  out.outer = section(own, ownRanges, [&](std::uint32_t i) { return !isShared[i]; });
  out.repeats = section(repeated, repeatedRanges, [](std::uint32_t) { return true; });
  return out;
}

std::vector<bool> BorderSegments::repeatsNeeded(const std::vector<bool>& visible) const {
  auto shown = [&](std::size_t f) { return f >= visible.size() || visible[f]; };
  std::vector<bool> needed(shared.size(), false);
  for (std::size_t f = 0; f < shared.size(); ++f) {
    if (!shown(f)) continue;
    for (std::uint32_t k = ownerStart[f]; k < ownerStart[f + 1] && !needed[f]; ++k) needed[f] = !shown(owners[k]);
  }
  return needed;
}

}  // namespace cm
