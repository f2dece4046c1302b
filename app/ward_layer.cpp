#include "app/ward_layer.h"

#include "data/lod_cache.h"
#include "data/parties.h"

namespace cm {

std::string WardLayer::keyFor(int year) {
  std::string key;
  for (const auto& v : wardVintagesFor(year)) key += (key.empty() ? "" : " + ") + v.label;
  return key;
}

bool WardLayer::ensureFor(const MapSession& session) {
  const auto vintages = wardVintagesFor(session.year());
  const std::string key = keyFor(session.year());
  if (key == vintage_ && set_) return false;
  auto merged = std::make_unique<BoundarySet>();
  levels_.clear();
  Diagnostics diag;
  for (const auto& v : vintages) {
    try {
      const BoundarySet part = loadBoundaries(session.wardSource(v), diag);
      std::optional<LevelsOfDetail> stored;
      if (const auto path = session.compiledDatasetPath()) stored = readLevelsOfDetail(*path, v.compiledLayer, part);
      if (!stored || stored->empty()) stored = fullDetailOnly(part);
      levels_.push_back(std::make_shared<const LevelsOfDetail>(std::move(*stored)));
      appendBoundarySet(*merged, part);
    } catch (const LoadError&) {
      // A missing vintage shows no wards rather than stopping the map.
    }
  }
  set_ = std::move(merged);
  vintage_ = key;
  return true;
}

std::vector<LeveledLayer> WardLayer::drawable() const {
  std::vector<LeveledLayer> out;
  for (const auto& l : levels_) out.emplace_back(l);
  return out;
}

std::vector<FeatureStyle> WardLayer::styles(const MapSession& session) {
  std::vector<FeatureStyle> out(set_ ? set_->features.size() : 0);
  const bool inPeriod = WardCouncillors2018::covers(session.date()) && session.wardCouncillors();
  covered_ = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    // Outside the data's period wards are outlines only; inside it, a ward the data does not cover
    // is veiled pale, so a gap never passes for its council's colour.
    out[i].fill = inPeriod ? Rgba{250, 250, 250, 170} : Rgba{0, 0, 0, 0};
    if (!inPeriod) continue;
    const WardCouncillors* c = session.wardCouncillors()->find(set_->features[i].code);
    if (!c) continue;
    // A split ward (councillors of different parties) is shown as split: the NOC colour.
    const std::string code = c->representation == "NOC" ? "NOC" : partyCodeFor(c->representation).value_or("OTH");
    out[i].fill = colourForControl(code);
    out[i].fill.a = 235;
    ++covered_;
  }
  return out;
}



MapLook WardLayer::look() {
  MapLook look;
  look.border = {70, 70, 70, 200};
  look.selection = {0x20, 0x20, 0x20, 255};  // a ward inside the yellow council outline: dark, thinner
  look.selectionHalo = {255, 255, 255, 255};
  look.selectionWidth = 2;
  return look;
}

}  // namespace cm
