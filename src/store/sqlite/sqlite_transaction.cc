#include "store/sqlite/sqlite_transaction.h"

#include <sqlite3.h>

namespace motcua::store {
namespace {

constexpr const char* kSavepoint = "motcua_nested";

}  // namespace

bool SqliteTransaction::InTransaction(SQLite::Database& db) { return sqlite3_get_autocommit(db.getHandle()) == 0; }

SqliteTransaction::SqliteTransaction(SQLite::Database& db, Mode mode) : db_(db), nested_(InTransaction(db)) {
  if (nested_) {
    db_.exec(std::string("SAVEPOINT ") + kSavepoint);
  } else {
    db_.exec(mode == Mode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
  }
}

SqliteTransaction::~SqliteTransaction() {
  if (finished_) return;
  try {
    if (nested_) {
      // ROLLBACK TO undoes the savepoint's work but keeps it open; RELEASE then closes it.
      db_.exec(std::string("ROLLBACK TO ") + kSavepoint);
      db_.exec(std::string("RELEASE ") + kSavepoint);
    } else {
      db_.exec("ROLLBACK");
    }
  } catch (...) {
    // A failed rollback leaves SQLite to roll the transaction back when the connection closes; nothing better
    // can be done in a destructor.
  }
}

void SqliteTransaction::Commit() {
  db_.exec(nested_ ? std::string("RELEASE ") + kSavepoint : std::string("COMMIT"));
  finished_ = true;
}

}  // namespace motcua::store
