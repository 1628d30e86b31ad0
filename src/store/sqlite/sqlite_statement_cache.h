#pragma once
// Prepared statements kept per connection and reused. Preparing a statement parses its SQL and resolves it
// against the schema, which cost a third of a dossier append's time before this cache (perf, issue 7): the
// same few statements run for every event.
//
// A connection's owner attaches a cache after opening it and detaches it (finalizing the statements) before
// closing it. A CachedStatement borrows the connection's statement for its SQL while it lives, and resets it
// (releasing its read lock) and clears its bindings when it goes; on a connection without a cache, or while
// the same SQL is already borrowed (a nested use), it prepares a statement of its own, as before.
// Thread-safety: a connection is used by one thread at a time (store.h), and so is its cache; attaching and
// detaching may happen on any thread.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <memory>
#include <string>

namespace motcua::store {

void AttachStatementCache(SQLite::Database& db);
void DetachStatementCache(SQLite::Database& db);

class CachedStatement {
 public:
  CachedStatement(SQLite::Database& db, const std::string& sql);
  ~CachedStatement();
  CachedStatement(const CachedStatement&) = delete;
  CachedStatement& operator=(const CachedStatement&) = delete;

  SQLite::Statement& operator*() { return *statement_; }
  SQLite::Statement* operator->() { return statement_; }

  struct Entry;  // a cached statement (sqlite_statement_cache.cc)

 private:
  Entry* entry_ = nullptr;                  // the cache's, when borrowed
  std::unique_ptr<SQLite::Statement> own_;  // otherwise
  SQLite::Statement* statement_ = nullptr;
};

}  // namespace motcua::store
