#pragma once
// Use cases: moving dossier histories in and out as JSON Lines (docs/events-jsonl.md) — the offline
// backfill of a commune that worked on paper or without network, and the migration from another system.
//
// Import keeps each event's original occurred_at, marks it imported and by whom, and records it now.
// Every line is validated; a bad line is reported by its number and no event of that dossier is applied
// (a dossier goes in whole or not at all). Unit codes from before the 1 July 2025 arrangement are mapped
// through the legacy table; an old commune that was split (or is otherwise ambiguous) cannot be placed
// automatically, so its dossier is held — its lines are handed back for a person to resolve and
// re-import. Re-importing events a dossier already has is a no-op, so an interrupted import can be rerun.
#include <iosfwd>
#include <string>
#include <vector>

#include "app/clock.h"
#include "domain/administrative_unit.h"
#include "domain/dossier_state.h"
#include "store/store.h"

namespace motcua::app {

struct ImportProblem {
  int line = 0;  // 1-based line of the file; 0 when the problem concerns a whole dossier
  std::string dossier_code;
  Error error;
};

struct ImportHold {
  std::string dossier_code;
  int line = 0;
  std::string field;     // where the old code was, e.g. "payload.receiving_unit"
  std::string old_code;  // the pre-2025 commune code
  std::vector<LegacyLink> candidates;
  std::vector<std::string> lines;  // every line of the dossier, verbatim, to resolve and re-import
};

struct ImportReport {
  std::size_t dossiers_imported = 0;
  std::size_t events_imported = 0;
  std::size_t events_already_present = 0;
  std::vector<ImportProblem> problems;
  std::vector<ImportHold> holds;
};

// Reads JSON Lines from `in`. Fails as a whole only if the store fails; bad content is in the report.
Result<ImportReport> ImportEvents(store::Store& store, const Clock& clock, std::istream& in,
                                  const std::string& importer, const LifecycleLimits& limits);

// Writes the events of every dossier matching `filter`, dossier by dossier in code order, as JSON Lines.
// Returns the number of events written.
Result<std::size_t> ExportEvents(store::Store& store, const store::DossierFilter& filter, std::ostream& out);

}  // namespace motcua::app
