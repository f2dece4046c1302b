#include "geo/tessellator.h"

// Ear clipping after mapbox/earcut (ISC licence, Copyright (c) 2016 Mapbox); see tessellator.h for
// why it lives here. The structure and the geometric predicates mirror earcut so that its years of
// fuzzing still apply; the departures are all about surviving bad input:
//  - coordinates are shifted to the bounding-box centre and scaled by a power of two (which is
//    exact), so 1e300 or 1e-300 inputs neither overflow nor underflow the cross products;
//  - the passes run from an explicit work list instead of recursion, so a pathological ring that
//    needs thousands of splits cannot exhaust the stack;
//  - removed nodes are marked, so hole bridging never restarts a walk from a node that is no longer
//    in the ring (a walk from outside the ring would never return to its start);
//  - the ear search and the last-resort diagonal search share a work budget, because on rings that
//    cross themselves everywhere both can go cubic; past it the rest of the ring is left untriangulated.

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

namespace cm {

namespace {

struct Node {
  double x = 0, y = 0;
  Node* prev = nullptr;
  Node* next = nullptr;
  Node* prevZ = nullptr;  // neighbours in z-order, only when hashing
  Node* nextZ = nullptr;
  std::uint32_t i = 0;  // index into the flattened input
  std::int32_t z = 0;
  bool dead = false;
};

// Nodes are created while pointers to older ones are live (bridges and splits duplicate vertices),
// so storage must never move: blocks are only ever added.
class NodePool {
 public:
  explicit NodePool(std::size_t firstBlock) : blockSize_(std::max<std::size_t>(firstBlock, 64)) {}
  Node* make(std::uint32_t i, double x, double y) {
    if (used_ == blockSize_ || blocks_.empty()) {
      if (!blocks_.empty()) blockSize_ = std::max<std::size_t>(blockSize_ / 4, 64);
      blocks_.push_back(std::make_unique<Node[]>(blockSize_));
      used_ = 0;
    }
    Node* n = &blocks_.back()[used_++];
    n->i = i;
    n->x = x;
    n->y = y;
    return n;
  }

