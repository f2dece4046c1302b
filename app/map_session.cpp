#include "app/map_session.h"

#include <iostream>

#include "data/data_locator.h"
#include "data/boundary_loader.h"
#include "data/palette.h"
#include "app/ui_overlay.h"
#include "render/map_renderer.h"

namespace cm {

Date defaultDate(const BoundarySet& set) {
  const Date now = today();
  const auto range = set.yearRange();
  if (!range || now.year <= range->second) return now;
  return {range->second, 12, 31};
}

std::unique_ptr<MapSession> MapSession::open(const CommonOptions& o) {
  auto s = std::make_unique<MapSession>();
  BoundarySource src{o.boundaries, o.layer, o.codeField, o.nameField};
  if (src.path.empty()) {
    std::vector<std::string> tried;
    const auto loc = locateDataDir(o.dataDir, COUNCILMAP_SOURCE_DIR, &tried);
    if (!loc) {
      std::string msg = "no data folder found. Looked in:";
      for (const auto& t : tried) msg += "\n  " + t;
      msg += "\nGive one with --data DIR or set COUNCILMAP_DATA.";
      throw UsageError(msg);
    }
    src.path = (loc->dir / kDefaultBoundaries).string();
    if (src.layer.empty()) src.layer = kDefaultBoundaryLayer;
    s->usesDefaultData_ = true;
    s->dataDescription_ = "data folder " + loc->dir.string() + " (" + loc->how + ")";
  } else {
    s->dataDescription_ = "boundaries " + src.path;
  }
  s->boundaries_ = loadBoundaries(src, s->diagnostics_);
  s->dataDescription_ += ", layer " + s->boundaries_.layer + ", " + std::to_string(s->boundaries_.features.size()) + " areas";
  s->picker_ = std::make_unique<Picker>(s->boundaries_);
  if (o.date.empty()) {
    s->date_ = defaultDate(s->boundaries_);
  } else {
    std::string why;
    const auto d = parseDate(o.date, &why);
    if (!d) throw UsageError("--date: " + why);
    s->date_ = *d;
  }
  return s;
}

std::vector<FeatureStyle> MapSession::styles() const {
  std::vector<FeatureStyle> out(boundaries_.features.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    const Feature& f = boundaries_.features[i];
    out[i].fill = neutralColourFor(f.code);
    out[i].visible = f.existsIn(year());
  }
  return out;
}

std::size_t MapSession::visibleCount() const {
  std::size_t n = 0;
  for (const auto& f : boundaries_.features) n += f.existsIn(year());
  return n;
}

}  // namespace cm

namespace cm {
std::string MapSession::attribution() const { return attributionFor(boundaries_.source, usesDefaultData_); }

std::string MapSession::title() const { return usesDefaultData_ ? "UK councils" : boundaries_.layer; }

std::string MapSession::subtitle() const {
  const std::string count = std::to_string(visibleCount()) + " areas";
  // A layer without validity years looks the same on every date, so the date would mislead.
  return boundaries_.hasYears ? date_.iso() + "  \xC2\xB7  " + count : count;
}
}  // namespace cm
