#pragma once
// A StoreProvider over one SQLite file: each thread gets its own connection (SQLite WAL lets the readers of
// several connections run in parallel beside one writer), opened on the thread's first request and kept until
// the provider is destroyed. The connections are held in a map from thread id guarded by one mutex rather than
// in thread_local storage, so that several providers (tests) coexist and the connections close with their
// provider, not at thread exit. A thread id reused by a new thread inherits the connection, which is safe: the
// old thread has ended. The path must name a file: ":memory:" would give every thread a separate empty database.
// Dossier appends and code sequences of every thread go through one group commit (sqlite_group_commit.h),
// opened with the first connection: many requests, one transaction, one fsync.
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>

#include "store/sqlite/sqlite_group_commit.h"
#include "store/store_provider.h"

namespace motcua::store {

class SqliteStoreProvider final : public StoreProvider {
 public:
  explicit SqliteStoreProvider(std::string path) : path_(std::move(path)) {}

  Result<Store*> ForThisThread() override;

  // The group commit's totals; zero before the first connection.
  SqliteGroupCommit::Stats WriterTotals();
  // Writes queued for the writer's next group; zero before the first connection (for tests).
  std::size_t WriterWaiting();

 private:
  const std::string path_;
  std::mutex mutex_;
  std::unique_ptr<SqliteGroupCommit> writer_;  // guarded by mutex_; declared before the stores that use it
  std::unordered_map<std::thread::id, std::unique_ptr<Store>> stores_;  // guarded by mutex_
};

}  // namespace motcua::store
