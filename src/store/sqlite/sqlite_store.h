#pragma once
// The embedded SQLite backend: one file, WAL journal (readers run beside the writer), foreign keys on,
// synchronous=FULL so that a committed transaction survives a power cut, schema brought up to date by
// the versioned migrations in src/store/sqlite/migrations/ when the file is opened.
#include <memory>
#include <string>

#include "store/store.h"

namespace motcua::store {

class SqliteGroupCommit;

// Opens (creating if needed) the database at `path` (":memory:" for a private in-memory database) and
// applies pending migrations. Fails with Unavailable if the file cannot be opened, and with
// FailedPrecondition if the file's schema is newer than this binary knows.
// With `writer` (which must outlive the store), the store's dossier appends and code sequences go through that
// group commit (sqlite_group_commit.h) instead of committing on this connection, except inside
// InOneTransaction, where they join the store's own transaction.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, SqliteGroupCommit* writer = nullptr);

}  // namespace motcua::store
