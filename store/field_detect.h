#pragma once
#include <string>
#include <vector>

namespace cm {

// Which attribute columns hold an area's GSS code, its name and its validity years.
// Indices are into the field list given; -1 means not found.
struct FieldRoles {
  int code = -1;
  int name = -1;
  int startYear = -1;
  int endYear = -1;
  int parent = -1;  // a ward's council code (LAD19CD in a WD19 layer)
};

// Recognises ONS-style columns (LAD13CD/LAD13NM, WD19CD/WD19NM, CTY21CD), the ONS visual team's
// areacd/areanm, Northern Ireland's LGDCode/LGDNAME and WardCode/WARDNAME, and generic code/name.
// The first code column wins, so a ward layer that also carries its council's LAD code is keyed by ward.
// Explicit names (case-insensitive) override detection; an override that matches nothing yields -1.
FieldRoles detectFieldRoles(const std::vector<std::string>& fieldNames, const std::string& codeOverride = {},
                            const std::string& nameOverride = {});

}  // namespace cm
