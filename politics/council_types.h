#pragma once
#include <string>
#include <string_view>

namespace cm {

// The kind of area a GSS code denotes, read from its three-character entity prefix
// (E06 unitary authority, E07 district, E09 London borough, W06, S12, N09 …).
std::string areaTypeForCode(std::string_view gssCode);

// True for codes of elected councils (districts, unitaries, boroughs, counties, Welsh, Scottish and NI councils).
bool isCouncilCode(std::string_view gssCode);

// The other code of a council whose code changed while the ONS boundary file kept the old one
// (Glasgow City and North Lanarkshire, 2018), or empty.
std::string_view sameCouncilOtherCode(std::string_view gssCode);

}  // namespace cm
