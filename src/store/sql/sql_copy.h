#pragma once
// Copies a whole motcua database from one engine to another (motcua migrate, docs/deploy.md): every row of every
// table, as stored — each dossier's events with their hashes, the event log with its positions and chain, the
// counters, accounts, settings, the receipts' key — so that the copy is the same database: a checkpoint of the
// event log taken before still verifies after, a receipt printed before still opens with its PIN. Table by table,
// parents before the tables that refer to them, in batches of rows.
// Why rows and not the event format: the event log (the tamper check against off-machine checkpoints) and the
// secrets are not dossier events; replaying events would number and chain the log anew. The events are checked
// after the copy instead (sql_store's VerifyDossierChains, VerifyEventLog, RebuildCounters: store_migration.h).
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "domain/error.h"
#include "store/sql/connection.h"

namespace motcua::store {

struct TableCopied {
  std::string table;
  std::int64_t rows = 0;
};

// Copies from `from` (read in one snapshot) to `to` (written in one transaction: on failure nothing is left) every
// table but the schema's own record (schema_migrations). Both schemas must be at the same version. `to` must hold
// no row in those tables (Conflict on "to", naming the first table that has rows), except server_secrets and
// event_log_backfill, whose rows — made with the new database — are replaced by those of `from`. `progress` is told of
// each table once copied. May throw sql::DbError.
Result<std::vector<TableCopied>> CopyDatabase(sql::Connection& from, sql::Connection& to,
                                              const std::function<void(const TableCopied&)>& progress);

}  // namespace motcua::store
