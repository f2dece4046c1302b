#pragma once
#include <nlohmann/json.hpp>

#include "app/map_session.h"

namespace CLI {
class App;
}

namespace cm {

// `councilmap query --at LON,LAT`: what lies at a point on a date, as one JSON object.
// Built as nested objects so later data (control, faction, disputes, wards) adds keys, not shapes.
nlohmann::ordered_json describeArea(const MapSession& session, const Feature& feature, const std::string& tier);
nlohmann::ordered_json queryPoint(const MapSession& session, double lon, double lat);

void addQueryCommand(CLI::App& app);

}  // namespace cm