 private:
  std::vector<std::unique_ptr<Node[]>> blocks_;
  std::size_t blockSize_;
  std::size_t used_ = 0;
};

// Twice the signed area of p, q, r; negative means the turn earcut treats as convex.
double area(const Node* p, const Node* q, const Node* r) { return (q->y - p->y) * (r->x - q->x) - (q->x - p->x) * (r->y - q->y); }

bool equals(const Node* a, const Node* b) { return a->x == b->x && a->y == b->y; }

bool pointInTriangle(double ax, double ay, double bx, double by, double cx, double cy, double px, double py) {
  return (cx - px) * (ay - py) >= (ax - px) * (cy - py) && (ax - px) * (by - py) >= (bx - px) * (ay - py) &&
         (bx - px) * (cy - py) >= (cx - px) * (by - py);
}

// A point sitting exactly on the ear's first corner is a touching vertex, not an obstruction.
bool pointInTriangleExceptFirst(double ax, double ay, double bx, double by, double cx, double cy, double px, double py) {
  return !(ax == px && ay == py) && pointInTriangle(ax, ay, bx, by, cx, cy, px, py);
}

int sign(double v) { return (v > 0) - (v < 0); }

// For collinear p, q, r: does q lie within the bounding box of pr?
bool onSegment(const Node* p, const Node* q, const Node* r) {
  return q->x <= std::max(p->x, r->x) && q->x >= std::min(p->x, r->x) && q->y <= std::max(p->y, r->y) && q->y >= std::min(p->y, r->y);
}

bool intersects(const Node* p1, const Node* q1, const Node* p2, const Node* q2) {
  const int o1 = sign(area(p1, q1, p2)), o2 = sign(area(p1, q1, q2));
  const int o3 = sign(area(p2, q2, p1)), o4 = sign(area(p2, q2, q1));
  if (o1 != o2 && o3 != o4) return true;
  return (o1 == 0 && onSegment(p1, p2, q1)) || (o2 == 0 && onSegment(p1, q2, q1)) || (o3 == 0 && onSegment(p2, p1, q2)) ||
         (o4 == 0 && onSegment(p2, q1, q2));
}

// Is the diagonal a-b inside the polygon in the immediate neighbourhood of a?
bool locallyInside(const Node* a, const Node* b) {
  return area(a->prev, a, a->next) < 0 ? area(a, b, a->next) >= 0 && area(a, a->prev, b) >= 0
                                       : area(a, b, a->prev) < 0 || area(a, a->next, b) < 0;
}

// Used when hole leftmost points coincide: the sector at m must enclose the one at p.
bool sectorContainsSector(const Node* m, const Node* p) { return area(m->prev, m, p->prev) < 0 && area(p->next, m, m->next) < 0; }

void removeNode(Node* p) {
  p->next->prev = p->prev;
  p->prev->next = p->next;
  if (p->prevZ) p->prevZ->nextZ = p->nextZ;
  if (p->nextZ) p->nextZ->prevZ = p->prevZ;
  p->dead = true;
}

Node* getLeftmost(Node* start) {
  Node* p = start;
  Node* leftmost = start;
  do {
    if (p->x < leftmost->x || (p->x == leftmost->x && p->y < leftmost->y)) leftmost = p;
    p = p->next;
  } while (p != start);
  return leftmost;
}

// Simon Tatham's linked-list merge sort over the z links: O(n log n) with no extra memory.
Node* sortLinked(Node* list) {
  std::size_t inSize = 1;
  std::size_t numMerges;
  do {
    Node* p = list;
    list = nullptr;
    Node* tail = nullptr;
    numMerges = 0;
    while (p) {
      numMerges++;
      Node* q = p;
      std::size_t pSize = 0;
      for (std::size_t k = 0; k < inSize; k++) {
        pSize++;
        q = q->nextZ;
        if (!q) break;
      }
      std::size_t qSize = inSize;
      while (pSize > 0 || (qSize > 0 && q)) {
        Node* e;
        if (pSize != 0 && (qSize == 0 || !q || p->z <= q->z)) {
          e = p;
          p = p->nextZ;
          pSize--;
        } else {
          e = q;
          q = q->nextZ;
          qSize--;
        }
        if (tail)
          tail->nextZ = e;
        else
          list = e;
        e->prevZ = tail;
        tail = e;
      }
      p = q;
    }
    if (tail) tail->nextZ = nullptr;
    inSize *= 2;
  } while (numMerges > 1);
  return list;
}

// Node visits allowed for one polygon. Real boundaries need about 60 per vertex and the worst simple
// ring we know of (a comb of long thin teeth) about 0.15 n^2, while a ring crossing itself
// everywhere can need n^3. The floor and ceiling bound that case to about 1.5 s up to 20,000
// vertices and 15 s at worst, rather than minutes.
std::int64_t workBudget(std::size_t nodeCount) {
  const double n = static_cast<double>(nodeCount);
  return static_cast<std::int64_t>(std::clamp(n * n / 2, 2e8, 2e9));
}

class Tessellator {
 public:
  Tessellator(std::size_t nodeCount, std::vector<std::uint32_t>& out, std::uint32_t indexBase)
      : pool_(nodeCount), out_(out), indexBase_(indexBase), work_(workBudget(nodeCount)) {}

  void run(std::span<const std::vector<Point2>> rings);

 private:
  struct Job {
    Node* ear;
    int pass;
  };

