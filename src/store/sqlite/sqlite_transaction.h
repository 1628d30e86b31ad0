#pragma once
// A transaction that nests: on a connection with no transaction open it is one (BEGIN ... COMMIT); inside an open
// one it is a savepoint (SAVEPOINT ... RELEASE). Every write of the store opens one, so that the same code is
// atomic on its own and also runs inside a larger transaction — the group commit's (sqlite_group_commit.h) or
// a bulk load's (Store::InOneTransaction) — where a failed write rolls back to its savepoint alone and the
// others still commit.
// A connection may have one observer (SqliteTransactionObserver), told as its transactions and savepoints open
// and end, so that work kept in memory until the commit follows the savepoints exactly.
// Thread-safety: as the connection (one thread at a time); setting an observer may happen on any thread.
#include <SQLiteCpp/Database.h>

namespace motcua::store {

// Follows the transactions of one connection, on its thread. SqliteReportCounters keeps an append's counter
// rows until the commit through it, so that the appends of one transaction add up their rows first.
class SqliteTransactionObserver {
 public:
  virtual ~SqliteTransactionObserver() = default;
  // A transaction, or a savepoint inside one, has begun.
  virtual void Opened() = 0;
  // A savepoint was released: its work now belongs to the level that encloses it.
  virtual void Released() = 0;
  // The outermost transaction is about to COMMIT: the last moment to write into it. May throw SQLite::Exception,
  // and then the transaction rolls back.
  virtual void Committing() = 0;
  // The outermost transaction committed, or the innermost level rolled back.
  virtual void Closed() = 0;
};

// Sets the connection's observer (nullptr: none); it must stay alive until it is replaced or removed. Transactions
// already open when it is set are not reported to it.
void ObserveTransactions(SQLite::Database& db, SqliteTransactionObserver* observer);

class SqliteTransaction {
 public:
  enum class Mode {
    kRead,   // BEGIN DEFERRED: one snapshot for several reads
    kWrite,  // BEGIN IMMEDIATE: the write lock before the first read, so that no writer slips in between
  };

  // Opens the transaction, or the savepoint when one is already open. Throws SQLite::Exception (e.g. busy).
  SqliteTransaction(SQLite::Database& db, Mode mode);
  // Rolls back (to the savepoint) unless Commit() was called; never throws.
  ~SqliteTransaction();
  SqliteTransaction(const SqliteTransaction&) = delete;
  SqliteTransaction& operator=(const SqliteTransaction&) = delete;

  // COMMIT, or RELEASE of the savepoint (durable only once the outer transaction commits). Throws on failure.
  void Commit();

  // Whether the connection is inside a transaction (so that a new SqliteTransaction would be a savepoint).
  static bool InTransaction(SQLite::Database& db);

 private:
  SQLite::Database& db_;
  const bool nested_;
  SqliteTransactionObserver* const observer_;  // the connection's, when it has one
  bool finished_ = false;
};

}  // namespace motcua::store
