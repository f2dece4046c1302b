#pragma once
// What the data is made of, each name written once: the files of the shared data folder (paths
// relative to it), the project's own tables (in data/tables), the layers and tables of the compiled
// dataset that build-dataset writes, and which ward boundary files stand for which years.
#include <string>
#include <vector>

namespace cm {

// The shared data folder.
inline constexpr const char* kDefaultBoundaries = "boundaries/ons_uk_topojson_2014_2025.gpkg";
inline constexpr const char* kDefaultBoundaryLayer = "ltla";  // lower tier: districts and unitaries
inline constexpr const char* kUpperTierLayer = "utla";        // upper tier: county councils and unitaries
inline constexpr const char* kCountyLayer = "cty";            // county councils only
inline constexpr const char* kControlCompositionFile = "control/ocd_council_composition_2016_2026_gss.csv";
inline constexpr const char* kCouncilChangesFile = "boundaries/ons_uk_topojson_changes.csv";
inline constexpr const char* kCouncilLookup2014File = "boundaries/ons_uk_topojson_ltla14_lookup.csv";
inline constexpr const char* kCouncilRegisterFile = "control/mysociety_uk_local_authorities_future.csv";
inline constexpr const char* kWardCouncillors2018File = "control/odm_ward_councillor_party_2018.csv";
inline constexpr const char* kWelshNamesFile = "boundaries/lad_may2023_uk_buc.gpkg";
inline constexpr const char* kWelshNamesLayer = "lad_may2023";

// The project's own tables, in data/tables.
inline constexpr const char* kEventsFile = "events.csv";
inline constexpr const char* kFactionsFile = "factions.csv";
inline constexpr const char* kLeadershipFile = "leadership_periods.csv";
inline constexpr const char* kNamedGroupsFile = "named_groups.csv";
inline constexpr const char* kNiCompositionFile = "ni_composition.csv";

// The compiled dataset's layers and tables.
namespace compiled {
inline constexpr const char* kCouncilsLower = "councils_lower";
inline constexpr const char* kCouncilsUpper = "councils_upper";
inline constexpr const char* kCountyCouncils = "county_councils";
inline constexpr const char* kParties = "parties";
inline constexpr const char* kControlPeriods = "control_periods";
inline constexpr const char* kEvents = "events";
inline constexpr const char* kFactions = "factions";
inline constexpr const char* kLeadership = "leadership_periods";
inline constexpr const char* kWardCouncillors2018 = "ward_councillors_2018";
inline constexpr const char* kWelshNames = "council_names_welsh";
inline constexpr const char* kCouncilRegister = "council_register";
inline constexpr const char* kCouncilLookup2014 = "council_lookup_2014";
inline constexpr const char* kCouncilChanges = "council_code_changes";
inline constexpr const char* kSources = "sources";
inline constexpr const char* kLevelsOfDetail = "lod_meshes";
}  // namespace compiled

// A ward boundary file in the shared data and the years it stands for.
struct WardVintage {
  std::string file;           // relative to the data folder
  std::string label;          // e.g. "2013 (GB)", "December 2019"
  std::string compiledLayer;  // its layer in the compiled dataset
};

// The ward vintages valid in a year: the 2013 GB and 2012 NI wards up to 2018, then each December
// vintage, and May 2023 from 2023 on.
std::vector<WardVintage> wardVintagesFor(int year);

}  // namespace cm
