#include "app/commands/check_command.h"

#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>

#include "app/map_session.h"
#include "geo/ring_checks.h"
#include "politics/consistency.h"
#include "store/boundary_loader.h"
#include "store/data_locator.h"

namespace cm {

void addCheckCommand(CLI::App& app, int& exitCode) {
  auto* cmd = app.add_subcommand(
      "check",
      "Validate the data: codes exist on their dates, periods do not overlap, seats add up, dates parse, every event has a source");
  auto o = std::make_shared<CommonOptions>();
  auto limit = std::make_shared<std::size_t>(200);
  addCommonOptions(*cmd, *o);
  cmd->add_option("--limit", *limit, "Print at most this many problems")->capture_default_str();
  cmd->callback([o, limit, &exitCode] {
    o->sourcesOnly = o->dataset.empty();  // check validates the sources, not a compiled copy of them
    auto session = MapSession::open(*o);
    session->data().loadDeferred();  // check reports on everything, not just what the first frame needs
    Diagnostics diag = session->data().diagnostics();
    noteSelfCrossings(session->boundaries(), diag);
    if (!session->data().control()) {
      // Another boundary file (--boundaries): what loading it found, with nothing to cross-check.
      diag.print(std::cout, o->verbose ? Severity::Info : Severity::Warning, *limit);
      const std::size_t errors = diag.count(Severity::Error);
      std::cout << "councilmap check: " << session->data().description() << ": " << errors << " errors, " << diag.count(Severity::Warning)
                << " warnings, " << diag.count(Severity::Info) << " notes" << (o->verbose ? "" : " (-v shows notes)") << '\n';
      exitCode = errors ? 1 : 0;
      return;
    }
    const std::string boundaryFile = session->boundaries().source;
    const BoundarySet upper = loadBoundaries({boundaryFile, kUpperTierLayer, "", ""}, diag);
    noteSelfCrossings(upper, diag);
    ConsistencyInputs in;
    in.boundaries = {&session->boundaries(), &upper};
    if (const BoundarySet* counties = session->data().counties()) in.boundaries.push_back(counties);  // null if unreadable (reported)
    in.control = session->data().control();
    in.controlFile = kControlCompositionFile;
    in.events = session->data().events();
    in.eventsFile = std::string("data/tables/") + kEventsFile;
    in.leadership = session->data().leadership();
    in.leadershipFile = std::string("data/tables/") + kLeadershipFile;
    checkConsistency(in, diag);
    // The 2018 ward councillors use WD18 codes, for which no boundary file exists: report how many
    // join the December 2019 wards by code.
    std::string wardJoin;
    if (const WardCouncillors2018* wc = session->data().wardCouncillors(); wc && wc->size()) {
      Diagnostics ignored;
      const BoundarySet wards2019 =
          loadBoundaries({(session->data().dataDir() / "wards/wards_dec2019_uk.gpkg").string(), "", "", ""}, ignored);
      std::size_t matched = 0;
      for (const auto& w : wards2019.features) matched += wc->find(w.code) != nullptr;
      char line[160];
      std::snprintf(line, sizeof line, "\n  ward councillors 2018: %zu of %zu wards match a December 2019 ward code (%.1f%%)", matched,
                    wc->size(), 100.0 * double(matched) / double(wc->size()));
      wardJoin = line;
    }
    diag.print(std::cout, o->verbose ? Severity::Info : Severity::Warning, *limit);
    const std::size_t errors = diag.count(Severity::Error), warnings = diag.count(Severity::Warning);
    std::cout << "councilmap check: " << session->data().description() << "\n  " << session->data().control()->size() << " compositions, "
              << (in.events ? in.events->all().size() : 0) << " events, " << (in.leadership ? in.leadership->all().size() : 0)
              << " leadership periods: " << errors << " errors, " << warnings << " warnings, " << diag.count(Severity::Info) << " notes"
              << (o->verbose ? "" : " (-v shows notes)") << wardJoin << '\n';
    exitCode = errors ? 1 : 0;
  });
}

}  // namespace cm
