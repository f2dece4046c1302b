// Tessellation against GDAL's own polygon areas on every feature of the real boundary files.
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include "geo/map_mesh.h"
#include "store/boundary_loader.h"
#include "store/projection.h"
#include "unit/test_support.h"

using namespace cm;

namespace {

struct AreaCheck {
  std::size_t features = 0, valid = 0, invalid = 0, validMismatches = 0;
  double worstValidError = 0;
};

// Sums the mesh's triangle areas per feature and compares them with OGR's area of the same
// reprojected geometry. Valid polygons must match tightly; invalid ones must merely not crash.
AreaCheck checkFile(const std::string& relative, const std::string& layerName) {
  AreaCheck out;
  Diagnostics diag;
  const BoundarySet set = loadBoundaries({sharedData(relative), layerName, "", ""}, diag);
  const MapMesh mesh = buildMapMesh(set);

  GDALAllRegister();
  auto* ds = static_cast<GDALDataset*>(GDALOpenEx(sharedData(relative).c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
  OGRLayer* layer = ds->GetLayerByName(set.layer.c_str());
  OGRSpatialReference bng, wgs84;
  bng.importFromEPSG(27700);
  wgs84.importFromEPSG(4326);
  const auto toBng = Transform::between(wgs84, bng);  // one transformation for the whole file
  std::size_t fi = 0;
  for (auto& feature : *layer) {
    const OGRGeometry* g = feature->GetGeometryRef();
    std::unique_ptr<OGRGeometry> copy(g->clone());
    copy->transform(toBng->ogr());
    double meshArea = 0;
    const IndexRange r = mesh.fillRanges[fi];
    for (std::uint32_t t = r.first; t < r.first + r.count; t += 3) {
      const MeshVertex &a = mesh.vertices[mesh.triangles[t]], &b = mesh.vertices[mesh.triangles[t + 1]],
                       &c = mesh.vertices[mesh.triangles[t + 2]];
      meshArea += std::abs((double(b.x) - a.x) * (double(c.y) - a.y) - (double(c.x) - a.x) * (double(b.y) - a.y)) / 2;
    }
    const double gdalArea = copy->toMultiPolygon() ? copy->toMultiPolygon()->get_Area() : 0;
    ++out.features;
    if (g->IsValid()) {
      ++out.valid;
      const double rel = std::abs(meshArea - gdalArea) / gdalArea;
      out.worstValidError = std::max(out.worstValidError, rel);
      if (rel > 1e-5) ++out.validMismatches;
    } else {
      ++out.invalid;
      EXPECT_GT(meshArea, 0) << set.features[fi].code;
    }
    ++fi;
  }
  GDALClose(ds);
  return out;
}

}  // namespace

TEST(TessellationRealData, OnsCouncilsAllYears) {
  REQUIRE_SHARED_DATA("boundaries/ons_uk_topojson_2014_2025.gpkg");
  const auto r = checkFile("boundaries/ons_uk_topojson_2014_2025.gpkg", "ltla");
  EXPECT_EQ(r.features, 407u);
  EXPECT_EQ(r.validMismatches, 0u) << "worst relative error " << r.worstValidError;
}

TEST(TessellationRealData, QuantisedMartinjcCouncilsMostlyInvalid) {
  REQUIRE_SHARED_DATA("boundaries/lad_2013_gb_lgd_2012_ni_martinjc.gpkg");
  const auto gb = checkFile("boundaries/lad_2013_gb_lgd_2012_ni_martinjc.gpkg", "lad_2013_gb");
  EXPECT_EQ(gb.features, 380u);
  EXPECT_GT(gb.invalid, 300u);  // quantisation self-intersections, drawn anyway
  EXPECT_EQ(gb.validMismatches, 0u) << "worst relative error " << gb.worstValidError;
  const auto ni = checkFile("boundaries/lad_2013_gb_lgd_2012_ni_martinjc.gpkg", "lgd_ni");
  EXPECT_EQ(ni.features, 11u);
}

TEST(TessellationRealData, OfficialBucVintages) {
  for (const char* f : {"boundaries/lad_dec2022_uk_buc.gpkg", "boundaries/lad_may2023_uk_buc.gpkg"}) {
    const auto r = checkFile(f, "");
    EXPECT_EQ(r.validMismatches, 0u) << f << " worst relative error " << r.worstValidError;
  }
}
