#pragma once
// PostgreSQL behind the engine interface (store/sql/connection.h), on libpq directly (docs/design/postgresql.md
// §3.11): the store's '?' placeholders become $1, $2…; statements are prepared once per connection; parameters
// travel as text (the server infers their types from the SQL) and blobs as binary; errors are told apart by their
// SQLSTATE.
#include <memory>
#include <string>

#include "store/sql/connection.h"

struct pg_conn;

namespace motcua::store {

class PgConnection final : public sql::Connection {
 public:
  // Connects to `url` (a libpq URL or "key=value" string; several hosts are allowed). Throws sql::DbError
  // (kConnectionLost) with libpq's reason, which never contains the password.
  explicit PgConnection(const std::string& url);
  ~PgConnection() override;

  std::string_view engine() const override { return "postgresql"; }
  void ExecuteScript(std::string_view sql) override;
  bool InTransaction() const override;
  bool Lost() const override;
  std::string_view BeginSql(sql::TxMode mode) const override;
  // A transaction-scoped advisory lock: the first multi-writer stage (design §3.5) keeps SQLite's one writer at a
  // time across every server of the database, which is what keeps the event log's positions and the dossier
  // codes' sequences free of gaps and duplicates; a later stage may narrow it to the rows a write touches.
  std::string_view OneWriterSql() const override { return "SELECT pg_advisory_xact_lock(7886118517059938)"; }

  pg_conn* handle() { return conn_; }

 protected:
  std::unique_ptr<sql::PreparedStatement> Prepare(std::string_view sql) override;

 private:
  pg_conn* conn_ = nullptr;
  int next_statement_ = 0;  // names the server-side prepared statements s1, s2…
};

// The store's SQL with SQLite's placeholders ('?' in order, '?N' by number) written as PostgreSQL's $N. Question
// marks inside string literals, quoted identifiers and comments are left alone.
std::string PostgresPlaceholders(std::string_view sql);

// The Failure a SQLSTATE means (class 23 constraints, 40 rollbacks, 08 connection…).
sql::Failure FailureOfSqlState(std::string_view sqlstate);

}  // namespace motcua::store
