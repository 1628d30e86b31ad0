#pragma once
// A transaction that nests, on either engine: on a connection with no transaction open it is one (BEGIN … COMMIT);
// inside an open one it is a savepoint (SAVEPOINT … RELEASE). Every write of the store opens one, so that the same
// code is atomic on its own and also runs inside a larger transaction — the group commit's or a bulk load's
// (Store::InOneTransaction) — where a failed write rolls back to its savepoint alone and the others still commit.
// (On PostgreSQL the rollback to the savepoint is also what lets the enclosing transaction go on after an error.)
// A connection may have one observer, told as its transactions and savepoints open and end, so that work kept in
// memory until the commit (the report counters' pending rows) follows the savepoints exactly.
// Thread-safety: as the connection (one thread at a time).
#include "store/sql/connection.h"

namespace motcua::store::sql {

class TransactionObserver {
 public:
  virtual ~TransactionObserver() = default;
  // A transaction, or a savepoint inside one, has begun.
  virtual void Opened() = 0;
  // A savepoint was released: its work now belongs to the level that encloses it.
  virtual void Released() = 0;
  // The outermost transaction is about to COMMIT: the last moment to write into it. May throw DbError, and then
  // the transaction rolls back.
  virtual void Committing() = 0;
  // The outermost transaction committed, or the innermost level rolled back.
  virtual void Closed() = 0;
};

class Transaction {
 public:
  // Opens the transaction, or a savepoint when one is already open. Throws DbError (e.g. kBusy).
  Transaction(Connection& connection, TxMode mode);
  // Rolls back (to the savepoint) unless Commit() was called; never throws.
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  // COMMIT, or RELEASE of the savepoint (durable only once the outer transaction commits). Throws DbError.
  void Commit();

 private:
  Connection& connection_;
  const bool nested_;
  TransactionObserver* const observer_;  // the connection's, when it has one
  bool finished_ = false;
};

}  // namespace motcua::store::sql
