#include <chrono>
#include <cmath>
#include <limits>
#include <numbers>
#include <random>

#include <gtest/gtest.h>

#include "geo/tessellator.h"

namespace cm {
namespace {

using Ring = std::vector<Point2>;
using Polygon = std::vector<Ring>;

Ring flatten(const Polygon& poly) {
  Ring flat;
  for (const auto& r : poly) flat.insert(flat.end(), r.begin(), r.end());
  return flat;
}

std::size_t pointCount(const Polygon& poly) {
  std::size_t n = 0;
  for (const auto& r : poly) n += r.size();
  return n;
}

// Tessellates and checks the invariants that must hold for any input, however broken.
std::vector<std::uint32_t> tessellateChecked(const Polygon& poly, std::uint32_t base = 0) {
  std::vector<std::uint32_t> out{7, 8, 9};  // pre-existing content must be kept
  const std::size_t added = tessellate(poly, out, base);
  EXPECT_EQ(out.size(), 3 + added * 3);
  EXPECT_EQ(out[0], 7u);
  out.erase(out.begin(), out.begin() + 3);
  const std::size_t n = pointCount(poly);
  for (std::uint32_t i : out) {
    EXPECT_GE(i, base);
    EXPECT_LT(i, base + n);
  }
  return out;
}

double expectedArea(const Polygon& poly) {
  double a = poly.empty() ? 0 : ringArea(poly[0]);
  for (std::size_t r = 1; r < poly.size(); r++) a -= ringArea(poly[r]);
  return a;
}

void expectAreaMatches(const Polygon& poly, const std::vector<std::uint32_t>& tris, double rel = 1e-9) {
  const double want = expectedArea(poly);
  const double got = trianglesArea(flatten(poly), tris);
  EXPECT_NEAR(got, want, rel * std::abs(want)) << "triangles " << tris.size() / 3;
}

Ring square(double x0, double y0, double size) { return {{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}}; }

Ring circle(std::size_t n, double r, double cx = 0, double cy = 0) {
  Ring ring;
  for (std::size_t k = 0; k < n; k++) {
    const double a = 2 * std::numbers::pi * static_cast<double>(k) / static_cast<double>(n);
    ring.push_back({cx + r * std::cos(a), cy + r * std::sin(a)});
  }
  return ring;
}

TEST(Tessellator, Triangle) {
  const Polygon poly{{{0, 0}, {1, 0}, {0, 1}}};
  const auto tris = tessellateChecked(poly);
  ASSERT_EQ(tris.size(), 3u);
  EXPECT_EQ(tris[0] + tris[1] + tris[2], 3u);  // each of 0, 1, 2 once
  expectAreaMatches(poly, tris);
}

TEST(Tessellator, Square) {
  const Polygon poly{square(0, 0, 2)};
  const auto tris = tessellateChecked(poly);
  ASSERT_EQ(tris.size(), 6u);
  EXPECT_EQ(trianglesArea(flatten(poly), tris), 4.0);
}

TEST(Tessellator, OrientationDoesNotMatter) {
  Ring cw = square(0, 0, 1);
  std::reverse(cw.begin(), cw.end());
  const Polygon poly{cw};
  const auto tris = tessellateChecked(poly);
  ASSERT_EQ(tris.size(), 6u);
  EXPECT_EQ(trianglesArea(flatten(poly), tris), 1.0);
}

TEST(Tessellator, ConcaveComb) {
  // Teeth of height 3 on a spine of height 1; every tooth gap is a reflex pair.
  const int teeth = 12;
  Ring comb{{0, 0}, {2.0 * teeth - 1, 0}};
  for (int i = teeth - 1; i >= 0; i--) {
    comb.push_back({2.0 * i + 1, 3});
    comb.push_back({2.0 * i, 3});
    if (i > 0) {
      comb.push_back({2.0 * i, 1});
      comb.push_back({2.0 * i - 1, 1});
    }
  }
  const Polygon poly{comb};
  EXPECT_DOUBLE_EQ(ringArea(comb), 4.0 * teeth - 1);
  const auto tris = tessellateChecked(poly);
  EXPECT_EQ(tris.size() / 3, comb.size() - 2);
  expectAreaMatches(poly, tris);
}

TEST(Tessellator, SquareWithHole) {
  const Polygon poly{square(0, 0, 10), square(3, 3, 4)};
  const auto tris = tessellateChecked(poly);
  EXPECT_EQ(tris.size() / 3, 8u);
  EXPECT_NEAR(expectedArea(poly), 84.0, 1e-12);
  expectAreaMatches(poly, tris);
}

TEST(Tessellator, TwoHoles) {
  Ring hole2 = square(6, 6, 2);
  std::reverse(hole2.begin(), hole2.end());  // hole orientation must not matter either
  const Polygon poly{square(0, 0, 10), square(1, 1, 3), hole2};
  const auto tris = tessellateChecked(poly);
  EXPECT_EQ(tris.size() / 3, 14u);  // n + 2 * holes - 2: each bridge adds two vertices
  EXPECT_NEAR(expectedArea(poly), 87.0, 1e-12);
  expectAreaMatches(poly, tris);
}

TEST(Tessellator, ManyHolesInLargeRingUsesHashing) {
  Polygon poly{circle(500, 100)};
  for (int i = -3; i <= 3; i++)
    for (int j = -3; j <= 3; j++) poly.push_back(square(i * 20.0, j * 20.0, 8));
  const auto tris = tessellateChecked(poly);
  expectAreaMatches(poly, tris);
}

TEST(Tessellator, ClosedRingIndicesCountClosingPoint) {
  Ring outer = square(0, 0, 10);
  outer.push_back(outer.front());  // closed: 5 points, index 4 is the duplicate
  Ring hole = square(2, 2, 2);
  hole.push_back(hole.front());  // indices 5..9
  const Polygon poly{outer, hole};
  const auto tris = tessellateChecked(poly);
  EXPECT_EQ(tris.size() / 3, 8u);
  for (std::uint32_t i : tris) {
    EXPECT_NE(i, 4u);
    EXPECT_NE(i, 9u);
  }
  bool usesHole = false;
  for (std::uint32_t i : tris) usesHole |= (i >= 5 && i <= 8);
  EXPECT_TRUE(usesHole);
  expectAreaMatches(poly, tris);
}

TEST(Tessellator, IndexBaseIsAdded) {
  const Polygon poly{square(0, 0, 1), square(0.25, 0.25, 0.5)};
  const auto plain = tessellateChecked(poly);
  const auto based = tessellateChecked(poly, 1000);
  ASSERT_EQ(plain.size(), based.size());
  for (std::size_t k = 0; k < plain.size(); k++) EXPECT_EQ(based[k], plain[k] + 1000);
}

TEST(Tessellator, IndexBaseOverflowIsRejected) {
  const Polygon poly{square(0, 0, 1)};
  std::vector<std::uint32_t> out;
  EXPECT_EQ(tessellate(poly, out, std::numeric_limits<std::uint32_t>::max() - 2), 0u);
  EXPECT_TRUE(out.empty());
}

TEST(Tessellator, BowTieDoesNotCrash) {
  const Polygon poly{{{0, 0}, {2, 2}, {2, 0}, {0, 2}}};
  const auto tris = tessellateChecked(poly);
  EXPECT_LE(tris.size() / 3, 4u);
}

TEST(Tessellator, ZeroAreaRing) {
  const Polygon line{{{0, 0}, {1, 1}, {2, 2}, {3, 3}}};
  const auto tris = tessellateChecked(line);
  EXPECT_EQ(trianglesArea(flatten(line), tris), 0.0);
  const Polygon point{{{5, 5}, {5, 5}, {5, 5}, {5, 5}}};
  EXPECT_TRUE(tessellateChecked(point).empty());
}

TEST(Tessellator, DuplicateConsecutivePoints) {
  const Polygon poly{{{0, 0}, {0, 0}, {4, 0}, {4, 0}, {4, 0}, {4, 4}, {0, 4}, {0, 4}, {0, 0}}};
  const auto tris = tessellateChecked(poly);
  EXPECT_EQ(tris.size() / 3, 2u);
  expectAreaMatches(poly, tris);
}

TEST(Tessellator, FewerThanThreePoints) {
  std::vector<std::uint32_t> out;
  EXPECT_EQ(tessellate(Polygon{}, out), 0u);
  EXPECT_EQ(tessellate(Polygon{{}}, out), 0u);
  EXPECT_EQ(tessellate(Polygon{{{1, 1}}}, out), 0u);
  EXPECT_EQ(tessellate(Polygon{{{1, 1}, {2, 2}}}, out), 0u);
  EXPECT_EQ(tessellate(Polygon{{{1, 1}, {2, 2}, {1, 1}}}, out), 0u);  // closed two-point ring
  EXPECT_TRUE(out.empty());
  // Degenerate holes are ignored, not fatal.
  const Polygon poly{square(0, 0, 4), {{1, 1}}, {{2, 2}, {3, 3}}, {}};
  const auto tris = tessellateChecked(poly);
  EXPECT_EQ(trianglesArea(flatten(poly), tris), 16.0);
}

TEST(Tessellator, NonFiniteCoordinatesRejected) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<std::uint32_t> out;
  EXPECT_EQ(tessellate(Polygon{{{0, 0}, {1, nan}, {1, 1}, {0, 1}}}, out), 0u);
  EXPECT_EQ(tessellate(Polygon{{{0, 0}, {inf, 0}, {1, 1}}}, out), 0u);
  EXPECT_EQ(tessellate(Polygon{square(0, 0, 4), {{1, 1}, {2, -inf}, {2, 2}}}, out), 0u);
  EXPECT_TRUE(out.empty());
}

TEST(Tessellator, HoleOutsideShell) {
  // Left of the shell: no bridge exists, so the hole is dropped.
  const Polygon left{square(0, 0, 4), square(-10, 1, 2)};
  const auto a = tessellateChecked(left);
  EXPECT_NEAR(trianglesArea(flatten(left), a), 16.0, 1e-12);
  // Right of, overlapping and enclosing the shell: garbage, but it must stay safe.
  tessellateChecked(Polygon{square(0, 0, 4), square(10, 1, 2)});
  tessellateChecked(Polygon{square(0, 0, 4), square(3, 3, 4)});
  tessellateChecked(Polygon{square(0, 0, 4), square(-1, -1, 6)});
  tessellateChecked(Polygon{square(0, 0, 4), square(0, 0, 4)});
}

TEST(Tessellator, ExtremeCoordinates) {
  const Polygon huge{square(-1e300, -1e300, 1.5e300), square(-0.5e300, -0.5e300, 0.25e300)};
  EXPECT_EQ(tessellateChecked(huge).size() / 3, 8u);
  const Polygon tiny{square(1e-300, 1e-300, 1e-305)};
  EXPECT_EQ(tessellateChecked(tiny).size() / 3, 2u);
  const double big = std::numeric_limits<double>::max();
  tessellateChecked(Polygon{{{-big, -big}, {big, -big}, {big, big}, {-big, big}}});
  // Far from the origin the small features must survive.
  const Polygon far{square(1e9, 1e9, 1e-3), square(1e9 + 2e-4, 1e9 + 2e-4, 5e-4)};
  const auto tris = tessellateChecked(far);
  EXPECT_EQ(tris.size() / 3, 8u);
  expectAreaMatches(far, tris, 1e-6);
}

TEST(Tessellator, LargeCircleIsFastAndExact) {
  const Polygon poly{circle(20000, 1000, 500000, 200000)};
  const auto start = std::chrono::steady_clock::now();
  const auto tris = tessellateChecked(poly);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(tris.size() / 3, 20000u - 2);
  expectAreaMatches(poly, tris);
  EXPECT_LT(seconds, 1.0);
}

TEST(Tessellator, LargeGarbageRingTerminates) {
  // Random vertices: a ring crossing itself everywhere, the worst case for the fallback passes.
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> u(0, 1);
  Ring ring(20000);
  for (auto& p : ring) p = {u(rng), u(rng)};
  const auto start = std::chrono::steady_clock::now();
  tessellateChecked(Polygon{ring});
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 20.0);
}

