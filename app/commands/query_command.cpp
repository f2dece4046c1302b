#include "app/commands/query_command.h"

#include <cmath>
#include <iostream>

#include <CLI/CLI.hpp>

#include "base/text_parse.h"
#include "politics/council_types.h"
#include "politics/wards.h"
#include "store/boundary_loader.h"
#include "store/projection.h"

namespace cm {

nlohmann::ordered_json describeArea(const MapSession& session, const Feature& f, const std::string& tier) {
  nlohmann::ordered_json j = {{"code", f.code}, {"name", f.name}, {"type", areaTypeForCode(f.code)}, {"tier", tier}};
  if (!session.data().control()) return j;
  // Unknown data is null, never a guess.
  const Composition* c = session.stateOf(f.code).composition;
  j["control"] = c ? nlohmann::ordered_json(c->control) : nullptr;
  if (c && !c->controlGroup.empty()) j["control_group"] = c->controlGroup;
  j["largest"] = c && !c->largest.empty() ? nlohmann::ordered_json(c->largest) : nullptr;
  nlohmann::ordered_json seats = nlohmann::ordered_json::object();
  if (c)
    for (const auto& [party, n] : c->seats) seats[party] = n;
  j["seats"] = c ? seats : nlohmann::ordered_json(nullptr);
  j["total_seats"] = c ? nlohmann::ordered_json(c->totalSeats) : nullptr;
  j["control_source_label"] = c ? nlohmann::ordered_json(c->sourceLabel) : nullptr;
  if (c && !c->administration.empty()) j["administration"] = c->administration;
  j["composition_year"] = c ? nlohmann::ordered_json(c->year) : nullptr;
  if (c && !c->note.empty()) j["note"] = c->note;
  nlohmann::ordered_json sources = nlohmann::ordered_json::array();
  if (c) sources.push_back(c->source);
  j["faction"] = std::string(session.stateOf(f.code).faction());
  if (const LeadershipPeriod* lead = session.data().leadership() ? session.data().leadership()->at(f.code, session.view.date) : nullptr) {
    j["leader"] = {{"name", lead->leader.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(lead->leader)},
                   {"party", lead->party},
                   {"faction", lead->faction},
                   {"from", lead->start ? nlohmann::ordered_json(lead->start->iso()) : nlohmann::ordered_json(nullptr)},
                   {"basis", lead->basis},
                   {"confidence", lead->confidence}};
    for (const auto& s : lead->sources) sources.push_back(s);
  } else {
    j["leader"] = nullptr;
  }
  nlohmann::ordered_json disputes = nlohmann::ordered_json::array();
  for (const Event* e : session.stateOf(f.code).disputes.events) {
    disputes.push_back({{"id", e->id},
                        {"type", e->type},
                        {"date", e->date.iso()},
                        {"precision", e->precision},
                        {"title", e->title},
                        {"confidence", e->confidence},
                        {"sources", e->sources}});
    for (const auto& s : e->sources) sources.push_back(s);
  }
  j["disputes"] = disputes;
  j["sources"] = sources;
  return j;
}

// The ward at a point on the session's date, read through the ward file's spatial index.
nlohmann::ordered_json wardAt(const MapSession& session, double lon, double lat) {
  double x = lon, y = lat;
  if (!Transform::wgs84ToMap().apply(x, y)) return nullptr;
  for (const WardVintage& v : wardVintagesFor(session.year())) {
    Diagnostics ignored;  // problems with other wards near the point are not this query's business
    const BoundarySource src = session.data().wardSource(v);
    BoundarySet wards;
    try {
      wards = loadBoundaries(src, ignored, std::pair{lon, lat});
    } catch (const LoadError&) {
      continue;
    }
    const Picker picker(wards, 4);
    const auto hit = picker.pickAny({x, y});
    if (!hit) continue;
    const Feature& w = wards.features[*hit];
    nlohmann::ordered_json j = {{"code", w.code}, {"name", w.name}, {"vintage", v.label}};
    if (const WardCouncillors* c = session.data().wardCouncillors() ? session.data().wardCouncillors()->find(w.code) : nullptr;
        c && WardCouncillors2018::covers(session.view.date)) {
      j["councillors_2018"] = {{"parties", c->codes},
                               {"as_given", c->names},
                               {"representation", c->representation},
                               {"source", "Open Data Manchester, ward councillors as at September 2018"}};
    }
    return j;
  }
  return nullptr;
}

nlohmann::ordered_json queryPoint(const MapSession& session, double lon, double lat) {
  double x = lon, y = lat;
  nlohmann::ordered_json out = {{"date", session.view.date.iso()}, {"at", {{"lon", lon}, {"lat", lat}}}};
  std::optional<std::uint32_t> hit, county;
  if (Transform::wgs84ToMap().apply(x, y)) {
    out["at"]["easting"] = std::round(x * 100) / 100;
    out["at"]["northing"] = std::round(y * 100) / 100;
    hit = session.featureAt({x, y});
    county = session.data().countyAt({x, y}, session.year());
  }
  const auto& features = session.boundaries().features;
  out["council"] = hit ? describeArea(session, features[*hit], session.view.tier) : nlohmann::ordered_json(nullptr);
  // In a two-tier area the county council is reported too (on the lower-tier map; on the upper-tier
  // map it is the council itself).
  const bool countyIsCouncil = hit && county && features[*hit].code == session.data().counties()->features[*county].code;
  out["county"] = county && !countyIsCouncil ? describeArea(session, session.data().counties()->features[*county], "upper")
                                             : nlohmann::ordered_json(nullptr);
  out["ward"] = session.data().usesDefaultData() ? wardAt(session, lon, lat) : nlohmann::ordered_json(nullptr);
  out["boundaries"] = {{"source", session.boundaries().source}, {"layer", session.boundaries().layer}, {"year", session.year()}};
  return out;
}

void addQueryCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("query", "Print, as JSON, the council containing a WGS84 point on a date");
  auto options = std::make_shared<CommonOptions>();
  auto at = std::make_shared<std::string>();
  cmd->add_option("--at", *at, "Point as LON,LAT in WGS84 degrees, e.g. -0.1276,51.5072")->required();
  addCommonOptions(*cmd, *options);
  cmd->callback([options, at] {
    std::string why;
    const auto p = parseLonLat(*at, &why);
    if (!p) throw CLI::ValidationError("--at", why);
    // PROJ's transformation is made while the session opens; its errors are thrown here, as they would
    // be at the first point.
    auto projection = Transform::prepareWgs84ToMap();
    auto session = MapSession::open(*options);
    projection.get();
    session->data().loadDeferred();  // the answer names the county too: what reading it found is printed with the rest
    session->data().diagnostics().print(std::cerr, options->verbose ? Severity::Info : Severity::Warning);
    if (options->verbose) std::cerr << "councilmap: using " << session->data().description() << '\n';
    // A path or layer name in another encoding is shown with U+FFFD rather than failing the query.
    std::cout << queryPoint(*session, p->lon, p->lat).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << std::endl;
  });
}

}  // namespace cm
