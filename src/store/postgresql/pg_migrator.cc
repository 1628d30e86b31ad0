#include "store/postgresql/pg_migrator.h"

#include <string>

#include "store/sql/sql_migrator.h"

namespace motcua::store {
namespace {

// The key of the session lock migrations run under ("motcua" in ASCII, well clear of small numbers others use).
constexpr const char* kMigrationLock = "SELECT pg_advisory_lock(7886118517059937)";
constexpr const char* kMigrationUnlock = "SELECT pg_advisory_unlock(7886118517059937)";

// Text is kept and compared as UTF-8 bytes, as on SQLite: codes, times (ISO 8601 text) and keyset cursors sort
// by bytes, which only the C collation (or C.UTF-8) promises.
Result<void> CheckDatabase(sql::Connection& db) {
  // datlocprovider is PostgreSQL 15's ('i': ICU, whose collations sort by language whatever datcollate says);
  // read through jsonb so that an older server, without the column, still answers.
  sql::Statement facts(db,
                       "SELECT pg_encoding_to_char(encoding), datcollate, "
                       "coalesce(to_jsonb(d) ->> 'datlocprovider', 'c') FROM pg_database d "
                       "WHERE datname = current_database()");
  if (!facts.Step()) return {};
  const std::string encoding = facts.Text(0);
  const std::string collation = facts.Text(2) == "i" ? "ICU" : facts.Text(1);
  if (encoding != "UTF8") {
    return Fail(
        Error::FailedPrecondition("db", "cơ sở dữ liệu PostgreSQL phải dùng bảng mã UTF8 (đang là " + encoding + ")",
                                  "the PostgreSQL database must use the UTF8 encoding (it uses " + encoding +
                                      "): createdb --encoding=UTF8 --locale=C.UTF-8 --template=template0 NAME"));
  }
  if (collation != "C" && collation != "POSIX" && collation != "C.UTF-8" && collation != "C.utf8") {
    return Fail(Error::FailedPrecondition(
        "db", "cơ sở dữ liệu PostgreSQL phải dùng đối chiếu C (đang là " + collation + ")",
        "the PostgreSQL database must use the C collation, so that text sorts as on SQLite (it uses " + collation +
            "): createdb --encoding=UTF8 --locale=C.UTF-8 --template=template0 NAME"));
  }
  return {};
}

}  // namespace

Result<void> MigratePostgres(sql::Connection& db, int up_to_version) {
  if (auto usable = CheckDatabase(db); !usable) return usable;
  db.ExecuteScript(kMigrationLock);
  Result<void> migrated;
  try {
    migrated = Migrate(db, {PostgresMigrationFiles(),
                            "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT "
                            "NULL, applied_at TEXT NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', "
                            "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))",
                            up_to_version});
  } catch (...) {
    db.ExecuteScript(kMigrationUnlock);
    throw;
  }
  db.ExecuteScript(kMigrationUnlock);
  return migrated;
}

}  // namespace motcua::store