// Star-shaped rings about an interior point are simple, so their triangulation must cover exactly
// their area; garbage rings only have to be survived.
TEST(Tessellator, RandomFuzz) {
  std::mt19937 rng(12345);
  std::uniform_real_distribution<double> u(0, 1);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  for (int iter = 0; iter < 2000; iter++) {
    Polygon poly;
    const bool star = iter % 2 == 0;
    if (star) {
      const int n = pick(3, iter % 10 == 0 ? 2000 : 150);
      const double scale = std::pow(10.0, pick(-3, 6));
      const double cx = (u(rng) - 0.5) * scale * 100, cy = (u(rng) - 0.5) * scale * 100;
      Ring ring;
      for (int k = 0; k < n; k++) {
        // Jitter stays inside each angular slot so vertices never coincide or reorder.
        const double a = 2 * std::numbers::pi * (k + 0.8 * u(rng)) / n;
        const double r = scale * (0.2 + u(rng));
        ring.push_back({cx + r * std::cos(a), cy + r * std::sin(a)});
      }
      if (pick(0, 1)) std::reverse(ring.begin(), ring.end());
      if (pick(0, 1)) ring.push_back(ring.front());
      poly.push_back(ring);
      // With 16+ vertices no edge passes within 0.18 * scale of the centre, so these small holes
      // stay strictly inside and the result is still simple.
      const int holes = n >= 16 ? pick(0, 3) : 0;
      for (int h = 0; h < holes; h++) poly.push_back(square(cx + scale * (0.08 * h - 0.12), cy - scale * 0.02, scale * 0.04));
    } else {
      // Integer grid points make duplicates, collinear runs and touching edges common.
      const int rings = pick(1, 4);
      const int grid = pick(1, 12);
      const double scale = iter % 7 == 0 ? 1e300 : 1.0;
      for (int r = 0; r < rings; r++) {
        Ring ring(static_cast<std::size_t>(pick(0, iter % 25 == 1 ? 400 : 30)));
        for (auto& p : ring) p = {pick(0, grid) * scale, pick(0, grid) * scale};
        if (!ring.empty() && pick(0, 3) == 0) ring.push_back(ring.front());
        poly.push_back(ring);
      }
      if (iter % 101 == 3) poly[0].push_back({std::numeric_limits<double>::quiet_NaN(), 1});
    }
    const std::uint32_t base = static_cast<std::uint32_t>(pick(0, 100));
    auto tris = tessellateChecked(poly, base);
    if (star) {
      for (auto& i : tris) i -= base;
      expectAreaMatches(poly, tris);
    }
    if (::testing::Test::HasFailure()) {
      ADD_FAILURE() << "iteration " << iter;
      break;
    }
  }
}

TEST(Tessellator, AreaHelpers) {
  EXPECT_EQ(ringArea({}), 0.0);
  EXPECT_EQ(ringArea(square(5, 5, 3)), 9.0);
  Ring closed = square(5, 5, 3);
  closed.push_back(closed.front());
  EXPECT_EQ(ringArea(closed), 9.0);
  const Ring pts = square(0, 0, 2);
  const std::vector<std::uint32_t> tris{0, 1, 2, 0, 2, 3, 0, 1, 99};  // last one out of range
  EXPECT_EQ(trianglesArea(pts, tris), 4.0);
}

}  // namespace
}  // namespace cm
