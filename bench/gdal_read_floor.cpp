// The floor for cold start: what GDAL alone takes, in a fresh process, to read everything the
// viewer reads from the compiled dataset before its first frame (every field and geometry of those
// layers, and the councils' rows of the levels-of-detail table), with nothing done with it.
//   gdal_read_floor DATASET.gpkg
#include <chrono>
#include <cstdio>
#include <memory>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: gdal_read_floor DATASET.gpkg\n");
    return 2;
  }
  GDALAllRegister();
  std::unique_ptr<GDALDataset> ds(
      static_cast<GDALDataset*>(GDALOpenEx(argv[1], GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
  if (!ds) return 1;
  // As app/map_session.cpp and app/viewer/map_canvas.cpp read them for the default view (the county
  // councils and the 2018 ward councillors are read later, when first needed: MapSession::loadDeferred).
  const char* layers[] = {"councils_lower",      "control_periods",      "events",
                          "leadership_periods",  "council_names_welsh",  "council_register",
                          "council_lookup_2014", "council_code_changes", "lod_meshes"};
  std::size_t features = 0, bytes = 0;
  for (const char* name : layers) {
    OGRLayer* layer = ds->GetLayerByName(name);
    if (!layer) return 1;
    if (std::string(name) == "lod_meshes") layer->SetAttributeFilter("layer = 'councils_lower'");
    for (auto& f : *layer) {
      ++features;
      for (int i = 0; i < f->GetFieldCount(); ++i) {
        int n = 0;
        if (f->GetFieldDefnRef(i)->GetType() == OFTBinary)
          bytes += std::size_t(f->GetFieldAsBinary(i, &n) ? n : 0);
        else
          bytes += std::char_traits<char>::length(f->GetFieldAsString(i));
      }
      if (const OGRGeometry* g = f->GetGeometryRef()) bytes += g->WkbSize();
    }
  }
  // When the reading ended, for bench/cold_start.sh (which also times the whole process).
  const auto wall = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch());
  std::printf("%zu features, %zu bytes (read at %lld ns since 1970)\n", features, bytes, static_cast<long long>(wall.count()));
  return 0;
}
