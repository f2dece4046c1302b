#include "app/viewer/ward_layer.h"

#include "politics/parties.h"
#include "store/lod_cache.h"

namespace cm {

std::string WardLayer::keyFor(int year) {
  std::string key;
  for (const auto& v : wardVintagesFor(year)) key += (key.empty() ? "" : " + ") + v.label;
  return key;
}

WardLayer::~WardLayer() {
  if (pending_.valid()) pending_.wait();
}

WardLayer::Loaded WardLayer::load(const MapSession& session, int year, double metresPerPixel) {
  Loaded out{keyFor(year), std::make_unique<BoundarySet>(), {}, {}, std::this_thread::get_id()};
  // The councillors of May 2018 to May 2019 colour these wards: read here, not when they are styled.
  if (year == 2018 || year == 2019) session.data().wardCouncillors();
  Diagnostics diag;
  for (const auto& v : wardVintagesFor(year)) {
    try {
      const BoundarySet part = loadBoundaries(session.data().wardSource(v), diag);
      auto levels =
          std::make_shared<const LevelsOfDetail>(storedLevelsOrFullDetail(part, session.data().compiledDatasetPath(), v.compiledLayer));
      if (metresPerPixel > 0) {
        const std::size_t level = levels->pick(metresPerPixel);
        out.segments.emplace_back(level, buildBorderSegments(levels->meshes[level]));
      }
      out.levels.push_back(std::move(levels));
      appendBoundarySet(*out.set, part);
    } catch (const LoadError&) {
      // A missing vintage shows no wards rather than stopping the map.
    }
  }
  return out;
}

void WardLayer::adopt(Loaded loaded) {
  set_ = std::move(loaded.set);
  levels_ = std::move(loaded.levels);
  segments_ = std::move(loaded.segments);
  vintage_ = std::move(loaded.vintage);
  readInBackground_ = loaded.readOn != std::this_thread::get_id();
}

void WardLayer::startLoading(const MapSession& session, double metresPerPixel) {
  const std::string key = keyFor(session.year());
  // Another vintage on its way (the date moved on meanwhile) is let finish, never waited for: poll()
  // takes it, and the next call asks for this one.
  if ((set_ && vintage_ == key) || pending_.valid()) return;
  pending_ =
      std::async(std::launch::async, [&session, year = session.year(), metresPerPixel] { return load(session, year, metresPerPixel); });
}

bool WardLayer::poll() {
  if (!pending_.valid() || pending_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
  const std::string before = vintage_;
  adopt(pending_.get());
  return vintage_ != before;
}

bool WardLayer::ensureFor(const MapSession& session) {
  const std::string key = keyFor(session.year()), before = vintage_;
  if (pending_.valid()) adopt(pending_.get());
  if (!(set_ && vintage_ == key)) adopt(load(session, session.year(), /*no segments*/ -1));
  return vintage_ != before;
}

std::vector<LeveledLayer> WardLayer::drawable() {
  std::vector<LeveledLayer> out;
  for (std::size_t i = 0; i < levels_.size(); ++i) {
    out.emplace_back(levels_[i]);
    if (i < segments_.size()) out.back().provideSegments(segments_[i].first, std::move(segments_[i].second));
  }
  segments_.clear();  // handed over once; a renderer made again finds its own
  return out;
}

std::vector<FeatureStyle> WardLayer::styles(const MapSession& session) {
  std::vector<FeatureStyle> out(set_ ? set_->features.size() : 0);
  const bool inPeriod = WardCouncillors2018::covers(session.view.date) && session.data().wardCouncillors();
  covered_ = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    // Outside the data's period wards are outlines only; inside it, a ward the data does not cover
    // is veiled pale, so a gap never passes for its council's colour.
    out[i].fill = inPeriod ? Rgba{250, 250, 250, 170} : Rgba{0, 0, 0, 0};
    if (!inPeriod) continue;
    const WardCouncillors* c = session.data().wardCouncillors()->find(set_->features[i].code);
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
