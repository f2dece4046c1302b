// Tables through GDAL: a GeoPackage's layers, and CSV files from anywhere GDAL reaches (local
// files, /vsicurl/ URLs, archives), parsed by parseCsv (base/csv_table.h says why not GDAL's driver).
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "base/utf8.h"
#include "store/gdal/gdal_readers.h"

namespace cm {
namespace {

// Hand-edited tables and spreadsheet exports are small; anything this large is not one of ours.
constexpr vsi_l_offset kMaxCsvBytes = vsi_l_offset(256) << 20;

// A date as GDAL's GetFieldAsString writes it ("2019/05/02"), or as `gdal` gives it when the year
// does not have four digits.
template <class Gdal>
std::string dateAsGdalWritesIt(const decltype(OGRField::Date)& d, const Gdal& gdal) {
  if (d.Year < 1000 || d.Year > 9999 || d.Month > 12 || d.Day > 31) return gdal();
  std::string out = "0000/00/00";
  const auto put = [&](std::size_t at, int value, int digits) {
    for (int k = digits - 1; k >= 0; --k, value /= 10) out[at + std::size_t(k)] = char('0' + value % 10);
  };
  put(0, d.Year, 4);
  put(5, d.Month, 2);
  put(8, d.Day, 2);
  return out;
}

CsvTable readLayer(const std::string& path, const std::string& layerName, Diagnostics& diag) {
  CsvTable t;
  t.path = path + ":" + layerName;
  // Shared: see holdOpen (store/boundary_loader.h).
  auto* ds =
      static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_SHARED, nullptr, nullptr, nullptr));
  if (!ds) {
    diag.error(path, "",
               std::string("cannot read the table: ") + (CPLGetLastErrorMsg()[0] ? CPLGetLastErrorMsg() : "missing or unreadable"));
    return t;
  }
  OGRLayer* layer = ds->GetLayerByName(layerName.c_str());
  if (!layer) {
    diag.error(path, "", "has no table '" + layerName + "'");
    GDALClose(ds);
    return t;
  }
  OGRFeatureDefn* defn = layer->GetLayerDefn();
  const int width = defn->GetFieldCount();
  std::vector<OGRFieldType> types;
  for (int i = 0; i < width; ++i) {
    t.columns.push_back(defn->GetFieldDefn(i)->GetNameRef());
    types.push_back(defn->GetFieldDefn(i)->GetType());
  }
  for (auto& f : *layer) {
    CsvTable::Row row;
    row.line = int(f->GetFID());
    row.values.reserve(std::size_t(width));
    for (int i = 0; i < width; ++i) {
      // Whole numbers and dates written here: GDAL's GetFieldAsString formats them with snprintf,
      // which is several times slower, and the tables are mostly counts and dates.
      const OGRFieldType type = types[std::size_t(i)];
      if (!f->IsFieldSetAndNotNull(i))
        row.values.emplace_back();
      else if (type == OFTInteger || type == OFTInteger64)
        row.values.push_back(std::to_string(f->GetFieldAsInteger64(i)));
      else if (type == OFTDate)
        row.values.push_back(dateAsGdalWritesIt(f->GetRawFieldRef(i)->Date, [&] { return f->GetFieldAsString(i); }));
      else
        row.values.emplace_back(f->GetFieldAsString(i));
      if (repairUtf8(row.values.back()))
        diag.warn(t.path, t.where(row), "column '" + t.columns[i] + "' is not valid UTF-8; the bad bytes are shown as U+FFFD");
    }
    t.rows.push_back(std::move(row));
  }
  GDALClose(ds);
  return t;
}

}  // namespace

CsvTable readTableWithGdal(const std::string& path, const std::string& layerName, Diagnostics& diag) {
  GDALAllRegister();
  CPLErrorReset();
  if (!layerName.empty()) return readLayer(path, layerName, diag);
  VSIStatBufL st;
  if (VSIStatL(path.c_str(), &st) != 0 || VSI_ISDIR(st.st_mode)) {
    diag.error(path, "", "cannot read the table: no such file");
    return CsvTable{path, {}, {}};
  }
  if (vsi_l_offset(st.st_size) > kMaxCsvBytes) {
    diag.error(path, "", "cannot read the table: " + std::to_string(st.st_size >> 20) + " MB is more than a table can be (256 MB)");
    return CsvTable{path, {}, {}};
  }
  GByte* bytes = nullptr;
  vsi_l_offset size = 0;
  if (!VSIIngestFile(nullptr, path.c_str(), &bytes, &size, GIntBig(kMaxCsvBytes))) {
    diag.error(path, "", std::string("cannot read the table: ") + (CPLGetLastErrorMsg()[0] ? CPLGetLastErrorMsg() : "unreadable"));
    return CsvTable{path, {}, {}};
  }
  CsvTable t = parseCsv(std::string_view(reinterpret_cast<const char*>(bytes), std::size_t(size)), path, diag);
  VSIFree(bytes);
  return t;
}

}  // namespace cm
