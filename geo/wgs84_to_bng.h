#pragma once
// WGS 84 longitude/latitude to British National Grid in closed form: the operation PROJ 9 chooses
// when the OSTN15 grid is absent (Helmert "OSGB36 to WGS 84 (6)", EPSG:1314, then the national
// Transverse Mercator on Airy 1830), evaluated inline. PROJ runs it as an eight-step pipeline
// at about 0.5 µs a point, most of it per-step overhead; this costs about a tenth of that and
// agrees with PROJ to well under a millimetre (tests/unit/test_projection.cpp checks every vertex
// of the shared boundary files). Transform (store/projection.h) uses it only after checking it
// against PROJ at start-up, so a machine whose PROJ picks another operation keeps PROJ's.

namespace cm {

// Degrees in, metres out. Returns false, leaving x and y alone, outside the area of use of the
// Helmert step (longitude -8.82 to 1.92, latitude 49.79 to 60.94: Great Britain, Northern Ireland
// and the seas between): PROJ picks an operation for each point by these boxes, and transforms
// points beyond it by others, so the caller must too.
bool wgs84ToBng(double& x, double& y);

}  // namespace cm
