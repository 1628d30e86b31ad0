#include "store/sqlite/sqlite_transaction.h"

#include <sqlite3.h>

#include <mutex>
#include <unordered_map>

#include "store/sqlite/sqlite_statement_cache.h"

namespace motcua::store {
namespace {

constexpr const char* kSavepoint = "motcua_nested";

class Observers {
 public:
  void Set(const SQLite::Database& db, SqliteTransactionObserver* observer) {
    std::lock_guard lock(mutex_);
    if (observer == nullptr) {
      observers_.erase(&db);
    } else {
      observers_[&db] = observer;
    }
  }
  SqliteTransactionObserver* Of(const SQLite::Database& db) {
    std::lock_guard lock(mutex_);
    auto found = observers_.find(&db);
    return found == observers_.end() ? nullptr : found->second;
  }

 private:
  std::mutex mutex_;
  std::unordered_map<const SQLite::Database*, SqliteTransactionObserver*> observers_;  // guarded by mutex_
};

// Transaction control runs for every write, several times for a group commit's: its statements are cached.
void Run(SQLite::Database& db, const std::string& sql) {
  CachedStatement statement(db, sql);
  statement->exec();
}

Observers& AllObservers() {
  static Observers observers;
  return observers;
}

}  // namespace

void ObserveTransactions(SQLite::Database& db, SqliteTransactionObserver* observer) {
  AllObservers().Set(db, observer);
}

bool SqliteTransaction::InTransaction(SQLite::Database& db) { return sqlite3_get_autocommit(db.getHandle()) == 0; }

SqliteTransaction::SqliteTransaction(SQLite::Database& db, Mode mode)
    : db_(db), nested_(InTransaction(db)), observer_(AllObservers().Of(db)) {
  if (nested_) {
    Run(db_, std::string("SAVEPOINT ") + kSavepoint);
  } else {
    Run(db_, mode == Mode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
  }
  if (observer_ != nullptr) observer_->Opened();
}

SqliteTransaction::~SqliteTransaction() {
  if (finished_) return;
  try {
    if (nested_) {
      // ROLLBACK TO undoes the savepoint's work but keeps it open; RELEASE then closes it.
      Run(db_, std::string("ROLLBACK TO ") + kSavepoint);
      Run(db_, std::string("RELEASE ") + kSavepoint);
    } else {
      Run(db_, "ROLLBACK");
    }
  } catch (...) {
    // A failed rollback leaves SQLite to roll the transaction back when the connection closes; nothing better
    // can be done in a destructor.
  }
  if (observer_ != nullptr) observer_->Closed();
}

void SqliteTransaction::Commit() {
  if (nested_) {
    Run(db_, std::string("RELEASE ") + kSavepoint);
    finished_ = true;
    if (observer_ != nullptr) observer_->Released();
    return;
  }
  if (observer_ != nullptr) observer_->Committing();
  Run(db_, "COMMIT");
  finished_ = true;
  if (observer_ != nullptr) observer_->Closed();
}

}  // namespace motcua::store
