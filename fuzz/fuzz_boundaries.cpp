// The GeoJSON and TopoJSON path through the loader, then everything built from what it returns:
// the ring checks, the mesh (tessellation) and picking.
#include <cmath>
#include <cstdint>
#include <cstdlib>

#include <cpl_error.h>
#include <cpl_vsi.h>

#include "base/utf8.h"
#include "geo/map_mesh.h"
#include "geo/picker.h"
#include "geo/ring_checks.h"
#include "store/boundary_loader.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  CPLSetErrorHandler(CPLQuietErrorHandler);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // GDAL tells GeoJSON, TopoJSON and ESRI JSON apart by content, not by the name.
  const char* path = "/vsimem/fuzz_boundaries.json";
  VSIFCloseL(VSIFileFromMemBuffer(path, const_cast<GByte*>(data), vsi_l_offset(size), FALSE));
  cm::Diagnostics diag;
  try {
    const cm::BoundarySet set = cm::loadBoundaries({path, "", "", ""}, diag);
    cm::noteSelfCrossings(set, diag);
    for (const cm::Feature& f : set.features)
      if (!cm::isValidUtf8(f.code) || !cm::isValidUtf8(f.name)) std::abort();
    for (const cm::Point2& p : set.points)
      if (!cm::isFinite(p) || std::abs(p.x) > cm::kAbsurdMapCoordinate || std::abs(p.y) > cm::kAbsurdMapCoordinate) std::abort();
    const cm::MapMesh mesh = cm::buildMapMesh(set);
    for (std::uint32_t i : mesh.triangles)
      if (i >= mesh.vertices.size()) std::abort();
    const cm::Picker picker(set);
    (void)picker.pickAny(set.extent.centre());
  } catch (const cm::LoadError&) {
    // Refusing a file is a fine answer; the message is checked by the corpus tests.
  }
  for (const auto& item : diag.items())
    if (!cm::isValidUtf8(item.text())) std::abort();
  VSIUnlink(path);
  return 0;
}
