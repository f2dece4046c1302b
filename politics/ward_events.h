#pragma once
#include <cstdint>
#include <vector>

#include "geo/boundary_set.h"
#include "politics/events.h"

namespace cm {

// A point inside the feature where a marker or label can sit: the centroid of its largest part
// when that falls inside, else a point found along the part's middle row.
Point2 interiorPoint(const BoundarySet& set, const Feature& f);

// Where a ward-level event (one naming wards) happened on a ward map.
struct WardEventMarker {
  std::uint32_t ward = 0;  // index into the ward set
  Point2 at;
  std::vector<const Event*> events;
};

// Matches each event's ward names (";"-separated, accent- and case-insensitive) to wards of the set
// that belong to one of the event's councils (or, where the set does not name councils, to any
// ward of that name). One marker per ward, events in date order.
std::vector<WardEventMarker> wardEventMarkers(const BoundarySet& wards, const std::vector<Event>& events);

}  // namespace cm
