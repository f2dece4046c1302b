// The table readers: CSV text through the event, leadership, composition and ward-councillor
// loaders, then the cross-checks `councilmap check` runs on what they kept.
#include <cstdint>
#include <cstdlib>
#include <string>

#include <cpl_vsi.h>

#include "base/csv_table.h"
#include "base/utf8.h"
#include "politics/consistency.h"
#include "politics/control_history.h"
#include "politics/events.h"
#include "politics/leadership.h"
#include "politics/wards.h"
#include "store/record_files.h"
#include "store/tables.h"

namespace {

// Every message must be showable as it is: in JSON, in the window, on a terminal.
void requireShowable(const cm::Diagnostics& d) {
  for (const auto& item : d.items())
    if (item.file.empty() || item.message.empty() || !cm::isValidUtf8(item.text())) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const char* path = "/vsimem/fuzz_table.csv";
  VSIFCloseL(VSIFileFromMemBuffer(path, const_cast<GByte*>(data), vsi_l_offset(size), FALSE));
  cm::Diagnostics diag;
  const cm::CsvTable t = cm::readCsv(path, diag);
  for (const auto& row : t.rows) {
    if (row.values.size() != t.columns.size()) std::abort();  // rows are padded or cut to the header
    for (const auto& v : row.values)
      if (!cm::isValidUtf8(v)) std::abort();
  }
  const cm::EventLog events = cm::readEvents(path, diag);
  const cm::LeadershipRecord leadership = cm::readLeadership(path, diag);
  // The same text stands in for the merger list and the county lookup, to reach the gap filling.
  const cm::ControlHistory control = cm::readControlHistory(path, path, path, diag);
  const cm::WardCouncillors2018 wards = cm::readWardCouncillors(path, diag);
  cm::ConsistencyInputs in;
  in.events = &events;
  in.eventsFile = path;
  in.leadership = &leadership;
  in.leadershipFile = path;
  in.control = &control;
  in.controlFile = path;
  cm::checkConsistency(in, diag);
  for (const cm::Event& e : events.all()) {
    (void)events.disputeAt(e.councils.empty() ? "" : e.councils[0], e.date);
    if (!cm::isValidDate(e.lastDay().year, e.lastDay().month, e.lastDay().day)) std::abort();
  }
  requireShowable(diag);
  VSIUnlink(path);
  return 0;
}
