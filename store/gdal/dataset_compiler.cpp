#include "store/dataset_compiler.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <vector>

#include <gdal_priv.h>
#include <gdal_utils.h>
#include <ogrsf_frmts.h>

#include "base/atomic_file.h"
#include "politics/control_history.h"
#include "politics/parties.h"
#include "store/attribution.h"
#include "store/dataset_layout.h"
#include "store/lod_cache.h"
#include "store/record_files.h"

namespace cm {
namespace {

struct Step {
  Step(std::string source, std::string layer, std::string name, double weight, bool spatial = true, std::string sql = {})
      : source(std::move(source)), layer(std::move(layer)), name(std::move(name)), weight(weight), spatial(spatial), sql(std::move(sql)) {}
  std::string source;  // path relative to the data folder, or absolute
  std::string layer;   // source layer ("" = the first)
  std::string name;    // layer name in the compiled dataset
  double weight;       // share of the build time, roughly by vertex count
  bool spatial;
  std::string sql;  // instead of a layer: a query on the source
};

struct ProgressScope {
  const ProgressFn* fn;
  double base, span;
  std::string step;
};

int CPL_STDCALL gdalProgress(double done, const char*, void* data) {
  auto* s = static_cast<ProgressScope*>(data);
  if (*s->fn) (*s->fn)(s->base + s->span * done, s->step);
  return TRUE;
}

bool translate(const std::string& dst, GDALDatasetH* target, const std::string& src, const Step& step, ProgressScope& scope,
               Diagnostics& diag) {
  std::vector<std::string> args = {"-nln", step.name, "-lco", "SPATIAL_INDEX=YES"};
  if (step.spatial) {
    for (const char* a : {"-t_srs", "EPSG:27700", "-nlt", "PROMOTE_TO_MULTI", "-lco", "GEOMETRY_NAME=geom"}) args.push_back(a);
  }
  if (!*target)
    args.insert(args.begin(), {"-f", "GPKG"});
  else
    args.insert(args.begin(), "-update");
  // TopoJSON-derived layers carry no CRS; the shared GeoPackages all declare EPSG:4326.
  args.insert(args.end(), {"-s_srs", "EPSG:4326"});
  if (!step.spatial) args.resize(args.size() - 2);
  if (!step.sql.empty())
    args.insert(args.end(), {"-sql", step.sql});
  else if (!step.layer.empty())
    args.push_back(step.layer);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  GDALVectorTranslateOptions* opts = GDALVectorTranslateOptionsNew(argv.data(), nullptr);
  GDALVectorTranslateOptionsSetProgress(opts, gdalProgress, &scope);
  GDALDatasetH in = GDALOpenEx(src.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
  if (!in) {
    GDALVectorTranslateOptionsFree(opts);
    diag.error(src, "", "cannot open: " + std::string(CPLGetLastErrorMsg()));
    return false;
  }
  int usageError = 0;
  GDALDatasetH res = GDALVectorTranslate(*target ? nullptr : dst.c_str(), *target, 1, &in, opts, &usageError);
  GDALVectorTranslateOptionsFree(opts);
  GDALClose(in);
  if (!res) {
    diag.error(src, step.name, "could not be copied into the dataset: " + std::string(CPLGetLastErrorMsg()));
    return false;
  }
  *target = res;
  return true;
}

// Counts rows that could not be written, so the build can fail loudly instead of losing them.
std::size_t gFailedWrites = 0;
void create(OGRLayer* l, OGRFeature& f) {
  if (l->CreateFeature(&f) != OGRERR_NONE) ++gFailedWrites;
}

OGRLayer* tableLayer(GDALDataset& ds, const char* name, const std::vector<std::pair<const char*, OGRFieldType>>& fields) {
  OGRLayer* l = ds.CreateLayer(name, nullptr, wkbNone, nullptr);
  for (auto [n, t] : fields) {
    OGRFieldDefn f(n, t);
    l->CreateField(&f);
  }
  return l;
}

std::string hex(Rgba c) {
  char b[8];
  std::snprintf(b, sizeof b, "#%02x%02x%02x", c.r, c.g, c.b);
  return b;
}

void writeParties(GDALDataset& ds) {
  OGRLayer* l = tableLayer(ds, compiled::kParties,
                           {{"code", OFTString}, {"name", OFTString}, {"colour", OFTString}, {"colour_blind_safe", OFTString}});
  auto add = [&](std::string_view code, std::string_view name, Rgba c, Rgba cb) {
    OGRFeature f(l->GetLayerDefn());
    f.SetField("code", std::string(code).c_str());
    f.SetField("name", std::string(name).c_str());
    f.SetField("colour", hex(c).c_str());
    f.SetField("colour_blind_safe", hex(cb).c_str());
    create(l, f);
  };
  for (const Party& p : parties()) add(p.code, p.name, p.colour, p.colourBlindSafe);
  add(kNoOverallControl, "No overall control", colourForControl(kNoOverallControl), colourForControl(kNoOverallControl, true));
}

void writeControl(GDALDataset& ds, const ControlHistory& h) {
  std::vector<std::pair<const char*, OGRFieldType>> fields = {
      {"council", OFTString},      {"name", OFTString},           {"election_year", OFTInteger}, {"from_date", OFTDate},
      {"to_date", OFTDate},        {"total_seats", OFTInteger},   {"control", OFTString},        {"largest", OFTString},
      {"source_label", OFTString}, {"administration", OFTString}, {"note", OFTString},           {"source", OFTString},
      {"control_group", OFTString}};
  for (const Party& p : parties()) fields.push_back({p.code.data(), OFTInteger});
  OGRLayer* l = tableLayer(ds, compiled::kControlPeriods, fields);
  ds.StartTransaction();
  for (const auto& code : h.councils())
    for (int y = h.firstYear(); y <= h.lastYear(); ++y) {
      const Composition* c = h.inYear(code, y);
      if (!c) continue;
      OGRFeature f(l->GetLayerDefn());
      f.SetField("council", c->council.c_str());
      f.SetField("name", c->name.c_str());
      f.SetField("election_year", y);
      const Date from = electionDay(y), to = dateFromDays(daysSinceEpoch(electionDay(y + 1)) - 1);
      f.SetField("from_date", from.year, from.month, from.day);
      f.SetField("to_date", to.year, to.month, to.day);
      f.SetField("total_seats", c->totalSeats);
      f.SetField("control", c->control.c_str());
      f.SetField("control_group", c->controlGroup.c_str());
      f.SetField("largest", c->largest.c_str());
      f.SetField("source_label", c->sourceLabel.c_str());
      f.SetField("administration", c->administration.c_str());
      f.SetField("note", c->note.c_str());
      f.SetField("source", c->source.c_str());
      for (const Party& p : parties()) f.SetField(p.code.data(), 0);
      for (const auto& [party, n] : c->seats) f.SetField(party.c_str(), n);
      create(l, f);
    }
  ds.CommitTransaction();
}

void writeSources(GDALDataset& ds) {
  OGRLayer* l = tableLayer(ds, compiled::kSources, {{"what", OFTString}, {"attribution", OFTString}, {"licence", OFTString}});
  const std::pair<const char*, std::pair<const char*, const char*>> rows[] = {
      {"council boundaries", {kOnsBoundaryAttribution, "Open Government Licence v3.0"}},
      {"2013 councils and wards",
       {"Contains Ordnance Survey, Office of National Statistics, National Records Scotland and LPS Intellectual Property data (c) Crown "
        "copyright and database right [2016]. Data licensed under the terms of the Open Government Licence. Ordnance Survey data covered "
        "by OS OpenData Licence. Conversion: Martin Chorley, martinjc/UK-GeoJSON.",
        "CC BY 4.0 / OGL v3.0"}},
      {"2019-2023 wards",
       {"Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data (c) Crown copyright and "
        "database right 2010-2024. Packaged by jimgar/wardboundaries.",
        "Open Government Licence v3.0"}},
      {"council control", {kControlAttribution, "CC BY-SA 4.0"}},
      {"events, factions, leadership",
       {"Written by the councilmap project from sourced facts; each row lists its sources and confidence.", "as the project"}},
  };
  for (const auto& [what, rest] : rows) {
    OGRFeature f(l->GetLayerDefn());
    f.SetField("what", what);
    f.SetField("attribution", rest.first);
    f.SetField("licence", rest.second);
    create(l, f);
  }
}

}  // namespace

bool compileDataset(const CompileInputs& in, Diagnostics& diag) {
  GDALAllRegister();
  namespace fs = std::filesystem;
  AtomicFile out(in.out);  // a failed or interrupted build never replaces a good dataset
  const std::string tmp = out.tempPath().string();
  const fs::path d = in.dataDir;
  std::vector<Step> steps = {
      {kDefaultBoundaries, kDefaultBoundaryLayer, compiled::kCouncilsLower, 2},
      {kDefaultBoundaries, kUpperTierLayer, compiled::kCouncilsUpper, 1},
      {kDefaultBoundaries, kCountyLayer, compiled::kCountyCouncils, 0.3},
  };
  // Every ward vintage once, its share of the build by its file's size (a megabyte's worth each).
  for (int year = 2018; year <= 2023; ++year)
    for (const WardVintage& v : wardVintagesFor(year)) {
      if (std::any_of(steps.begin(), steps.end(), [&v](const Step& s) { return s.name == v.compiledLayer; })) continue;
      std::error_code ec;
      const auto bytes = fs::file_size(d / v.file, ec);
      steps.emplace_back(v.file, "", v.compiledLayer, ec ? 6.0 : std::max(1.0, double(bytes) / 1e6));
    }
  const std::vector<Step> tables = {
      {(in.tablesDir / kEventsFile).string(), "", compiled::kEvents, 0.2, false},
      {(in.tablesDir / kFactionsFile).string(), "", compiled::kFactions, 0.1, false},
      {(in.tablesDir / kLeadershipFile).string(), "", compiled::kLeadership, 0.1, false},
      {kWardCouncillors2018File, "", compiled::kWardCouncillors2018, 0.3, false},
      {kWelshNamesFile, "", compiled::kWelshNames, 0.1, false,
       "SELECT LAD23CD AS code, LAD23NMW AS name_cy FROM lad_may2023 WHERE LAD23NMW IS NOT NULL AND LAD23NMW <> LAD23NM"},
      // Regions and council types: mySociety's register, and the ONS 2014 lookup for the districts it leaves without a region.
      {kCouncilRegisterFile, "", compiled::kCouncilRegister, 0.1, false,
       "SELECT \"gss-code\" AS code, \"former-gss-codes\" AS former_codes, \"nice-name\" AS name, region, nation, "
       "\"local-authority-type-name\" AS type FROM mysociety_uk_local_authorities_future"},
      {kCouncilLookup2014File, "", compiled::kCouncilLookup2014, 0.1, false,
       "SELECT ltlacd AS code, rgnnm AS region, ctrynm AS nation FROM ons_uk_topojson_ltla14_lookup"},
      {kCouncilChangesFile, "", compiled::kCouncilChanges, 0.1, false},
  };
  steps.insert(steps.end(), tables.begin(), tables.end());
  constexpr double kLodWeight = 30;  // simplifying and tessellating every boundary layer
  double total = 2 + kLodWeight;     // the control table and the rest, then the levels of detail
  for (const auto& s : steps) total += s.weight;
  double done = 0;
  GDALDatasetH target = nullptr;
  gFailedWrites = 0;
  for (const auto& s : steps) {
    ProgressScope scope{&in.progress, done / total, s.weight / total, s.name};
    if (in.progress) in.progress(done / total, s.name);
    const std::string src = fs::path(s.source).is_absolute() ? s.source : (d / s.source).string();
    if (!translate(tmp, &target, src, s, scope, diag)) {
      if (target) GDALClose(target);
      return false;
    }
    done += s.weight;
  }
  if (in.progress) in.progress(done / total, compiled::kControlPeriods);
  auto* ds = GDALDataset::FromHandle(target);
  const ControlHistory control = readControlHistory((d / kControlCompositionFile).string(), (d / kCouncilChangesFile).string(),
                                                    (d / kCouncilLookup2014File).string(), diag, in.tablesDir.string());
  writeControl(*ds, control);
  writeParties(*ds);
  writeSources(*ds);
  GDALClose(target);
  if (gFailedWrites) {
    diag.error(in.out.string(), "", std::to_string(gFailedWrites) + " table rows could not be written; the dataset was not replaced");
    return false;
  }
  // Levels of detail of every boundary layer, from the layers as written so that their source
  // hashes match what a reader of the file loads.
  std::vector<std::string> boundaryLayers;
  for (const auto& s : steps)
    if (s.spatial) boundaryLayers.push_back(s.name);
  const auto lodProgress = [&](double f, const std::string& step) {
    if (in.progress) in.progress((done + 2 + f * kLodWeight) / total, step);
  };
  if (!storeLevelsOfDetail(tmp, boundaryLayers, diag, lodProgress, in.lodReport)) return false;
  if (const std::string err = out.commit(); !err.empty()) {
    diag.error(in.out.string(), "", "cannot move the finished dataset into place: " + err);
    return false;
  }
  if (in.progress) in.progress(1.0, "done");
  return true;
}

}  // namespace cm
