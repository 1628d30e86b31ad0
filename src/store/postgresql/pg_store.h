#pragma once
// The PostgreSQL backend (docs/design/postgresql.md): the SQL store (sql_store.h) on a libpq connection, its
// schema brought up to date by the migrations in src/store/postgresql/migrations/ when it connects. Several motcua
// servers may use one database at once: their writes take turns (PgConnection::OneWriterSql).
#include <memory>
#include <string>

#include "store/sql/sql_store_provider.h"
#include "store/store.h"

namespace motcua::store {

// Connects to `url` (postgresql://…) and applies pending migrations. Fails with Unavailable if the server cannot
// be reached (the message never holds the password), and with FailedPrecondition if the database's schema is
// newer than this binary or its encoding or collation will not do. With `writer` (which must outlive the store),
// dossier writes go through that group commit, as on SQLite.
Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url, SqlGroupCommit* writer = nullptr);

// How a SqlStoreProvider reaches the database at `url`: a connection per server thread and one for the writer.
std::unique_ptr<SqlStoreOpener> PostgresOpener(std::string url);

}  // namespace motcua::store
