#include "store/postgresql/pg_store.h"

#include "store/postgresql/pg_connection.h"
#include "store/postgresql/pg_migrator.h"
#include "store/sql/sql_guard.h"
#include "store/sql/sql_store.h"
#include "store/sqlite/sqlite_backup.h"

namespace motcua::store {
namespace {

// PostgreSQL checks its own pages (the cluster is made with data checksums, scripts/pg.sh) and references
// (foreign keys are enforced on every write, never switched off). A backup is a SQLite file of every row under one
// snapshot (sqlite_backup.h): `motcua backup` works the same on both engines, and its file can be read, checked
// and restored anywhere. The cluster's own continuous protection (standby, WAL archive) is docs/deploy.md's.
class PostgresChecks final : public SqlEngineChecks {
 public:
  explicit PostgresChecks(sql::Connection& db) : db_(db) {}
  std::vector<std::string> IntegrityProblems() override { return {}; }
  Result<BackupFacts> CopyTo(const std::string& path) override { return CopyIntoSqliteFile(db_, path); }

 private:
  sql::Connection& db_;
};

Result<std::unique_ptr<PgConnection>> Connect(const std::string& url) {
  try {
    return std::make_unique<PgConnection>(url);
  } catch (const sql::DbError& e) {
    // libpq's reason names the host and port, never the password.
    return Fail(Error::Unavailable("db", std::string("không kết nối được PostgreSQL: ") + e.what(),
                                   std::string("cannot connect to PostgreSQL: ") + e.what()));
  }
}

Result<OpenedStore> OpenWithConnection(const std::string& url, SqlGroupCommit* writer) {
  auto db = Connect(url);
  if (!db) return Fail(db.error());
  auto migrated = Guard("migrating the schema", [&]() { return MigratePostgres(**db); });
  if (!migrated) return Fail(migrated.error());
  const sql::Connection* connection = db->get();
  auto checks = std::make_unique<PostgresChecks>(**db);
  return OpenedStore{MakeSqlStore(std::move(*db), std::move(checks), writer), connection};
}

class PostgresUrlOpener final : public SqlStoreOpener {
 public:
  explicit PostgresUrlOpener(std::string url) : url_(std::move(url)) {}

  Result<OpenedStore> OpenStore(SqlGroupCommit* writer) override { return OpenWithConnection(url_, writer); }

  Result<std::unique_ptr<sql::Connection>> OpenWriterConnection() override {
    auto connection = Connect(url_);
    if (!connection) return Fail(connection.error());
    return std::unique_ptr<sql::Connection>(std::move(*connection));
  }

 private:
  const std::string url_;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url, SqlGroupCommit* writer) {
  auto opened = OpenWithConnection(url, writer);
  if (!opened) return Fail(opened.error());
  return std::move(opened->store);
}

std::unique_ptr<SqlStoreOpener> PostgresOpener(std::string url) {
  return std::make_unique<PostgresUrlOpener>(std::move(url));
}

}  // namespace motcua::store
