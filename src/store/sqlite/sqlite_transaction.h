#pragma once
// A transaction that nests: on a connection with no transaction open it is one (BEGIN ... COMMIT); inside an open
// one it is a savepoint (SAVEPOINT ... RELEASE). Every write of the store opens one, so that the same code is
// atomic on its own and also runs inside a larger transaction — the group commit's (sqlite_group_commit.h) or
// a bulk load's (Store::InOneTransaction) — where a failed write rolls back to its savepoint alone and the
// others still commit.
// Thread-safety: as the connection (one thread at a time).
#include <SQLiteCpp/Database.h>

namespace motcua::store {

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
  bool finished_ = false;
};

}  // namespace motcua::store
