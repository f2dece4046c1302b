#pragma once
// The border segments of a MapMesh as GL_LINES index pairs, with each border two neighbours share
// drawn once rather than once from each side: at national scale the ward borders are nearly all
// shared, and a software rasteriser pays per segment.
#include <cstdint>
#include <span>
#include <vector>

#include "geo/map_mesh.h"

namespace cm {

struct BorderSegments {
  // Index pairs into the mesh's vertices in three sections, features in order within each: the
  // borders each feature shares and meets first, its outer edges (shared with no other feature: the
  // coast, or the edge of the layer), and its repeats (segments an earlier feature owns). So
  // "interior borders only" is one run of indices, and everything in view is three.
  std::vector<std::uint32_t> indices;
  std::vector<IndexRange> shared;   // per feature: segments it owns that a later feature repeats
  std::vector<IndexRange> outer;    // per feature: segments no other feature has
  std::vector<IndexRange> repeats;  // per feature: its segments an earlier feature owns
  // Per feature, the earlier features owning its repeats (CSR: owners[ownerStart[f] .. ownerStart[f+1]]).
  std::vector<std::uint32_t> ownerStart, owners;

  // Which repeats must be drawn when some features are hidden: a shown feature's border must not
  // lose the segments a hidden neighbour owns. `visible` has one entry per feature (missing: shown).
  std::vector<bool> repeatsNeeded(const std::vector<bool>& visible) const;
};

// Segments are the same when their end points are (in either direction), coordinates compared
// exactly: shared borders of a coverage simplified arc by arc (geo/lod.h) always are.
BorderSegments buildBorderSegments(const MapMesh& mesh);

}  // namespace cm
