#pragma once
// The engine interface of the SQL store: what the store's code needs from a database connection, whatever the
// engine (SQLite today, PostgreSQL through libpq). The store's SQL is written once, in the form both engines read
// (docs/design/postgresql.md §1.2), with '?' placeholders; an engine rewrites what it must (PostgreSQL's $1, $2…).
//
// Errors are exceptions of type DbError carrying a Failure, so that the store decides in one place (its Guard)
// whether to retry, which Error to answer, or to give up.
// Thread-safety: a connection and its statements are used by one thread at a time (store.h).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "store/sql/dialect.h"

namespace motcua::store::sql {

using Blob = std::vector<std::byte>;
// A value of a column or a parameter, when its type is known only at run time (a projection compared column by
// column, an upsert's row).
using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

// What went wrong, as the store needs to know it.
enum class Failure {
  kBusy,             // another writer holds the lock (SQLite BUSY/LOCKED; PostgreSQL lock_not_available)
  kSerialization,    // PostgreSQL 40001: the transaction may be retried whole
  kDeadlock,         // PostgreSQL 40P01: likewise
  kUniqueViolation,  // a unique or primary key already holds the value
  kForeignKey,       // a reference to a row that does not exist, or a row still referenced
  kCheck,            // a CHECK or NOT NULL constraint, or a trigger's refusal
  kBadText,          // text the engine will not store (invalid UTF-8, a NUL byte)
  kDiskFull,         // no space left
  kReadOnly,         // the database cannot be written (a read-only file, a standby not yet promoted)
  kConnectionLost,   // the connection broke before a COMMIT was sent: nothing was written
  kCommitUnknown,    // the connection broke after COMMIT was sent: whether it committed is not known
  kOther,            // anything else: a bug in the SQL, a corrupted file
};

class DbError : public std::runtime_error {
 public:
  DbError(Failure failure, const std::string& message, std::string sqlstate = {}, std::string constraint = {})
      : std::runtime_error(message),
        failure_(failure),
        sqlstate_(std::move(sqlstate)),
        constraint_(std::move(constraint)) {}

  Failure failure() const { return failure_; }
  const std::string& sqlstate() const { return sqlstate_; }      // PostgreSQL's five characters; empty on SQLite
  const std::string& constraint() const { return constraint_; }  // the constraint at fault, when the engine says

 private:
  Failure failure_;
  std::string sqlstate_;
  std::string constraint_;
};

// The engine's prepared statement. Store code uses it through Statement (below), which returns it to the
// connection's cache when done.
class PreparedStatement {
 public:
  virtual ~PreparedStatement() = default;

  // The SQL it was prepared from, as the store wrote it (the key of the connection's cache).
  virtual const std::string& sql() const = 0;

  // Parameters are numbered from 1 in the order of the '?' in the SQL.
  virtual void BindNull(int index) = 0;
  virtual void BindInt(int index, std::int64_t value) = 0;
  virtual void BindReal(int index, double value) = 0;
  virtual void BindText(int index, std::string_view value) = 0;
  virtual void BindBlob(int index, std::span<const std::byte> value) = 0;

  // Runs the statement on its first call and moves to the next row: true while a row is there to read.
  virtual bool Step() = 0;
  // Rows inserted, updated or deleted by the statement once it has run to its end.
  virtual std::int64_t Changes() const = 0;

  // The current row's columns, numbered from 0.
  virtual bool Null(int column) const = 0;
  virtual std::int64_t Int(int column) const = 0;
  virtual double Real(int column) const = 0;
  virtual std::string Text(int column) const = 0;
  virtual Blob Bytes(int column) const = 0;
  // The column as the type the engine gives it: NULL, an integer, a real, or else its text.
  virtual Value Any(int column) const = 0;
  // The column's name, as the SELECT gives it (for error messages naming the field).
  virtual std::string Name(int column) const = 0;
  // How many columns each row has (0 for a statement that returns none); valid after a Step that gave a row.
  virtual int Columns() const = 0;

  // Ready to run again: the result is dropped (and with it any read lock) and the parameters cleared. Never throws.
  virtual void Reset() noexcept = 0;
};

class TransactionObserver;  // transaction.h

enum class TxMode {
  kRead,   // one consistent snapshot for several reads
  kWrite,  // writes, serialized against the other writers from the start (SQLite: BEGIN IMMEDIATE)
};

class Connection {
 public:
  Connection() = default;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  virtual ~Connection() = default;

