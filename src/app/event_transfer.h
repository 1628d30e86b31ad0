#pragma once
// Use cases: moving dossier histories in and out as JSON Lines (docs/events-jsonl.md) — the offline
// backfill of a commune that worked on paper or without network, and the migration from another system.
//
// Import keeps each event's original occurred_at, marks it imported and by whom, and records it now. It takes
// only what the counter could have written (app/counter_replay.h), and goes dossier by dossier: a dossier goes in
// whole or not at all, and one that cannot go in never stops the others. Each dossier ends in one of:
//  - imported: new, or the continuation of a stored dossier whose stored events the file repeats identically;
//  - unchanged: every event is already stored, identical (an interrupted import can be rerun);
//  - conflict: an event differs from the stored one with its seq; the differences are listed, nothing is
//    written (the stored history is never rewritten);
//  - rejected: a line does not decode, or an event is not one the counter could have written; each problem
//    names the line, the dossier and the field;
//  - held: a pre-2025 commune code of a commune the 2025 arrangement split, with no choice for it in the
//    options' unit map (app/legacy_unit_mapper.h); its lines are handed back for a person to resolve.
// A line that names no readable dossier is reported by its number and skipped.
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "app/clock.h"
#include "app/event_difference.h"
#include "app/import_lines.h"
#include "app/legacy_unit_mapper.h"
#include "app/lifecycle_settings.h"
#include "app/unit_map.h"
#include "store/store.h"

namespace motcua::app {

// A stored dossier the file contradicts.
struct ImportConflict {
  std::string dossier_code;
  int line = 0;  // the line of the first differing event
  std::vector<EventDifference> differences;
};

struct ImportReport {
  std::size_t dossiers_imported = 0;
  std::size_t events_imported = 0;
  std::size_t dossiers_unchanged = 0;      // already stored, identical: skipped
  std::size_t events_already_present = 0;  // stored events the file repeats identically
  std::size_t dossiers_rejected = 0;
  std::vector<ImportProblem> problems;  // why each rejected dossier (and each unreadable line) was not imported
  std::vector<ImportConflict> conflicts;
  std::vector<ImportHold> holds;
};

struct ImportProgress {
  std::size_t dossiers_done = 0;
  std::size_t dossiers_total = 0;
};

struct ImportOptions {
  std::string importer;        // recorded on every imported event
  LifecycleSettings settings;  // the province's (LoadLifecycleSettings), as the counter counts deadlines
  UnitMap unit_map;            // a person's choices for split communes
  // The files named by digitized events stay in the system the history comes from: accept references that are
  // not file ids of this database (a reference shaped as a file id must still be a stored file).
  bool outside_files = false;
  std::function<void(const ImportProgress&)> progress;  // called after each dossier, when set
};

// Reads JSON Lines from `in` and imports them against the store's work calendar. Fails as a whole only if the
// store fails (what was imported before stays); bad content is in the report.
Result<ImportReport> ImportEvents(store::Store& store, const Clock& clock, std::istream& in,
                                  const ImportOptions& options);

// Writes the events of every dossier matching `filter`, dossier by dossier in code order, as JSON Lines.
// Returns the number of events written.
Result<std::size_t> ExportEvents(store::Store& store, const store::DossierFilter& filter, std::ostream& out);

}  // namespace motcua::app
