#pragma once
// A StoreProvider over one SQL database: each thread gets its own connection (SQLite's WAL lets the readers of
// several connections run beside one writer; PostgreSQL serves each connection with a process of its own), opened
// on the thread's first request and kept until the provider is destroyed. The connections are held in a map from
// thread id guarded by one mutex rather than in thread_local storage, so that several providers (tests) coexist
// and the connections close with their provider, not at thread exit. A thread id reused by a new thread inherits
// the connection, which is safe: the old thread has ended. A connection found lost (its server died, and a standby
// took its place) is replaced on the thread's next request; the writer's, by its next group. Dossier appends and code
// sequences of every thread go through one group commit (sql_group_commit.h), opened with the first connection: many
// requests, one transaction, one sync.
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>

#include "store/sql/connection.h"
#include "store/sql/sql_group_commit.h"
#include "store/store_provider.h"

namespace motcua::store {

// A store and the connection it owns (nullptr when it can never be lost: an embedded engine).
struct OpenedStore {
  std::unique_ptr<Store> store;
  const sql::Connection* connection = nullptr;
};

// How a provider reaches its database; given by the engine (sqlite_store.h, pg_store.h).
class SqlStoreOpener {
 public:
  virtual ~SqlStoreOpener() = default;
  // A store on a new connection, its schema brought up to date; dossier writes go through `writer` when given.
  virtual Result<OpenedStore> OpenStore(SqlGroupCommit* writer) = 0;
  // A new connection for the group commit's writer thread (called after a first OpenStore).
  virtual Result<std::unique_ptr<sql::Connection>> OpenWriterConnection() = 0;
};

class SqlStoreProvider final : public StoreProvider {
 public:
  explicit SqlStoreProvider(std::unique_ptr<SqlStoreOpener> opener) : opener_(std::move(opener)) {}

  Result<Store*> ForThisThread() override;

  // The group commit's totals; zero before the first connection.
  SqlGroupCommit::Stats WriterTotals();
  // Writes queued for the writer's next group; zero before the first connection (for tests).
  std::size_t WriterWaiting();

 private:
  const std::unique_ptr<SqlStoreOpener> opener_;
  std::mutex mutex_;
  std::unique_ptr<SqlGroupCommit> writer_;  // guarded by mutex_; declared before the stores that use it
  std::unordered_map<std::thread::id, OpenedStore> stores_;  // guarded by mutex_
};

}  // namespace motcua::store
