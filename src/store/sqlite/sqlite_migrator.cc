#include "store/sqlite/sqlite_migrator.h"

#include "store/sql/sql_migrator.h"

namespace motcua::store {

Result<void> MigrateSqlite(sql::Connection& db, int up_to_version) {
  return Migrate(db, {SqliteMigrationFiles(),
                      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                      "applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))) STRICT",
                      up_to_version});
}

}  // namespace motcua::store
