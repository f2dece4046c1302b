// A damaged entry in the user's geometry cache (a full disk, a crash of the machine, another program
// writing there): read back, it must be refused, or give a layer whose every index stays in range.
// The entry's header names the file it was made from, so each input is the body of an entry
// behind a real header, made at start-up for a small layer.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <cpl_error.h>

#include "base/utf8.h"
#include "geo/map_mesh.h"
#include "geo/picker.h"
#include "store/boundary_loader.h"
#include "store/cache/geometry_cache.h"

namespace {

namespace fs = std::filesystem;
fs::path gFolder, gEntry;
std::string gHeader;
cm::BoundarySource gSource;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  CPLSetErrorHandler(CPLQuietErrorHandler);
  gFolder = fs::temp_directory_path() / ("councilmap-fuzz-cache-" + std::to_string(::getpid()));
  fs::create_directories(gFolder);
  ::setenv("COUNCILMAP_CACHE_DIR", gFolder.c_str(), 1);
  std::atexit([] {
    std::error_code ec;
    fs::remove_all(gFolder, ec);
  });
  const fs::path layer = gFolder / "layer.geojson";
  std::ofstream(layer)
      << R"({"type":"FeatureCollection","features":[)"
      << R"({"type":"Feature","properties":{"code":"E09000001","name":"Alpha","start":2014},"geometry":{"type":"Polygon","coordinates":[[[-0.2,51.45],[-0.1,51.45],[-0.1,51.55],[-0.2,51.55],[-0.2,51.45]],[[-0.17,51.48],[-0.13,51.48],[-0.13,51.52],[-0.17,51.48]]]}},)"
      << R"({"type":"Feature","properties":{"code":"E09000002","name":"Beta"},"geometry":null}]})";
  gSource = {layer.string(), "", "", ""};
  cm::Diagnostics diag;
  const cm::BoundarySet set = cm::loadBoundaries(gSource, diag);
  cm::storeCachedBoundaries(gSource, set, diag, 0);
  for (const auto& e : fs::directory_iterator(gFolder))
    if (e.path().filename().string().starts_with("layer-")) gEntry = e.path();
  std::ifstream in(gEntry, std::ios::binary);
  const std::string entry((std::istreambuf_iterator<char>(in)), {});
  // magic (8), byte order (4), key length (8), key
  std::uint64_t keyLength = 0;
  if (entry.size() < 20) std::abort();
  std::memcpy(&keyLength, entry.data() + 12, 8);
  gHeader = entry.substr(0, 20 + keyLength);
  if (const char* seed = std::getenv("COUNCILMAP_FUZZ_WRITE_SEED")) std::ofstream(seed, std::ios::binary) << entry.substr(gHeader.size());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  {
    std::ofstream out(gEntry, std::ios::binary | std::ios::trunc);
    out << gHeader;
    out.write(reinterpret_cast<const char*>(data), std::streamsize(size));
  }
  cm::Diagnostics diag;
  const auto set = cm::readCachedBoundaries(gSource, diag);
  if (!set) return 0;
  for (const cm::Feature& f : set->features)
    if (std::uint64_t(f.firstPart) + f.partCount > set->parts.size()) std::abort();
  for (const cm::Part& p : set->parts)
    if (std::uint64_t(p.firstRing) + p.ringCount > set->rings.size()) std::abort();
  for (const cm::Ring& r : set->rings)
    if (std::uint64_t(r.first) + r.count > set->points.size()) std::abort();
  for (const auto& item : diag.items())
    if (!cm::isValidUtf8(item.text())) std::abort();
  // What is built from a layer must survive whatever the entry held (NaN points, absurd boxes).
  const cm::MapMesh mesh = cm::buildMapMesh(*set);
  for (std::uint32_t i : mesh.triangles)
    if (i >= mesh.vertices.size()) std::abort();
  const cm::Picker picker(*set);
  (void)picker.pickAny({530000, 180000});
  return 0;
}
