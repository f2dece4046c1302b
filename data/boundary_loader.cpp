#include "data/boundary_loader.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <memory>
#include <set>

#include "data/field_detect.h"
#include "data/projection.h"

namespace cm {
namespace {

struct DatasetCloser {
  void operator()(GDALDataset* d) const { GDALClose(d); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

DatasetPtr openVector(const std::string& path) {
  GDALAllRegister();
  CPLErrorReset();
  auto* ds = static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!ds) {
    std::string why = CPLGetLastErrorMsg();
    if (why.empty()) why = "not a vector format GDAL can read, or the file does not exist";
    throw LoadError("cannot open '" + path + "': " + why);
  }
  return DatasetPtr(ds);
}

bool isPolygonal(OGRwkbGeometryType t) {
  switch (wkbFlatten(t)) {
    case wkbPolygon: case wkbMultiPolygon: case wkbCurvePolygon: case wkbMultiSurface:
    case wkbPolyhedralSurface: case wkbTIN: case wkbTriangle:
      return true;
    default:
      return false;
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
  for (auto* l : ds.GetLayers()) {
    if (isPolygonal(l->GetGeomType())) return l;
    if (wkbFlatten(l->GetGeomType()) == wkbUnknown && !untyped) untyped = l;
  }
  if (untyped) return untyped;  // GeoJSON with mixed geometry reports no type; features decide
  throw LoadError("'" + src.path + "' has no polygon layer");
}

// Collects the polygons in any geometry: polygons, multipolygons, curves and collections of them.
void collectPolygons(const OGRGeometry* g, std::vector<const OGRPolygon*>& out) {
  if (!g) return;
  switch (wkbFlatten(g->getGeometryType())) {
    case wkbPolygon:
      out.push_back(g->toPolygon());
      break;
    case wkbMultiPolygon: case wkbGeometryCollection: case wkbMultiSurface:
      for (const auto* child : *g->toGeometryCollection()) collectPolygons(child, out);
      break;
    default:
      break;
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

int fieldInt(OGRFeature& f, int idx, int fallback) {
  if (idx < 0 || !f.IsFieldSetAndNotNull(idx)) return fallback;
  return f.GetFieldAsInteger(idx);
}

}  // namespace

std::vector<std::string> listLayers(const std::string& path) {
  auto ds = openVector(path);
  std::vector<std::string> out;
  for (auto* l : ds->GetLayers()) out.push_back(std::string(l->GetName()) + " (" + OGRGeometryTypeToName(l->GetGeomType()) + ")");
  return out;
}

BoundarySet loadBoundaries(const BoundarySource& src, Diagnostics& diag, std::optional<std::pair<double, double>> onlyAt) {
  auto ds = openVector(src.path);
  OGRLayer* layer = chooseLayer(*ds, src);
  const std::string file = src.path;

  BoundarySet set;
  set.source = src.path;
  set.layer = layer->GetName();

  OGRFeatureDefn* defn = layer->GetLayerDefn();
  std::vector<std::string> fieldNames;
  for (int i = 0; i < defn->GetFieldCount(); ++i) fieldNames.push_back(defn->GetFieldDefn(i)->GetNameRef());
  const FieldRoles roles = detectFieldRoles(fieldNames, src.codeField, src.nameField);
  if (!src.codeField.empty() && roles.code < 0)
    throw LoadError("'" + file + "' layer '" + set.layer + "' has no field '" + src.codeField + "'");
  if (!src.nameField.empty() && roles.name < 0)
    throw LoadError("'" + file + "' layer '" + set.layer + "' has no field '" + src.nameField + "'");
  if (roles.code < 0)
    diag.warn(file, "", "no code field recognised (use --code-field); features are identified by feature id");
  if (roles.name < 0)
    diag.warn(file, "", "no name field recognised (use --name-field); codes are shown as names");
  set.hasYears = roles.startYear >= 0 || roles.endYear >= 0;

  // The CRS: honour the layer's; TopoJSON and bare GeoJSON often declare none, and are lon/lat.
  OGRSpatialReference mapSrs;
  mapSrs.importFromEPSG(kMapEpsg);
  OGRSpatialReference srcSrs;
  if (const OGRSpatialReference* declared = layer->GetSpatialRef()) {
    srcSrs = *declared;
    set.crsNote = describeCrs(srcSrs);
  } else {
    srcSrs.importFromEPSG(4326);
    set.crsNote = "no CRS declared; taken as EPSG:4326 (WGS 84 longitude/latitude)";
    diag.info(file, "", "layer '" + set.layer + "' declares no CRS; taken as EPSG:4326 (WGS 84 longitude/latitude)");
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
  std::set<std::string> seenCodes;
  std::vector<const OGRPolygon*> polygons;
  std::vector<std::vector<Point2>> partRings;
  layer->ResetReading();
  for (auto& feature : *layer) {
    Feature f;
    const std::string fid = "feature " + std::to_string(feature->GetFID());
    if (roles.code >= 0 && feature->IsFieldSetAndNotNull(roles.code)) f.code = feature->GetFieldAsString(roles.code);
    if (f.code.empty()) {
      if (roles.code >= 0) diag.warn(file, fid, "has no code; identified by its feature id");
      f.code = fid;
    }
    f.name = roles.name >= 0 && feature->IsFieldSetAndNotNull(roles.name) ? feature->GetFieldAsString(roles.name) : f.code;
    if (roles.parent >= 0 && feature->IsFieldSetAndNotNull(roles.parent)) f.parent = feature->GetFieldAsString(roles.parent);
    f.startYear = fieldInt(*feature, roles.startYear, INT_MIN);
    f.endYear = fieldInt(*feature, roles.endYear, INT_MAX);
    const std::string record = f.code + (f.name != f.code ? " (" + f.name + ")" : "");
    if (!set.hasYears && !seenCodes.insert(f.code).second)
      diag.warn(file, record, "code appears more than once in the layer; picking and --focus use the first");

    std::unique_ptr<OGRGeometry> geom(feature->StealGeometry());
    if (!geom || geom->IsEmpty()) {
      diag.warn(file, record, "has no geometry; listed but not drawn");
      set.features.push_back(std::move(f));
      continue;
    }
    if (geom->hasCurveGeometry()) geom.reset(geom->getLinearGeometry());
    if (toMap && geom->transform(toMap->ogr()) != OGRERR_NONE) {
      diag.warn(file, record, "coordinates cannot be transformed to British National Grid; not drawn");
      set.features.push_back(std::move(f));
      continue;
    }
    polygons.clear();
    collectPolygons(geom.get(), polygons);
    if (polygons.empty()) {
      diag.warn(file, record, std::string("is a ") + OGRGeometryTypeToName(geom->getGeometryType()) + ", not a polygon; not drawn");
      set.features.push_back(std::move(f));
      continue;
    }
    std::size_t droppedRings = 0, badPoints = 0;
    for (const OGRPolygon* poly : polygons) {
      partRings.clear();
      for (const auto* ring : *poly) {
        auto pts = ringToPoints(*ring);
        const auto finite = std::erase_if(pts, [](Point2 p) { return !isFinite(p); });
        badPoints += finite;
        if (pts.size() < 3) ++droppedRings;
        partRings.push_back(std::move(pts));
      }
      set.addPart(f, partRings);
    }
    if (badPoints) diag.warn(file, record, std::to_string(badPoints) + " points with non-finite coordinates were skipped");
    if (droppedRings) diag.warn(file, record, std::to_string(droppedRings) + " rings with fewer than 3 points were skipped");
    if (!f.drawable()) diag.warn(file, record, "has no ring with 3 or more usable points; not drawn");
    set.features.push_back(std::move(f));
  }
  if (set.features.empty()) diag.warn(file, "", "layer '" + set.layer + "' has no features");
  return set;
}

}  // namespace cm
