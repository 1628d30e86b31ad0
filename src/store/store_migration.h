#pragma once
// Moving a database to another engine (`motcua migrate --from motcua.db --to postgresql://…`, docs/deploy.md):
// the source's history is checked first, every table copied as stored (sql/sql_copy.h says why rows and not
// events), and the copy checked as `motcua verify` and `motcua rebuild --check` would check it — every dossier's
// chain, the event log up to the source's very head, the report counters against a rebuild from the events.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/error.h"
#include "store/sql/sql_copy.h"
#include "store/store.h"
#include "store/store_spec.h"

namespace motcua::store {

struct MigrationReport {
  std::vector<TableCopied> tables;
  LogCheckpoint head;  // the event log's head, the same in both databases
  // Set when a check failed (the source's history before the copy, or the copy after it): what and where. The
  // copy, if made, is left for inspection; the source is never changed beyond its own schema upgrade.
  std::optional<std::string> problem;
};

// Opens both databases (each schema brought up to date by its engine's migrations), then checks, copies and
// checks again. `to` must be a new, empty database (Conflict on "to" otherwise) and not the same as `from`.
// `progress` is told of each table copied.
Result<MigrationReport> MigrateDatabase(const StoreSpec& from, const StoreSpec& to, const DeadlinePolicy& policy,
                                        const std::function<void(const TableCopied&)>& progress = {});

}  // namespace motcua::store
