#include <atomic>
#include <charconv>
#include <cmath>
#include <memory>
#include <set>
#include <thread>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "base/utf8.h"
#include "geo/ring_checks.h"
#include "store/field_detect.h"
#include "store/gdal/gdal_readers.h"
#include "store/gdal/json_check.h"
#include "store/projection.h"

namespace cm {
namespace {

struct DatasetCloser {
  void operator()(GDALDataset* d) const { GDALClose(d); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

DatasetPtr openVector(const std::string& path) {
  GDALAllRegister();
  CPLErrorReset();
  // Shared, so that while a caller holds the file open (holdOpen) this costs nothing.
  auto* ds =
      static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_SHARED, nullptr, nullptr, nullptr));
  if (!ds) {
    std::string why = CPLGetLastErrorMsg();
    VSIStatBufL st;
    const bool exists = VSIStatL(path.c_str(), &st) == 0;
    if (exists && !VSI_ISDIR(st.st_mode) && st.st_size == 0)
      why = "the file is empty (0 bytes)";
    else if (why.empty())
      why = exists ? "not a vector format GDAL can read" : "no such file or folder";
    if (exists && !VSI_ISDIR(st.st_mode))
      if (const std::string json = describeJsonError(path); !json.empty()) why += ": " + json;
    throw LoadError("cannot open '" + path + "': " + why);
  }
  return DatasetPtr(ds);
}

bool isPolygonal(OGRwkbGeometryType t) {
  switch (wkbFlatten(t)) {
    case wkbPolygon:
    case wkbMultiPolygon:
    case wkbCurvePolygon:
    case wkbMultiSurface:
    case wkbPolyhedralSurface:
    case wkbTIN:
    case wkbTriangle: return true;
    default: return false;
  }
}

OGRLayer* chooseLayer(GDALDataset& ds, const BoundarySource& src) {
  if (!src.layer.empty()) {
    if (OGRLayer* l = ds.GetLayerByName(src.layer.c_str())) return l;
    std::string names;
    for (auto* l : ds.GetLayers()) names += std::string(names.empty() ? "" : ", ") + l->GetName();
    throw LoadError("'" + src.path + "' has no layer '" + src.layer + "' (layers: " + names + ")");
  }
  OGRLayer* untyped = nullptr;
  std::string names;
  for (auto* l : ds.GetLayers()) {
    if (isPolygonal(l->GetGeomType())) return l;
    const auto type = wkbFlatten(l->GetGeomType());
    if ((type == wkbUnknown || type == wkbGeometryCollection) && !untyped) untyped = l;
    names += std::string(names.empty() ? "" : ", ") + l->GetName() + " (" + OGRGeometryTypeToName(l->GetGeomType()) + ")";
  }
  if (untyped) return untyped;  // GeoJSON with mixed geometry reports no type; features decide
  throw LoadError("'" + src.path + "' has no polygon layer" + (names.empty() ? " (it has no layers)" : " (layers: " + names + ")"));
}

// Collects the polygons in any geometry: polygons, multipolygons, curves and collections of them.
// Returns how many other members (points, lines) a collection held.
std::size_t collectPolygons(const OGRGeometry* g, std::vector<const OGRPolygon*>& out) {
  if (!g) return 0;
  switch (wkbFlatten(g->getGeometryType())) {
    case wkbPolygon: out.push_back(g->toPolygon()); return 0;
    case wkbMultiPolygon:
    case wkbGeometryCollection:
    case wkbMultiSurface: {
      std::size_t others = 0;
      for (const auto* child : *g->toGeometryCollection()) others += collectPolygons(child, out);
      return others;
    }
    default: return 1;
  }
}

std::vector<Point2> ringToPoints(const OGRLinearRing& ring) {
  std::vector<Point2> pts;
  const int n = ring.getNumPoints();
  pts.reserve(n);
  for (int i = 0; i < n; ++i) pts.push_back({ring.getX(i), ring.getY(i)});
  // Stored open: the closing repeat of the first point carries no information.
  while (pts.size() > 1 && pts.front().x == pts.back().x && pts.front().y == pts.back().y) pts.pop_back();
  return pts;
}

// A start or end year; anything but a whole year from 1 to 9999 is reported and left open-ended,
// rather than read as year 0 by atoi.
int fieldYear(OGRFeature& f, int idx, int fallback, const char* which, std::vector<std::string>& warnings) {
  if (idx < 0 || !f.IsFieldSetAndNotNull(idx)) return fallback;
  const std::string text = f.GetFieldAsString(idx);
  double v = 0;
  const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
  if (r.ec == std::errc{} && r.ptr == text.data() + text.size() && v >= 1 && v <= 9999 && v == std::floor(v)) return int(v);
  std::string shown = text.substr(0, 40);
  repairUtf8(shown);
  warnings.push_back(std::string(which) + " year '" + shown + "' is not a year; taken as open-ended");
  return fallback;
}

// With no CRS declared, the coordinates themselves usually tell: degrees, or British National Grid
// metres (council shapefiles often come without their .prj).
int guessEpsg(OGRLayer& layer) {
  OGREnvelope e;
  if (layer.GetExtent(&e, TRUE) != OGRERR_NONE) return 4326;
  if (e.MinX >= -180 && e.MaxX <= 180 && e.MinY >= -90 && e.MaxY <= 90) return 4326;
  if (e.MinX >= -100000 && e.MaxX <= 1000000 && e.MinY >= -100000 && e.MaxY <= 1500000) return kMapEpsg;
  return 0;
}

struct PointCounts {
  std::size_t nonFinite = 0, unprojectable = 0, absurd = 0;
};

// Transforms every ring's points to the map CRS in one call, dropping points that are not numbers,
// cannot be transformed or land absurdly far away: one bad vertex costs that vertex, not the area.
void toMapPoints(std::vector<std::vector<Point2>>& rings, const Transform* toMap, PointCounts& n) {
  for (auto& r : rings) n.nonFinite += std::erase_if(r, [](Point2 p) { return !isFinite(p); });
  if (toMap) {
    std::vector<double> xs, ys;
    for (const auto& r : rings)
      for (const Point2& p : r) xs.push_back(p.x), ys.push_back(p.y);
    std::vector<int> ok(xs.size(), FALSE);
    if (!xs.empty()) toMap->applyMany(xs.size(), xs.data(), ys.data(), ok.data());
    std::size_t k = 0;
    for (auto& r : rings) {
      std::size_t kept = 0;
      for (std::size_t i = 0; i < r.size(); ++i, ++k) {
        if (!ok[k] || !std::isfinite(xs[k]) || !std::isfinite(ys[k])) {
          ++n.unprojectable;
          continue;
        }
        r[kept++] = {xs[k], ys[k]};
      }
      r.resize(kept);
    }
  }
  for (auto& r : rings)
    n.absurd += std::erase_if(r, [](Point2 p) { return std::abs(p.x) > kAbsurdMapCoordinate || std::abs(p.y) > kAbsurdMapCoordinate; });
}

// A feature as read, its rings still in the source's CRS, and what reading it found wrong.
struct ReadFeature {
  Feature feature;
  std::string record;
  std::vector<std::string> warnings;
  std::vector<std::vector<Point2>> rings;
  std::vector<std::size_t> firstRingOf;  // per polygon, its first ring in `rings`, and then their end
  std::vector<bool> flat;                // per polygon, whether its outer ring has no area
  std::size_t notPolygons = 0;
  PointCounts points;  // once projected
};

// Projects every feature's rings, on every core when the transformation is the closed form (PROJ's
// own takes turns): the 2013 wards' 1.09M points took 155 ms on one.
void projectAll(std::vector<ReadFeature>& features, const Transform* toMap) {
  std::atomic<std::size_t> next = 0;
  auto work = [&] {
    constexpr std::size_t kBatch = 64;
    for (std::size_t from; (from = next.fetch_add(kBatch)) < features.size();)
      for (std::size_t i = from; i < std::min(from + kBatch, features.size()); ++i)
        toMapPoints(features[i].rings, toMap, features[i].points);
  };
  std::vector<std::jthread> helpers;
  if (toMap && toMap->closedForm())
    for (unsigned t = 1; t < std::min(8u, std::thread::hardware_concurrency()); ++t) helpers.emplace_back(work);
  work();
}

// Room in `set` for everything read, so assembling it never grows a vector past twice what it needs
// while the rings as read are still held (the 2013 wards' 1.09M points are 17 MB each way).
void reserveFor(BoundarySet& set, const std::vector<ReadFeature>& features) {
  std::size_t parts = 0, rings = 0, points = 0;
  for (const ReadFeature& rf : features) {
    parts += rf.firstRingOf.empty() ? 0 : rf.firstRingOf.size() - 1;
    rings += rf.rings.size();
    for (const auto& ring : rf.rings) points += ring.size();
  }
  set.features.reserve(set.features.size() + features.size());
  set.parts.reserve(set.parts.size() + parts);
  set.rings.reserve(set.rings.size() + rings);
  set.points.reserve(set.points.size() + points);
}

}  // namespace

void prepareThreadForGdal() {
  CPLErrorStateBackuper keep;
  CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);
  GDALClose(GDALOpenEx("", GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));  // opens nothing
  OSRDestroySpatialReference(OSRNewSpatialReference(nullptr));
  CSLDestroy(OSRGetPROJSearchPaths());
}

