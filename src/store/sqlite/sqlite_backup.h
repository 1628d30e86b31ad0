#pragma once
// The SQLite half of a backup (Store::BackupTo, Store::CheckIntegrity): a consistent copy of a live database file,
// and SQLite's own checks of a file. SqliteStore forwards to these, turning SQLite exceptions into Errors.
// Thread-safety: as the connection given (one thread at a time); other connections to the same file may write
// meanwhile.
#include <string>
#include <vector>

#include "store/sqlite/sqlite_connection.h"
#include "store/store.h"

namespace motcua::store {

// Copies the database of `source` to the new file `path` with the online backup API, in one step (see the .cc for
// why), then makes the copy a self-contained file (rollback journal, not WAL), counts what it holds and syncs it
// and its folder. Conflict naming "backup" when `path` exists; on failure nothing is left at `path`. May throw
// sql::DbError (after removing the partial copy).
Result<BackupFacts> CopySqliteDatabase(SqliteConnection& source, const std::string& path);

// A backup of a database of another engine (PostgreSQL): a new SQLite file at `path` with the same schema and every
// row of `source` (sql_copy.h), copied under one read snapshot of it — a file any machine can read, check and
// restore from (`motcua restore`, `motcua migrate`). Its facts name the source's engine. Conflict naming "backup"
// when `path` exists; on failure nothing is left at `path`. May throw sql::DbError.
Result<BackupFacts> CopyIntoSqliteFile(sql::Connection& source, const std::string& path);

// The rows of PRAGMA integrity_check other than "ok", then those of PRAGMA foreign_key_check. May throw
// sql::DbError.
std::vector<std::string> SqliteIntegrityProblems(sql::Connection& db);

}  // namespace motcua::store
