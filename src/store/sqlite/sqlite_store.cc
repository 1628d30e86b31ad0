#include "store/sqlite/sqlite_store.h"

#include <cstdio>

#include "store/sql/sql_event_log.h"
#include "store/sql/sql_guard.h"
#include "store/sql/sql_store.h"
#include "store/sqlite/sqlite_backup.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite/sqlite_migrator.h"

namespace motcua::store {
namespace {

class SqliteChecks final : public SqlEngineChecks {
 public:
  explicit SqliteChecks(SqliteConnection& db) : db_(db) {}
  std::vector<std::string> IntegrityProblems() override { return SqliteIntegrityProblems(db_); }
  Result<BackupFacts> CopyTo(const std::string& path) override { return CopySqliteDatabase(db_, path); }

 private:
  SqliteConnection& db_;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, SqlGroupCommit* writer) {
  std::unique_ptr<SqliteConnection> db;
  try {
    // The page cache (SQLite's default is 2 MB): a server thread's connection only reads, and sixteen of them
    // must fit the RSS budget; a connection that writes itself (the CLI, a bulk load) holds a large
    // transaction's pages, which would otherwise spill to the WAL before the commit. Allocated as used.
    db = OpenStoreConnection(path, writer != nullptr ? 8192 : 65536);
  } catch (const sql::DbError& e) {
    return Fail(Error::Unavailable("db", "không mở được cơ sở dữ liệu '" + path + "': " + e.what(),
                                   "cannot open the database '" + path + "': " + e.what()));
  }
  auto migrated = Guard("migrating the schema", [&]() { return MigrateSqlite(*db); });
  if (!migrated) return Fail(migrated.error());
  // A database made before the event log (0016): its events are logged once, in the order they were recorded.
  auto logged =
      Guard("filling the event log", [&]() -> Result<std::int64_t> { return SqlEventLog(*db).FillAfterMigration(); });
  if (!logged) return Fail(logged.error());
  if (*logged > 0) {
    std::fprintf(stderr, "motcua: %lld sự kiện đã có được ghi vào sổ sự kiện / existing events logged\n",
                 static_cast<long long>(*logged));
  }
  auto checks = std::make_unique<SqliteChecks>(*db);
  return MakeSqlStore(std::move(db), std::move(checks), writer);
}

namespace {

class SqliteFileOpener final : public SqlStoreOpener {
 public:
  explicit SqliteFileOpener(std::string path) : path_(std::move(path)) {}

  Result<OpenedStore> OpenStore(SqlGroupCommit* writer) override {
    auto store = OpenSqliteStore(path_, writer);
    if (!store) return Fail(store.error());
    return OpenedStore{std::move(*store), nullptr};
  }

  Result<std::unique_ptr<sql::Connection>> OpenWriterConnection() override {
    try {
      // 64 MB of page cache: the pages a group's writes touch stay in memory.
      return std::unique_ptr<sql::Connection>(OpenStoreConnection(path_, 65536));
    } catch (const sql::DbError& e) {
      return Fail(Error::Unavailable("db", std::string("lỗi cơ sở dữ liệu khi mở kết nối ghi: ") + e.what(),
                                     std::string("database error while opening the writer's connection: ") + e.what()));
    }
  }

 private:
  const std::string path_;
};

}  // namespace

std::unique_ptr<SqlStoreOpener> SqliteOpener(std::string path) {
  return std::make_unique<SqliteFileOpener>(std::move(path));
}

}  // namespace motcua::store