std::shared_ptr<void> holdOpenWithGdal(const std::string& path) {
  GDALAllRegister();
  GDALDatasetH ds = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_SHARED, nullptr, nullptr, nullptr);
  if (!ds) return nullptr;
  return std::shared_ptr<void>(ds, [](void* d) { GDALClose(d); });  // a shared handle: GDALClose drops one reference
}

BoundarySet readBoundariesWithGdal(const BoundarySource& src, Diagnostics& diag, std::optional<std::pair<double, double>> onlyAt) {
  auto ds = openVector(src.path);
  OGRLayer* layer = chooseLayer(*ds, src);
  const std::string file = src.path;

  BoundarySet set;
  set.source = src.path;
  set.layer = layer->GetName();
  repairUtf8(set.layer);  // shown in messages, titles and query output

  OGRFeatureDefn* defn = layer->GetLayerDefn();
  std::vector<std::string> fieldNames;
  for (int i = 0; i < defn->GetFieldCount(); ++i) fieldNames.push_back(defn->GetFieldDefn(i)->GetNameRef());
  const FieldRoles roles = detectFieldRoles(fieldNames, src.codeField, src.nameField);
  if (!src.codeField.empty() && roles.code < 0)
    throw LoadError("'" + file + "' layer '" + set.layer + "' has no field '" + src.codeField + "'");
  if (!src.nameField.empty() && roles.name < 0)
    throw LoadError("'" + file + "' layer '" + set.layer + "' has no field '" + src.nameField + "'");
  if (roles.code < 0) diag.warn(file, "", "no code field recognised (use --code-field); features are identified by feature id");
  if (roles.name < 0) diag.warn(file, "", "no name field recognised (use --name-field); codes are shown as names");
  set.hasYears = roles.startYear >= 0 || roles.endYear >= 0;

  // The CRS: honour the layer's; TopoJSON and bare GeoJSON often declare none, and are lon/lat.
  OGRSpatialReference mapSrs;
  mapSrs.importFromEPSG(kMapEpsg);
  OGRSpatialReference srcSrs;
  if (const OGRSpatialReference* declared = layer->GetSpatialRef()) {
    srcSrs = *declared;
    set.crsNote = describeCrs(srcSrs);
  } else if (const int guess = guessEpsg(*layer); guess == kMapEpsg) {
    srcSrs.importFromEPSG(kMapEpsg);
    set.crsNote = "no CRS declared; its coordinates are metres in British National Grid, so taken as EPSG:27700";
    diag.info(file, "",
              "layer '" + set.layer + "' declares no CRS; its coordinates look like British National Grid metres, so taken as EPSG:27700");
  } else {
    srcSrs.importFromEPSG(4326);
    set.crsNote = "no CRS declared; taken as EPSG:4326 (WGS 84 longitude/latitude)";
    if (guess == 4326)
      diag.info(file, "", "layer '" + set.layer + "' declares no CRS; taken as EPSG:4326 (WGS 84 longitude/latitude)");
    else
      diag.warn(file, "",
                "layer '" + set.layer +
                    "' declares no CRS and its coordinates are neither longitude/latitude nor British National Grid; taken as EPSG:4326, "
                    "so most of it cannot be placed (give the file a CRS)");
  }
  useTraditionalAxisOrder(srcSrs);
  useTraditionalAxisOrder(mapSrs);
  std::unique_ptr<Transform> toMap;
  if (!srcSrs.IsSame(&mapSrs)) toMap = Transform::between(srcSrs, mapSrs);

  if (onlyAt) {
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    useTraditionalAxisOrder(wgs84);
    double x = onlyAt->first, y = onlyAt->second;
    if (!srcSrs.IsSame(&wgs84)) Transform::between(wgs84, srcSrs)->apply(x, y);
    layer->SetSpatialFilterRect(x, y, x, y);
  }
  // Read in order, projected on every core, then assembled in order with each feature's messages.
  std::set<std::string> seenCodes;
  std::vector<const OGRPolygon*> polygons;
  std::vector<ReadFeature> features;
  layer->ResetReading();
  for (auto& feature : *layer) {
    ReadFeature& rf = features.emplace_back();
    Feature& f = rf.feature;
    auto& warnings = rf.warnings;
    const std::string fid = "feature " + std::to_string(feature->GetFID());
    if (roles.code >= 0 && feature->IsFieldSetAndNotNull(roles.code)) f.code = feature->GetFieldAsString(roles.code);
    const bool noCode = f.code.empty();
    if (noCode) f.code = fid;
    f.name = roles.name >= 0 && feature->IsFieldSetAndNotNull(roles.name) ? feature->GetFieldAsString(roles.name) : f.code;
    // Names from files saved as Latin-1 or Windows-1252 would break JSON output and the interface.
    const bool badCode = repairUtf8(f.code), badName = repairUtf8(f.name);
    if (roles.parent >= 0 && feature->IsFieldSetAndNotNull(roles.parent)) f.parent = feature->GetFieldAsString(roles.parent);
    rf.record = f.code + (f.name != f.code ? " (" + f.name + ")" : "");
    if (noCode && roles.code >= 0) warnings.push_back("has no code; identified by its feature id");
    if (badCode) warnings.push_back("code is not valid UTF-8; the bad bytes are shown as U+FFFD");
    if (badName) warnings.push_back("name is not valid UTF-8 (perhaps Latin-1 or Windows-1252); the bad bytes are shown as U+FFFD");
    f.startYear = fieldYear(*feature, roles.startYear, INT_MIN, "start", warnings);
    f.endYear = fieldYear(*feature, roles.endYear, INT_MAX, "end", warnings);
    if (f.startYear != INT_MIN && f.endYear != INT_MAX && f.startYear > f.endYear)
      warnings.push_back("starts in " + std::to_string(f.startYear) + " but ends in " + std::to_string(f.endYear) + "; it is never shown");
    if (!set.hasYears && !seenCodes.insert(f.code).second)
      warnings.push_back("code appears more than once in the layer; picking and --focus use the first");

    std::unique_ptr<OGRGeometry> geom(feature->StealGeometry());
    if (!geom || geom->IsEmpty()) {
      warnings.push_back("has no geometry; listed but not drawn");
      continue;
    }
    if (geom->hasCurveGeometry()) geom.reset(geom->getLinearGeometry());
    polygons.clear();
    const std::size_t notPolygons = collectPolygons(geom.get(), polygons);
    if (polygons.empty()) {
      warnings.push_back(std::string("is a ") + OGRGeometryTypeToName(geom->getGeometryType()) + ", not a polygon; not drawn");
      continue;
    }
    rf.notPolygons = notPolygons;
    for (const OGRPolygon* poly : polygons) {
      rf.firstRingOf.push_back(rf.rings.size());
      for (const auto* ring : *poly) rf.rings.push_back(ringToPoints(*ring));
    }
    rf.firstRingOf.push_back(rf.rings.size());
    // Judged before projecting: points collinear in degrees are no longer collinear in metres.
    for (std::size_t p = 0; p + 1 < rf.firstRingOf.size(); ++p) rf.flat.push_back(ringIsFlat(rf.rings[rf.firstRingOf[p]]));
  }
  projectAll(features, toMap.get());
  reserveFor(set, features);

  std::vector<std::vector<Point2>> partRings;
  for (ReadFeature& rf : features) {
    Feature& f = rf.feature;
    const std::string& record = rf.record;
    for (std::string& w : rf.warnings) diag.warn(file, record, std::move(w));
    const PointCounts& points = rf.points;
    std::size_t droppedRings = 0, zeroArea = 0, holesOutside = 0;
    for (std::size_t p = 0; p + 1 < rf.firstRingOf.size(); ++p) {
      partRings.clear();
      for (std::size_t r = rf.firstRingOf[p]; r < rf.firstRingOf[p + 1]; ++r) {
        auto& pts = rf.rings[r];
        if (pts.size() < 3) {
          ++droppedRings;
        } else if (r == rf.firstRingOf[p]) {
          zeroArea += rf.flat[p];
        } else if (partRings[0].size() >= 3 && !holeInsideShell(pts, partRings[0])) {
          ++holesOutside;  // even-odd filling and picking would make it a second, phantom area
          continue;
        }
        partRings.push_back(std::move(pts));
      }
      set.addPart(f, partRings);
    }
    rf.rings = {};
    auto count = [](std::size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); };
    if (points.nonFinite)
      diag.warn(file, record, count(points.nonFinite, "point", "points") + " with non-finite coordinates (NaN or infinite) skipped");
    if (points.unprojectable)
      diag.warn(file, record,
                count(points.unprojectable, "point", "points") + " whose coordinates cannot be transformed from " + describeCrs(srcSrs) +
                    " to British National Grid skipped");
    if (points.absurd)
      diag.warn(file, record, count(points.absurd, "point", "points") + " more than 100,000 km from the grid's origin skipped");
    if (rf.notPolygons)
      diag.warn(file, record, count(rf.notPolygons, "member", "members") + " of its geometry collection that are not polygons ignored");
    if (droppedRings) diag.warn(file, record, count(droppedRings, "ring", "rings") + " with fewer than 3 distinct points skipped");
    if (zeroArea)
      diag.warn(file, record,
                count(zeroArea, "outer ring has", "outer rings have") + " no area (its points lie on one line); nothing to fill");
    if (holesOutside) diag.warn(file, record, count(holesOutside, "hole lies", "holes lie") + " outside its outer ring; ignored");
    if (!f.drawable() && !rf.firstRingOf.empty()) diag.warn(file, record, "has no ring with 3 or more usable points; not drawn");
    set.features.push_back(std::move(f));
  }
  if (set.features.empty()) diag.warn(file, "", "layer '" + set.layer + "' has no features");
  return set;
}

}  // namespace cm
