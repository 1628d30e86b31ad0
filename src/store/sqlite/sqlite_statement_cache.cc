#include "store/sqlite/sqlite_statement_cache.h"

#include <mutex>
#include <unordered_map>

namespace motcua::store {

struct CachedStatement::Entry {
  std::unique_ptr<SQLite::Statement> statement;
  bool borrowed = false;
};

namespace {

// Statements whose SQL is built from a query's filters come in many shapes; past this many, the cache starts
// again rather than grow without bound.
constexpr std::size_t kMaxStatements = 256;

using StatementMap = std::unordered_map<std::string, std::unique_ptr<CachedStatement::Entry>>;

class Caches {
 public:
  void Attach(SQLite::Database& db) {
    std::lock_guard lock(mutex_);
    caches_.try_emplace(&db);
  }
  void Detach(SQLite::Database& db) {
    std::lock_guard lock(mutex_);
    caches_.erase(&db);
  }
  // The connection's statements, or nullptr when it has no cache. The map stays valid while the connection
  // is attached, and only the connection's thread uses it.
  StatementMap* Of(SQLite::Database& db) {
    std::lock_guard lock(mutex_);
    auto found = caches_.find(&db);
    return found == caches_.end() ? nullptr : &found->second;
  }

 private:
  std::mutex mutex_;
  std::unordered_map<const SQLite::Database*, StatementMap> caches_;  // guarded by mutex_
};

Caches& AllCaches() {
  static Caches caches;
  return caches;
}

bool AnyBorrowed(const StatementMap& map) {
  for (const auto& [sql, entry] : map) {
    if (entry->borrowed) return true;
  }
  return false;
}

}  // namespace

void AttachStatementCache(SQLite::Database& db) { AllCaches().Attach(db); }
void DetachStatementCache(SQLite::Database& db) { AllCaches().Detach(db); }

CachedStatement::CachedStatement(SQLite::Database& db, const std::string& sql) {
  StatementMap* map = AllCaches().Of(db);
  if (map != nullptr) {
    if (map->size() >= kMaxStatements && !AnyBorrowed(*map)) map->clear();
    auto [found, inserted] = map->try_emplace(sql);
    if (inserted) found->second = std::make_unique<Entry>(Entry{std::make_unique<SQLite::Statement>(db, sql)});
    if (!found->second->borrowed) {
      entry_ = found->second.get();
      entry_->borrowed = true;
      statement_ = entry_->statement.get();
      return;
    }
  }
  own_ = std::make_unique<SQLite::Statement>(db, sql);
  statement_ = own_.get();
}

CachedStatement::~CachedStatement() {
  if (entry_ == nullptr) return;
  try {
    statement_->reset();
    statement_->clearBindings();
  } catch (...) {
    // reset() reports the last step's error again; the statement is reset all the same.
  }
  entry_->borrowed = false;
}

}  // namespace motcua::store
