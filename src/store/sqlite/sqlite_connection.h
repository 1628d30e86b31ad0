#pragma once
// SQLite behind the engine interface (store/sql/connection.h), through SQLiteCpp: the connection, its statements
// and its errors, and OpenStoreConnection, which opens a file with the settings every store connection relies on.
#include <SQLiteCpp/Database.h>

#include <memory>
#include <string>

#include "store/sql/connection.h"

namespace motcua::store {

class SqliteConnection final : public sql::Connection {
 public:
  // Opens (creating if needed) the file at `path`, or a private database for ":memory:". Throws sql::DbError.
  explicit SqliteConnection(const std::string& path);
  ~SqliteConnection() override;

  std::string_view engine() const override { return "sqlite"; }
  void ExecuteScript(std::string_view sql) override;
  bool InTransaction() const override;
  std::string_view BeginSql(sql::TxMode mode) const override;

  // SQLite's own handle, for what only SQLite has (the backup API, PRAGMAs, the schema table).
  SQLite::Database& database() { return *db_; }

 protected:
  std::unique_ptr<sql::PreparedStatement> Prepare(std::string_view sql) override;

 private:
  std::unique_ptr<SQLite::Database> db_;
};

// Opens `path` as every connection of the store is opened: a busy timeout (set first: switching to WAL needs a lock
// that another connection opening the same file at the same moment may hold), WAL (readers beside one writer),
// synchronous=FULL (a commit survives a power cut), foreign keys on, and a page cache of `cache_kib`. Throws
// sql::DbError.
std::unique_ptr<SqliteConnection> OpenStoreConnection(const std::string& path, int cache_kib);

// SQLite's error as the store sees it: the Failure its extended result code means, with SQLite's message.
sql::DbError SqliteError(const SQLite::Exception& error);

}  // namespace motcua::store
