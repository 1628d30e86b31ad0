#pragma once
// Applies the schema migrations compiled into the binary (src/store/sqlite/migrations/NNNN_name.sql), in order,
// each in its own transaction, recording each in schema_migrations; any version not recorded is applied, even
// below the newest recorded. A database whose newest migration is unknown to this binary is refused rather than
// used with a schema we do not understand. Upgrading a database already in use, it names each migration and its
// time on standard error (a large history takes minutes).

#include "domain/error.h"
#include "store/sql/connection.h"

namespace motcua::store {

Result<void> MigrateSqlite(sql::Connection& db);

}  // namespace motcua::store