  Node* linkedList(const std::vector<Point2>& ring, std::size_t n, std::uint32_t first, bool clockwise);
  Node* filterPoints(Node* start, Node* end = nullptr);
  Node* eliminateHoles(std::span<const std::vector<Point2>> rings, std::span<const std::size_t> lengths, Node* outerNode);
  Node* findHoleBridge(Node* hole, Node* outerNode);
  void earcutLinked(Node* ear, int pass);
  bool isEar(Node* ear);
  bool isEarHashed(Node* ear);
  Node* cureLocalIntersections(Node* start);
  void splitEarcut(Node* start);
  bool isValidDiagonal(Node* a, Node* b);
  bool intersectsPolygon(const Node* a, const Node* b);
  bool middleInside(const Node* a, const Node* b);
  Node* splitPolygon(Node* a, Node* b);
  void indexCurve(Node* start);
  std::int32_t zOrder(double x, double y) const;
  void emit(const Node* a, const Node* b, const Node* c) {
    out_.push_back(a->i + indexBase_);
    out_.push_back(b->i + indexBase_);
    out_.push_back(c->i + indexBase_);
  }

  NodePool pool_;
  std::vector<std::uint32_t>& out_;
  std::uint32_t indexBase_;
  std::vector<Job> jobs_;
  // Input mapping into the normalised frame.
  double cx_ = 0, cy_ = 0, scale_ = 1;
  // z-order frame, only meaningful when hashing_.
  bool hashing_ = false;
  double minX_ = 0, minY_ = 0, invSize_ = 0;
  // Node visits left for ear tests and diagonal searches; beyond this a ring is not worth the wait.
  std::int64_t work_;
};

void Tessellator::run(std::span<const std::vector<Point2>> rings) {
  // A closing duplicate is dropped by shortening the ring, which keeps indices of the rest intact.
  std::vector<std::size_t> lengths(rings.size());
  double minX = std::numeric_limits<double>::infinity(), minY = minX, maxX = -minX, maxY = -minX;
  for (std::size_t r = 0; r < rings.size(); r++) {
    const auto& ring = rings[r];
    std::size_t n = ring.size();
    if (n >= 2 && ring[n - 1].x == ring[0].x && ring[n - 1].y == ring[0].y) n--;
    lengths[r] = n;
    for (std::size_t k = 0; k < n; k++) {
      minX = std::min(minX, ring[k].x);
      maxX = std::max(maxX, ring[k].x);
      minY = std::min(minY, ring[k].y);
      maxY = std::max(maxY, ring[k].y);
    }
  }
  // Halving before subtracting keeps the extent finite even for coordinates near DBL_MAX.
  const double half = std::max(maxX / 2 - minX / 2, maxY / 2 - minY / 2);
  cx_ = minX / 2 + maxX / 2;
  cy_ = minY / 2 + maxY / 2;
  if (half > 0) {
    int e = 0;
    std::frexp(half, &e);
    scale_ = std::ldexp(1.0, -e);  // brings the half-extent into [0.5, 1)
  }

  Node* outerNode = linkedList(rings[0], lengths[0], 0, true);
  if (!outerNode || outerNode->prev == outerNode->next) return;
  if (rings.size() > 1) outerNode = eliminateHoles(rings, lengths, outerNode);

  std::size_t total = 0;
  for (std::size_t n : lengths) total += n;
  hashing_ = total > 80;  // below this, the z-index costs more than the brute-force ear test saves
  if (hashing_) {
    double x0 = outerNode->x, y0 = outerNode->y, x1 = x0, y1 = y0;
    Node* p = outerNode->next;
    do {
      x0 = std::min(x0, p->x);
      y0 = std::min(y0, p->y);
      x1 = std::max(x1, p->x);
      y1 = std::max(y1, p->y);
      p = p->next;
    } while (p != outerNode);
    minX_ = x0;
    minY_ = y0;
    const double size = std::max(x1 - x0, y1 - y0);
    invSize_ = size > 0 ? 32767.0 / size : 0;
  }

  jobs_.push_back({outerNode, 0});
  while (!jobs_.empty()) {
    const Job job = jobs_.back();
    jobs_.pop_back();
    earcutLinked(job.ear, job.pass);
  }
}

// Builds a circular list in the winding the ear test expects (outer one way, holes the other).
Node* Tessellator::linkedList(const std::vector<Point2>& ring, std::size_t n, std::uint32_t first, bool clockwise) {
  if (n == 0) return nullptr;
  auto X = [&](std::size_t k) { return (ring[k].x - cx_) * scale_; };
  auto Y = [&](std::size_t k) { return (ring[k].y - cy_) * scale_; };
  double sum = 0;
  for (std::size_t k = 0, j = n - 1; k < n; j = k++) sum += (X(j) - X(k)) * (Y(k) + Y(j));

  Node* last = nullptr;
  auto insert = [&](std::size_t k) {
    Node* p = pool_.make(first + static_cast<std::uint32_t>(k), X(k), Y(k));
    if (!last) {
      p->prev = p->next = p;
    } else {
      p->next = last->next;
      p->prev = last;
      last->next->prev = p;
      last->next = p;
    }
    last = p;
  };
  if (clockwise == (sum > 0)) {
    for (std::size_t k = 0; k < n; k++) insert(k);
  } else {
    for (std::size_t k = n; k-- > 0;) insert(k);
  }
  if (last != last->next && equals(last, last->next)) {
    removeNode(last);
    last = last->next;
  }
  return last;
}

// Drops duplicate and collinear vertices between start and end; they make zero-area ears that
// would otherwise stall the ear search. Always returns a node that is still in the ring.
Node* Tessellator::filterPoints(Node* start, Node* end) {
  if (!end) end = start;
  Node* p = start;
  bool again;
  do {
    again = false;
    if (equals(p, p->next) || area(p->prev, p, p->next) == 0) {
      removeNode(p);
      p = end = p->prev;
      if (p == p->next) break;
      again = true;
    } else {
      p = p->next;
    }
  } while (again || p != end);
  return end;
}

Node* Tessellator::eliminateHoles(std::span<const std::vector<Point2>> rings, std::span<const std::size_t> lengths, Node* outerNode) {
  struct Hole {
    Node* leftmost;
    double slope;
  };
  std::vector<Hole> queue;
  std::uint32_t first = static_cast<std::uint32_t>(rings[0].size());
  for (std::size_t r = 1; r < rings.size(); r++) {
    Node* list = linkedList(rings[r], lengths[r], first, false);
    first += static_cast<std::uint32_t>(rings[r].size());
    if (!list) continue;
    // A hole without area cannot be bridged meaningfully, and collapsing it here keeps the
    // post-bridge filtering from eating its way round the hole to the bridge itself.
    list = filterPoints(list);
    if (list->prev == list->next) continue;
    Node* l = getLeftmost(list);
    // Spelled out for vertical edges so the sort key is never NaN (a NaN breaks std::sort).
    const double dx = l->next->x - l->x, dy = l->next->y - l->y;
    const double inf = std::numeric_limits<double>::infinity();
    const double slope = dx != 0 ? dy / dx : dy > 0 ? inf : dy < 0 ? -inf : 0;
    queue.push_back({l, slope});
  }
  // Left to right, so each bridge can only cross holes already merged into the shell. Holes whose
  // leftmost points coincide go counter-clockwise so each bridges to that shared point.
  std::sort(queue.begin(), queue.end(), [](const Hole& a, const Hole& b) {
    if (a.leftmost->x != b.leftmost->x) return a.leftmost->x < b.leftmost->x;
    if (a.leftmost->y != b.leftmost->y) return a.leftmost->y < b.leftmost->y;
    return a.slope < b.slope;
  });

  for (const Hole& h : queue) {
    if (outerNode->prev == outerNode->next) break;  // shell collapsed; nothing left to bridge to
    Node* bridge = findHoleBridge(h.leftmost, outerNode);
    if (!bridge) continue;  // hole lies outside the shell; dropping it is the best we can do
    Node* bridgeReverse = splitPolygon(bridge, h.leftmost);
    Node* kept = filterPoints(bridgeReverse, bridgeReverse->next);
    outerNode = bridge->dead ? kept : filterPoints(bridge, bridge->next);
  }
  return outerNode;
}

// David Eberly's bridge search: cast a ray left from the hole's leftmost point, take the nearest
// shell edge it hits, then prefer the visible vertex making the smallest angle with the ray.
Node* Tessellator::findHoleBridge(Node* hole, Node* outerNode) {
  Node* p = outerNode;
  const double hx = hole->x, hy = hole->y;
  double qx = -std::numeric_limits<double>::infinity();
  Node* m = nullptr;
  if (equals(hole, p)) return p;
  do {
    if (equals(hole, p->next)) return p->next;
    if (hy <= p->y && hy >= p->next->y && p->next->y != p->y) {
      const double x = p->x + (hy - p->y) * (p->next->x - p->x) / (p->next->y - p->y);
      if (x <= hx && x > qx) {
        qx = x;
        m = p->x < p->next->x ? p : p->next;
        if (x == hx) return m;  // hole touches the shell edge
      }
    }
    p = p->next;
  } while (p != outerNode);
  if (!m) return nullptr;

  Node* stop = m;
  const double mx = m->x, my = m->y;
  double tanMin = std::numeric_limits<double>::infinity();
  p = m;
  do {
    if (hx >= p->x && p->x >= mx && hx != p->x && pointInTriangle(hy < my ? hx : qx, hy, mx, my, hy < my ? qx : hx, hy, p->x, p->y)) {
      const double tan = std::abs(hy - p->y) / (hx - p->x);
      if (locallyInside(p, hole) && (tan < tanMin || (tan == tanMin && (p->x > m->x || (p->x == m->x && sectorContainsSector(m, p)))))) {
        m = p;
        tanMin = tan;
      }
    }
    p = p->next;
  } while (p != stop);
  return m;
}

void Tessellator::earcutLinked(Node* ear, int pass) {
  if (!ear) return;
  if (pass == 0 && hashing_) indexCurve(ear);
  Node* stop = ear;
  while (ear->prev != ear->next) {
    if (--work_ < 0) {
      jobs_.clear();
      return;
    }
    Node* prev = ear->prev;
    Node* next = ear->next;
    if (hashing_ ? isEarHashed(ear) : isEar(ear)) {
      emit(prev, ear, next);
      removeNode(ear);
      // Skipping a vertex after each cut spreads cuts round the ring and avoids sliver fans.
      ear = next->next;
      stop = next->next;
      continue;
    }
    ear = next;
    if (ear == stop) {
      // A full lap without an ear: the ring is not simple. Escalate through earcut's passes.
      if (pass == 0)
        jobs_.push_back({filterPoints(ear), 1});
      else if (pass == 1)
        jobs_.push_back({cureLocalIntersections(filterPoints(ear)), 2});
      else
        splitEarcut(ear);
      break;
    }
  }
}

bool Tessellator::isEar(Node* ear) {
  const Node* a = ear->prev;
  const Node* b = ear;
  const Node* c = ear->next;
  if (area(a, b, c) >= 0) return false;  // reflex
  const double x0 = std::min({a->x, b->x, c->x}), y0 = std::min({a->y, b->y, c->y});
  const double x1 = std::max({a->x, b->x, c->x}), y1 = std::max({a->y, b->y, c->y});
  for (const Node* p = c->next; p != a; p = p->next) {
    --work_;
    if (p->x >= x0 && p->x <= x1 && p->y >= y0 && p->y <= y1 &&
        pointInTriangleExceptFirst(a->x, a->y, b->x, b->y, c->x, c->y, p->x, p->y) && area(p->prev, p, p->next) >= 0)
      return false;
  }
  return true;
}

// As isEar, but only visits vertices whose z-code lies within the triangle's bounding box range,
// walking outwards from the ear in both directions of the z-order list.
bool Tessellator::isEarHashed(Node* ear) {
  const Node* a = ear->prev;
  const Node* b = ear;
  const Node* c = ear->next;
  if (area(a, b, c) >= 0) return false;
  const double x0 = std::min({a->x, b->x, c->x}), y0 = std::min({a->y, b->y, c->y});
  const double x1 = std::max({a->x, b->x, c->x}), y1 = std::max({a->y, b->y, c->y});
  const std::int32_t minZ = zOrder(x0, y0), maxZ = zOrder(x1, y1);
  auto blocks = [&](const Node* p) {
    --work_;
    return p->x >= x0 && p->x <= x1 && p->y >= y0 && p->y <= y1 && p != a && p != c &&
           pointInTriangleExceptFirst(a->x, a->y, b->x, b->y, c->x, c->y, p->x, p->y) && area(p->prev, p, p->next) >= 0;
  };
  const Node* p = ear->prevZ;
  const Node* n = ear->nextZ;
  while (p && p->z >= minZ && n && n->z <= maxZ) {
    if (blocks(p)) return false;
    p = p->prevZ;
    if (blocks(n)) return false;
    n = n->nextZ;
  }
  for (; p && p->z >= minZ; p = p->prevZ)
    if (blocks(p)) return false;
  for (; n && n->z <= maxZ; n = n->nextZ)
    if (blocks(n)) return false;
  return true;
}

// Where edge (prev, p) crosses edge (next, next->next), the little loop between them is cut off
// as one triangle; this untangles the small twists common in digitised boundaries.
Node* Tessellator::cureLocalIntersections(Node* start) {
  Node* p = start;
  do {
    Node* a = p->prev;
    Node* b = p->next->next;
    if (!equals(a, b) && intersects(a, p, p->next, b) && locallyInside(a, b) && locallyInside(b, a)) {
      emit(a, p, b);
      removeNode(p);
      removeNode(p->next);
      p = start = b;
    }
    p = p->next;
  } while (p != start);
  return filterPoints(p);
}

// Last resort: find any valid diagonal, split the ring in two and start each half from pass 0.
void Tessellator::splitEarcut(Node* start) {
  Node* a = start;
  do {
    for (Node* b = a->next->next; b != a->prev; b = b->next) {
      if (--work_ < 0) return;
      if (a->i != b->i && isValidDiagonal(a, b)) {
        Node* c = splitPolygon(a, b);
        a = filterPoints(a, a->next);
        c = filterPoints(c, c->next);
        jobs_.push_back({a, 0});
        jobs_.push_back({c, 0});
        return;
      }
    }
    a = a->next;
  } while (a != start);
}

bool Tessellator::isValidDiagonal(Node* a, Node* b) {
  if (a->next->i == b->i || a->prev->i == b->i) return false;
  // The O(1) local tests go first; earcut's order does the O(n) edge scan first, same result.
  const bool visible =
      locallyInside(a, b) && locallyInside(b, a) && (area(a->prev, a, b->prev) != 0 || area(a, b->prev, b) != 0);  // no opposite sectors
  const bool zeroLength = equals(a, b) && area(a->prev, a, a->next) > 0 && area(b->prev, b, b->next) > 0;
  if (!visible && !zeroLength) return false;
  if (intersectsPolygon(a, b)) return false;
  return zeroLength || middleInside(a, b);
}

bool Tessellator::intersectsPolygon(const Node* a, const Node* b) {
  const Node* p = a;
  do {
    --work_;
    if (p->i != a->i && p->next->i != a->i && p->i != b->i && p->next->i != b->i && intersects(p, p->next, a, b)) return true;
    p = p->next;
  } while (p != a);
  return false;
}

// Even-odd test of the diagonal's midpoint, which catches diagonals running outside a concavity.
bool Tessellator::middleInside(const Node* a, const Node* b) {
  const Node* p = a;
  bool inside = false;
  const double px = (a->x + b->x) / 2, py = (a->y + b->y) / 2;
  do {
    --work_;
    if (((p->y > py) != (p->next->y > py)) && p->next->y != p->y && (px < (p->next->x - p->x) * (py - p->y) / (p->next->y - p->y) + p->x))
      inside = !inside;
    p = p->next;
  } while (p != a);
  return inside;
}

// Links a and b with a doubled edge. Within one ring this splits it in two; between shell and
// hole it merges them into one ring. Returns the copy of b, which starts the other ring.
Node* Tessellator::splitPolygon(Node* a, Node* b) {
  Node* a2 = pool_.make(a->i, a->x, a->y);
  Node* b2 = pool_.make(b->i, b->x, b->y);
  Node* an = a->next;
  Node* bp = b->prev;
  a->next = b;
  b->prev = a;
  a2->next = an;
  an->prev = a2;
  b2->next = a2;
  a2->prev = b2;
  bp->next = b2;
  b2->prev = bp;
  return b2;
}

void Tessellator::indexCurve(Node* start) {
  Node* p = start;
  do {
    if (p->z == 0) p->z = zOrder(p->x, p->y);
    p->prevZ = p->prev;
    p->nextZ = p->next;
    p = p->next;
  } while (p != start);
  p->prevZ->nextZ = nullptr;
  p->prevZ = nullptr;
  sortLinked(p);
}

// Morton code of the point on a 15-bit grid over the shell's bounding box.
std::int32_t Tessellator::zOrder(double x, double y) const {
  // Clamped so rounding spill (or points of holes beyond the shell) cannot overflow the cast.
  auto grid = [this](double v, double lo) -> std::uint32_t {
    const double g = (v - lo) * invSize_;
    return g > 0 ? static_cast<std::uint32_t>(std::min(g, 32767.0)) : 0u;
  };
  std::uint32_t ix = grid(x, minX_), iy = grid(y, minY_);
  ix = (ix | (ix << 8)) & 0x00FF00FFu;
  ix = (ix | (ix << 4)) & 0x0F0F0F0Fu;
  ix = (ix | (ix << 2)) & 0x33333333u;
  ix = (ix | (ix << 1)) & 0x55555555u;
  iy = (iy | (iy << 8)) & 0x00FF00FFu;
  iy = (iy | (iy << 4)) & 0x0F0F0F0Fu;
  iy = (iy | (iy << 2)) & 0x33333333u;
  iy = (iy | (iy << 1)) & 0x55555555u;
  return static_cast<std::int32_t>(ix | (iy << 1));
}

}  // namespace

std::size_t tessellate(std::span<const std::vector<Point2>> rings, std::vector<std::uint32_t>& out, std::uint32_t indexBase) {
  if (rings.empty() || rings[0].size() < 3) return 0;
  std::size_t total = 0;
  for (const auto& ring : rings) {
    total += ring.size();
    for (const Point2& p : ring)
      if (!std::isfinite(p.x) || !std::isfinite(p.y)) return 0;
  }
  // Every emitted index must be representable after the caller's offset.
  if (total > std::numeric_limits<std::uint32_t>::max() - indexBase) return 0;

  const std::size_t before = out.size();
  Tessellator t(total + 2 * rings.size() + 16, out, indexBase);
  t.run(rings);
  return (out.size() - before) / 3;
}

double ringArea(const std::vector<Point2>& ring) {
  if (ring.size() < 3) return 0;
  // Relative to the first point, so large map coordinates do not swamp the cross products.
  const Point2 o = ring[0];
  double sum = 0;
  for (std::size_t k = 0, j = ring.size() - 1; k < ring.size(); j = k++)
    sum += (ring[j].x - o.x) * (ring[k].y - o.y) - (ring[k].x - o.x) * (ring[j].y - o.y);
  return std::abs(sum) / 2;
}

double trianglesArea(std::span<const Point2> flatPoints, std::span<const std::uint32_t> triangles) {
  double sum = 0;
  for (std::size_t k = 0; k + 2 < triangles.size(); k += 3) {
    const std::uint32_t ia = triangles[k], ib = triangles[k + 1], ic = triangles[k + 2];
    if (ia >= flatPoints.size() || ib >= flatPoints.size() || ic >= flatPoints.size()) continue;
    const Point2 a = flatPoints[ia], b = flatPoints[ib], c = flatPoints[ic];
    sum += std::abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) / 2;
  }
  return sum;
}

}  // namespace cm
