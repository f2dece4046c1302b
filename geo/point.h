#pragma once

namespace cm {

// A point in map metres (British National Grid: x east, y north) or any plane the caller uses.
struct Point2 {
  double x = 0, y = 0;
};

}  // namespace cm
