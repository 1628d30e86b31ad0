#pragma once
// The embedded SQLite backend: one file, WAL journal (readers run beside the writer), foreign keys on,
// synchronous=FULL so that a committed transaction survives a power cut, schema brought up to date by
// the versioned migrations in src/store/sqlite/migrations/ when the file is opened.
#include <memory>
#include <string>

#include "store/sql/sql_store_provider.h"
#include "store/store.h"

namespace motcua::store {

class SqlGroupCommit;

// Opens (creating if needed) the database at `path` (":memory:" for a private in-memory database) and
// applies pending migrations. Fails with Unavailable if the file cannot be opened, and with
// FailedPrecondition if the file's schema is newer than this binary knows.
// With `writer` (which must outlive the store), the store's dossier appends and code sequences go through that
// group commit (sql_group_commit.h) instead of committing on this connection, except inside
// InOneTransaction, where they join the store's own transaction.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, SqlGroupCommit* writer = nullptr);

// How a SqlStoreProvider opens the file at `path` (which must name a file: ":memory:" would give every thread a
// separate empty database): each store with a page cache sized for reading, the writer's with a large one.
std::unique_ptr<SqlStoreOpener> SqliteOpener(std::string path);

}  // namespace motcua::store
