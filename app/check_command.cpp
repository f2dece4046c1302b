#include "app/check_command.h"

#include <CLI/CLI.hpp>

#include <iostream>

#include "app/map_session.h"
#include "data/boundary_loader.h"
#include "data/consistency.h"
#include "data/data_locator.h"

namespace cm {

void addCheckCommand(CLI::App& app, int& exitCode) {
  auto* cmd = app.add_subcommand("check", "Validate the data: codes exist on their dates, periods do not overlap, seats add up, dates parse, every event has a source");
  auto o = std::make_shared<CommonOptions>();
  auto limit = std::make_shared<std::size_t>(200);
  addCommonOptions(*cmd, *o);
  cmd->add_option("--limit", *limit, "Print at most this many problems")->capture_default_str();
  cmd->callback([o, limit, &exitCode] {
    auto session = MapSession::open(*o);
    if (!session->control()) throw UsageError("check validates the UK council data; it does not apply with --boundaries");
    Diagnostics diag = session->diagnostics();
    const std::string boundaryFile = session->boundaries().source;
    const BoundarySet upper = loadBoundaries({boundaryFile, kUpperTierLayer, "", ""}, diag);
    ConsistencyInputs in;
    in.boundaries = {&session->boundaries(), &upper, session->counties()};
    in.control = session->control();
    in.controlFile = "ocd_council_composition_2016_2026_gss.csv";
    in.events = session->events();
    in.eventsFile = "data/tables/events.csv";
    in.leadership = session->leadership();
    in.leadershipFile = "data/tables/leadership_periods.csv";
    checkConsistency(in, diag);
    diag.print(std::cout, o->verbose ? Severity::Info : Severity::Warning, *limit);
    const std::size_t errors = diag.count(Severity::Error), warnings = diag.count(Severity::Warning);
    std::cout << "councilmap check: " << session->dataDescription() << "\n  " << session->control()->size()
              << " compositions, " << (in.events ? in.events->all().size() : 0) << " events, "
              << (in.leadership ? in.leadership->all().size() : 0) << " leadership periods: " << errors << " errors, "
              << warnings << " warnings, " << diag.count(Severity::Info) << " notes" << (o->verbose ? "" : " (-v shows notes)") << '\n';
    exitCode = errors ? 1 : 0;
  });
}

}  // namespace cm
