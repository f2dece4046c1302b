// The tessellator and the ring checks on random and adversarial polygons. The first byte picks the
// coordinates: small integers on a grid (collinear runs, repeated and touching vertices, rings
// through each other) or raw doubles (NaN, infinities, 1e300, denormals).
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "geo/ring_checks.h"
#include "geo/tessellator.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const bool raw = data[0] & 1;
  const std::size_t ringCount = 1 + data[1] % 8;
  data += 2;
  size -= 2;
  std::vector<std::vector<cm::Point2>> rings(ringCount);
  std::size_t k = 0;
  while (size >= (raw ? 16u : 2u)) {
    cm::Point2 p;
    if (raw) {
      std::memcpy(&p.x, data, 8);
      std::memcpy(&p.y, data + 8, 8);
      data += 16, size -= 16;
    } else {
      p = {double(data[0] % 16), double(data[1] % 16)};
      data += 2, size -= 2;
    }
    // A byte of 0xF0 or more ends the ring: cheap for the fuzzer to steer.
    rings[k % ringCount].push_back(p);
    if (data[-1] >= 0xF0) ++k;
  }
  std::vector<std::uint32_t> out{1, 2, 3};
  const std::size_t added = cm::tessellate(rings, out, 10);
  std::size_t points = 0;
  for (const auto& r : rings) points += r.size();
  if (out.size() != 3 + 3 * added || out[0] != 1) std::abort();
  for (std::size_t i = 3; i < out.size(); ++i)
    if (out[i] < 10 || out[i] >= 10 + points) std::abort();
  for (const auto& r : rings) {
    (void)cm::ringCrossesItself(r);
    (void)cm::ringIsFlat(r);
    (void)cm::holeInsideShell(r, rings[0]);
  }
  return 0;
}
