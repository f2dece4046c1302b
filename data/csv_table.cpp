#include "data/csv_table.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace cm {

int CsvTable::column(const std::string& name) const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i] == name) return int(i);
  return -1;
}

const std::string& CsvTable::get(const Row& r, int c) const {
  static const std::string empty;
  return c >= 0 && std::size_t(c) < r.values.size() ? r.values[c] : empty;
}

CsvTable readCsv(const std::string& path, Diagnostics& diag) { return readTable(path, "", diag); }

CsvTable readTable(const std::string& path, const std::string& layerName, Diagnostics& diag) {
  GDALAllRegister();
  CsvTable t;
  t.path = layerName.empty() ? path : path + ":" + layerName;
  // CSV: plain strings for every column, since types are ours to check with the line in the message.
  const bool csv = layerName.empty();
  const char* const openOptions[] = {"AUTODETECT_TYPE=NO", "EMPTY_STRING_AS_NULL=NO", "KEEP_GEOM_COLUMNS=YES", nullptr};
  const char* const csvDriver[] = {"CSV", nullptr};
  auto* ds = static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, csv ? csvDriver : nullptr,
                                                  csv ? openOptions : nullptr, nullptr));
  if (!ds) {
    diag.error(path, "", std::string("cannot read the table: ") + (CPLGetLastErrorMsg()[0] ? CPLGetLastErrorMsg() : "missing or unreadable"));
    return t;
  }
  OGRLayer* layer = csv ? ds->GetLayer(0) : ds->GetLayerByName(layerName.c_str());
  if (!layer) {
    diag.error(path, "", "has no table '" + layerName + "'");
    GDALClose(ds);
    return t;
  }
  OGRFeatureDefn* defn = layer->GetLayerDefn();
  for (int i = 0; i < defn->GetFieldCount(); ++i) t.columns.push_back(defn->GetFieldDefn(i)->GetNameRef());
  for (auto& f : *layer) {
    CsvTable::Row row;
    row.line = int(f->GetFID()) + (csv ? 1 : 0);  // the CSV driver numbers data rows from 1; line 1 is the header
    for (int i = 0; i < defn->GetFieldCount(); ++i) row.values.push_back(f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "");
    t.rows.push_back(std::move(row));
  }
  GDALClose(ds);
  return t;
}

bool requireColumns(const CsvTable& t, const std::vector<std::string>& names, Diagnostics& diag) {
  bool ok = true;
  for (const auto& n : names)
    if (t.column(n) < 0) {
      diag.error(t.path, "", "missing column '" + n + "'");
      ok = false;
    }
  return ok;
}

}  // namespace cm
