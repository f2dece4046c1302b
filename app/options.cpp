#include "app/options.h"

#include <CLI/CLI.hpp>

#include "view/colour_by.h"

namespace cm {

void addCommonOptions(CLI::App& app, CommonOptions& o) {
  app.add_option("--data", o.dataDir,
                 "Data folder (default: ../shared/data beside the source, else $COUNCILMAP_DATA, else ~/.local/share/councilmap/data)");
  app.add_option(
      "--dataset", o.dataset,
      "Compiled dataset from build-dataset (default: build/councilmap-uk.gpkg when present, unless --data or --boundaries is given)");
  app.add_option("--boundaries", o.boundaries, "Any OGR polygon source to show instead of the UK councils (file, folder or /vsicurl/ URL)");
  app.add_option("--layer", o.layer, "Layer of the boundary source (default: the first polygon layer)");
  app.add_option("--code-field", o.codeField, "Attribute holding each area's code (default: detected, e.g. LAD13CD, areacd)");
  app.add_option("--name-field", o.nameField, "Attribute holding each area's name (default: detected, e.g. LAD13NM, areanm)");
  app.add_option("--date", o.date, "Date to show, YYYY-MM-DD (default: the latest year in the data)");
  app.add_option("--tier", o.tier, "Council tier to show: lower (districts and unitaries) or upper (county councils and unitaries)")
      ->check(CLI::IsMember({"lower", "upper"}))
      ->capture_default_str();
  app.add_option("--dispute-window", o.disputeWindowDays, "Days a council stays in dispute after a dispute event ends")
      ->check(CLI::Range(0, 3650))
      ->capture_default_str();
  app.add_flag("-v,--verbose", o.verbose, "Say which data was used and how long each step took");
}

void addStyleOptions(CLI::App& app, StyleOptions& o) {
  app.add_option("--colour-by", o.colourBy,
                 "Fill colour: control (party in control, NOC, unknown; the default with the UK data), disputes (open dispute events), "
                 "faction (leading faction) or none")
      ->check(CLI::IsMember(colourByNameList()));
  app.add_flag("--colour-blind", o.colourBlindSafe, "Use the colour-blind-safe party palette");
  app.add_flag("--tint-noc", o.tintNoc, "Tint councils in no overall control toward their largest party");
  app.add_flag("--hatch-disputes", o.hatchDisputes, "Stripe councils in dispute, over any fill");
  app.add_flag("--faction-outline", o.factionOutline, "Outline councils in the colour of their leading faction");
}

}  // namespace cm
