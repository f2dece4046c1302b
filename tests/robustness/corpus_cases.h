#pragma once
// The bad-input corpus (tests/robustness/corpus): every file, what it is, and what the user must be
// told about it. Shared by the API tests and the command-line tests, so both hold the program to
// the same messages.
#include <ostream>
#include <string>
#include <vector>

#include "base/diagnostics.h"

namespace cm::corpus {

enum class Kind { Boundaries, Events, Leadership, Control, WardCouncillors };

// Loads: the data loads (what can be) and the problems come as warnings. Stops: loading stops with
// an error that names the file and the problem.
enum class Outcome { Loads, Stops };

// A diagnostic the user must see: about the case's file, this record (empty: the file as a whole),
// with this text in the message.
struct Expect {
  Severity severity;
  std::string record;
  std::string message;
};

struct Case {
  std::string file;  // relative to the corpus folder
  Kind kind;
  Outcome outcome;
  std::vector<Expect> expect;
  int loaded = -1;  // features, events, periods or compositions loaded; -1: not checked
};
// Shown by name in test output, not as bytes.
inline void PrintTo(const Case& c, std::ostream* os) { *os << c.file; }

inline std::string corpusPath(const std::string& file) { return std::string(COUNCILMAP_CORPUS) + "/" + file; }

inline const std::vector<Case>& cases() {
  using enum Kind;
  using enum Outcome;
  constexpr Severity W = Severity::Warning, E = Severity::Error, N = Severity::Info;
  static const std::vector<Case> all = {
      // Files that are not usable geodata at all.
      {"boundaries/truncated.geojson",
       Boundaries,
       Stops,
       {{E, "", "Failed to read GeoJSON data: the JSON breaks off at line 1, column 249 (the file looks truncated)"}}},
      {"boundaries/truncated.topojson",
       Boundaries,
       Stops,
       {{E, "", "the JSON breaks off at line 1, column 314 (the file looks truncated)"}}},
      {"boundaries/broken_syntax.geojson",
       Boundaries,
       Stops,
       {{E, "", "Failed to read GeoJSON data: the JSON is broken at line 1, column 77"}}},
      {"boundaries/missing_arcs.topojson", Boundaries, Stops, {{E, "", "Failed to read TopoJSON data"}}},
      {"boundaries/not_geodata.geojson", Boundaries, Stops, {{E, "", "not a vector format GDAL can read"}}},
      {"boundaries/empty.geojson", Boundaries, Stops, {{E, "", "the file is empty (0 bytes)"}}},
      {"boundaries/points_only.geojson", Boundaries, Stops, {{E, "", "has no polygon layer (layers: points_only (Point))"}}},
      {"tables/not_a_table.csv", Boundaries, Stops, {{E, "", "not a vector format GDAL can read"}}},
      // Layers that load, with less in them than they claim.
      {"boundaries/empty_collection.geojson", Boundaries, Loads, {{W, "", "has no features"}}, 0},
      {"boundaries/mixed_lines_and_polygons.geojson",
       Boundaries,
       Loads,
       {{W, "E09000002 (Beta)", "is a Line String, not a polygon; not drawn"}},
       2},
      {"boundaries/geometry_collection.geojson",
       Boundaries,
       Loads,
       {{W, "E09000001 (Alpha)", "1 member of its geometry collection that are not polygons ignored"}},
       1},
      {"boundaries/null_geometry.geojson", Boundaries, Loads, {{W, "E09000002 (Beta)", "has no geometry; listed but not drawn"}}, 2},
      {"boundaries/empty_coordinates.geojson", Boundaries, Loads, {{W, "E09000002 (Beta)", "has no geometry"}}, 2},
      {"boundaries/arc_index_out_of_range.topojson", Boundaries, Loads, {{W, "E09000002 (Beta)", "has no geometry"}}, 2},
      {"boundaries/two_point_ring.geojson",
       Boundaries,
       Loads,
       {{W, "E09000002 (Beta)", "1 ring with fewer than 3 distinct points skipped"}, {W, "E09000002 (Beta)", "not drawn"}},
       2},
      {"boundaries/zero_scale_transform.topojson",
       Boundaries,
       Loads,
       {{W, "E09000001 (Alpha)", "fewer than 3 distinct points"}, {W, "E09000002 (Beta)", "not drawn"}},
       2},
      // CRS: none, projected, and none with British National Grid coordinates.
      {"boundaries/valid_no_crs.topojson", Boundaries, Loads, {{N, "", "declares no CRS; taken as EPSG:4326"}}, 2},
      {"boundaries/projected_27700.geojson", Boundaries, Loads, {}, 1},
      // Coordinates.
      {"boundaries/nan_coordinates.geojson",
       Boundaries,
       Loads,
       {{W, "E09000001 (Alpha)", "1 point with non-finite coordinates (NaN or infinite) skipped"}},
       2},
      {"boundaries/infinite_coordinates.geojson",
       Boundaries,
       Loads,
       {{W, "E09000001 (Alpha)", "non-finite coordinates"}, {W, "E09000002 (Beta)", "non-finite coordinates"}},
       2},
      {"boundaries/huge_coordinates.geojson",
       Boundaries,
       Loads,
       {{W, "E09000002 (Beta)", "1 point whose coordinates cannot be transformed from EPSG:4326"}},
       2},
      {"boundaries/huge_coordinates_27700.geojson",
       Boundaries,
       Loads,
       {{W, "E09000002 (Beta)", "1 point more than 100,000 km from the grid's origin skipped"}},
       2},
      // Rings.
      {"boundaries/bowtie.geojson", Boundaries, Loads, {{N, "E09000001 (Alpha)", "1 ring crosses or touches itself"}}, 1},
      {"boundaries/self_intersecting.geojson", Boundaries, Loads, {{N, "E09000001 (Alpha)", "1 ring crosses or touches itself"}}, 1},
      {"boundaries/zero_area_ring.geojson",
       Boundaries,
       Loads,
       {{W, "E09000002 (Beta)", "1 outer ring has no area (its points lie on one line); nothing to fill"}},
       2},
      {"boundaries/duplicate_point_ring.geojson", Boundaries, Loads, {{W, "E09000002 (Beta)", "fewer than 3 distinct points"}}, 2},
      {"boundaries/repeated_vertices.geojson", Boundaries, Loads, {}, 1},
      {"boundaries/unclosed_ring.geojson", Boundaries, Loads, {}, 1},
      {"boundaries/hole_outside_shell.geojson",
       Boundaries,
       Loads,
       {{W, "E09000001 (Alpha)", "1 hole lies outside its outer ring; ignored"}},
       1},
      {"boundaries/hole_inside_shell.geojson", Boundaries, Loads, {}, 1},
      // Codes, names and years.
      {"boundaries/duplicate_codes.geojson", Boundaries, Loads, {{W, "E09000001 (Alpha again)", "code appears more than once"}}, 2},
      {"boundaries/missing_codes.geojson",
       Boundaries,
       Loads,
       {{W, "feature 1 (No code)", "has no code"}, {W, "feature 2 (Empty code)", "has no code"}},
       3},
      {"boundaries/invalid_utf8_names.geojson",
       Boundaries,
       Loads,
       {{W, "E09000001 (Caf\uFFFD Ward \uFFFD)", "name is not valid UTF-8"}, {W, "E0900\uFFFD(002 (Beta)", "code is not valid UTF-8"}},
       2},
      {"boundaries/welsh_and_gaelic_names.geojson", Boundaries, Loads, {}, 4},
      {"boundaries/bad_years.geojson",
       Boundaries,
       Loads,
       {{W, "E09000001 (Alpha)", "start year 'twenty' is not a year"},
        {W, "E09000002 (Beta)", "starts in 2022 but ends in 2019; it is never shown"}},
       2},

      // Events (data/tables/events.csv and files like it).
      {"tables/events_bom_crlf.csv", Events, Loads, {}, 2},
      {"tables/events_semicolons.csv", Events, Loads, {}, 2},
      {"tables/events_header_only.csv", Events, Loads, {}, 0},
      {"tables/events_multiline_value.csv", Events, Loads, {{W, "line 6 (ev-3)", "'2018-02-30' is not a date"}}, 2},
      {"tables/events_missing_columns.csv",
       Events,
       Stops,
       {{E, "", "missing column 'sources'"}, {E, "", "missing column 'confidence'"}},
       0},
      {"tables/events_empty.csv", Events, Stops, {{E, "", "is empty: no header line"}}, 0},
      {"tables/events_utf16.csv", Events, Stops, {{E, "", "is UTF-16 text; save it as CSV UTF-8"}}, 0},
      {"tables/not_a_table.csv", Events, Stops, {{E, "", "missing column 'id'"}}, 0},
      {"tables/events_extra_columns.csv", Events, Loads, {}, 2},
      {"tables/events_short_and_long_rows.csv",
       Events,
       Loads,
       {{W, "line 3", "has 5 values for 14 columns; the missing ones are taken as empty"},
        {W, "line 4", "has 16 values for 14 columns; the extra ones (from 'surplus') are ignored"},
        {W, "line 3 (ev-2)", "has no source"}},
       4},
      {"tables/events_bad_dates.csv",
       Events,
       Loads,
       {{W, "line 2 (ev-1)", "'31/02/2018' is not a date"},
        {W, "line 3 (ev-2)", "month 13 does not exist"},
        {W, "line 4 (ev-3)", "day 31 does not exist in that month"},
        {W, "line 5 (ev-4)", "'' is not a date"},
        {W, "line 6 (ev-5)", "'2018-1-5' is not a date"},
        {W, "line 7 (ev-6)", "end date: '2018-02-30' is not a date"}},
       2},
      {"tables/events_blank_lines.csv", Events, Loads, {{W, "line 6 (ev-2)", "'2018-02-30' is not a date"}}, 2},
      {"tables/events_unknown_gss.csv",
       Events,
       Loads,
       {{W, "line 2 (ev-1)", "'E0900001X' is not a council code"},
        {W, "line 4 (ev-3)", "'Haringey' is not a council code"},
        {E, "line 3 (ev-2)", "council E09999999 does not exist on 2018-01-15"}},
       3},
      {"tables/events_no_source.csv", Events, Loads, {{W, "line 2 (ev-1)", "has no source"}, {W, "line 3 (ev-2)", "has no source"}}, 3},
      {"tables/events_bad_type_and_precision.csv",
       Events,
       Loads,
       {{W, "line 2 (ev-1)", "type 'riot' is not in the vocabulary; event skipped"},
        {W, "line 3 (ev-2)", "precision 'fortnight' is not day, week, month or year"}},
       2},
      {"tables/events_duplicate_ids.csv", Events, Loads, {{W, "line 4 (ev-1)", "id 'ev-1' is also used on line 2"}}, 3},
      {"tables/events_end_before_start.csv",
       Events,
       Loads,
       {{W, "line 2 (ev-1)", "ends on 2017-05-01, before it starts on 2018-05-01"}},
       2},
      {"tables/events_unclosed_quote.csv", Events, Loads, {{E, "line 3", "a quote opened on this line is never closed; row skipped"}}, 3},
      {"tables/events_quote_runs_on.csv",
       Events,
       Loads,
       {{E, "line 3", "a quote opened on this line runs on to line 4 and text follows its closing quote"}},
       4},
      {"tables/events_invalid_utf8.csv", Events, Loads, {{W, "line 3", "column 'title' is not valid UTF-8"}}, 2},

      // Leadership periods (data/tables/leadership_periods.csv).
      {"tables/leadership_overlap.csv", Leadership, Loads, {{E, "line 3", "overlaps line 2"}}, 2},
      {"tables/leadership_bad_dates.csv",
       Leadership,
       Loads,
       {{W, "line 2 (Haringey)", "month 13 does not exist; period skipped"},
        {W, "line 3 (Lambeth)", "ends before it starts"},
        {W, "line 4 (Croydon)", "'01/05/2015' is not a date"}},
       1},
      {"tables/leadership_missing_columns.csv", Leadership, Stops, {{E, "", "missing column 'end_date'"}}, 0},

      // Council composition (Open Council Data UK with GSS codes).
      {"tables/control_bom_crlf.csv", Control, Loads, {}, 2},
      {"tables/control_negative_seats.csv",
       Control,
       Loads,
       {{W, "line 2 (Haringey)", "seats for LAB '-3' are not a count; row skipped"}},
       1},
      {"tables/control_non_numeric_seats.csv",
       Control,
       Loads,
       {{W, "line 2 (Haringey)", "seats for LAB 'ten' are not a count"}, {W, "line 3 (Haringey)", "seats for LD '' are not a count"}},
       0},
      {"tables/control_seats_dont_add_up.csv", Control, Loads, {{W, "line 2 (Haringey)", "seats add up to 57, not the total 60"}}, 2},
      {"tables/control_duplicate_year.csv",
       Control,
       Loads,
       {{W, "line 3 (Haringey)", "a second row for E09000014 in 2018 replaces the first"}},
       1},
      {"tables/control_unknown_gss.csv",
       Control,
       Loads,
       {{W, "line 2 (Nowhere)", "'E0699999X' is not a council code"}, {E, "line 3 (Atlantis)", "council E06999999 does not exist in 2018"}},
       3},
      {"tables/control_missing_column.csv", Control, Stops, {{E, "", "missing column 'ons_uktopo_areacd'"}}, 0},
      {"tables/control_bad_year.csv",
       Control,
       Loads,
       {{W, "line 2 (Haringey)", "year '20l8' is not a year; row skipped"}, {W, "line 3 (Haringey)", "year '1066' is not a year"}},
       1},
      {"tables/control_empty_code.csv", Control, Loads, {{W, "line 2 (Haringey)", "no council code; row skipped"}}, 1},

      // Ward councillors (Open Data Manchester, 2018).
      {"tables/ward_councillors_missing_column.csv", WardCouncillors, Stops, {{E, "", "missing column 'COUNC3'"}}, 0},
  };
  return all;
}

}  // namespace cm::corpus
