#pragma once
#include <string>

namespace cm {

// Where a file that should be JSON (GeoJSON, TopoJSON) stops being JSON, for the message when GDAL
// refuses it and says only "Failed to read GeoJSON data": e.g. "the JSON breaks off at line 1,
// column 96 (the file looks truncated)". Empty if the file does not start like JSON, or parses.
std::string describeJsonError(const std::string& path);

}  // namespace cm