  // "sqlite" or "postgresql".
  virtual std::string_view engine() const = 0;
  // What this engine's SQL says differently (dialect.h).
  Dialect dialect() const { return Dialect::Of(engine()); }
  // Runs SQL text that may hold several statements and no parameters (migrations, SAVEPOINT…).
  virtual void ExecuteScript(std::string_view sql) = 0;
  // Whether a transaction is open on the connection.
  virtual bool InTransaction() const = 0;
  // Whether the connection is gone for good (its server died or was replaced): a new one must be opened. Never for
  // an embedded engine.
  virtual bool Lost() const { return false; }
  // The statement that opens a transaction of this mode.
  virtual std::string_view BeginSql(TxMode mode) const = 0;
  // The statement run next in a write transaction, or empty: where BEGIN alone does not keep writers one at a time
  // (PostgreSQL; SQLite's BEGIN IMMEDIATE does), it waits for the other writers of the database, on any server.
  virtual std::string_view OneWriterSql() const { return {}; }

  // A prepared statement for `sql`: the cached one when it is free, else a new one (the same SQL may be in use
  // twice, by nested code). Statement calls these two; nothing else should.
  std::unique_ptr<PreparedStatement> Acquire(std::string_view sql);
  void Return(std::unique_ptr<PreparedStatement> statement) noexcept;
  // Finalizes every cached statement (before closing, or after the schema changed).
  void ClearStatementCache() noexcept { cache_.clear(); }

  // The observer told of this connection's transactions (transaction.h), or nullptr.
  TransactionObserver* observer() const { return observer_; }
  // Sets it (nullptr: none); it must stay alive until replaced or removed. Transactions already open are not
  // reported to it.
  void set_observer(TransactionObserver* observer) { observer_ = observer; }

 protected:
  virtual std::unique_ptr<PreparedStatement> Prepare(std::string_view sql) = 0;

 private:
  // Looked up by string_view without making a string (heterogeneous lookup).
  struct SqlHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view sql) const noexcept { return std::hash<std::string_view>{}(sql); }
  };
  std::unordered_map<std::string, std::unique_ptr<PreparedStatement>, SqlHash, std::equal_to<>> cache_;
  TransactionObserver* observer_ = nullptr;
};

// One use of a prepared statement, borrowed from its connection's cache for the statement's lifetime.
class Statement {
 public:
  Statement(Connection& connection, std::string_view sql)
      : connection_(connection), prepared_(connection.Acquire(sql)) {}
  ~Statement() { connection_.Return(std::move(prepared_)); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& Bind(int index, std::nullptr_t) { return prepared_->BindNull(index), *this; }
  Statement& Bind(int index, std::int64_t value) { return prepared_->BindInt(index, value), *this; }
  Statement& Bind(int index, int value) { return Bind(index, static_cast<std::int64_t>(value)); }
  Statement& Bind(int index, double value) { return prepared_->BindReal(index, value), *this; }
  Statement& Bind(int index, std::string_view value) { return prepared_->BindText(index, value), *this; }
  Statement& Bind(int index, const std::string& value) { return Bind(index, std::string_view(value)); }
  Statement& Bind(int index, const char* value) { return Bind(index, std::string_view(value)); }
  Statement& Bind(int index, std::span<const std::byte> value) { return prepared_->BindBlob(index, value), *this; }
  Statement& Bind(int index, const Value& value) {
    std::visit([&](const auto& v) { Bind(index, v); }, value);
    return *this;
  }

  // Next row; false at the end.
  bool Step() { return prepared_->Step(); }
  // Runs a statement that returns no rows to its end; the number of rows it changed.
  std::int64_t Execute();
  // Runs the statement again from the start with new parameters (bind them after this).
  void Reset() noexcept { prepared_->Reset(); }

  bool Null(int column) const { return prepared_->Null(column); }
  std::int64_t Int(int column) const { return prepared_->Int(column); }
  double Real(int column) const { return prepared_->Real(column); }
  std::string Text(int column) const { return prepared_->Text(column); }
  Blob Bytes(int column) const { return prepared_->Bytes(column); }
  Value Any(int column) const { return prepared_->Any(column); }
  std::string Name(int column) const { return prepared_->Name(column); }
  int Columns() const { return prepared_->Columns(); }

 private:
  Connection& connection_;
  std::unique_ptr<PreparedStatement> prepared_;
};

}  // namespace motcua::store::sql
