#pragma once
// Group commit (DESIGN.md §4 "Writes go through one writer with group commit"): the dossier writes of every
// server thread are queued to one writer thread with a connection of its own, which runs all the writes waiting
// at that moment in one transaction — each in a savepoint, so that one failing write rolls back alone — and
// commits them with one fsync. Every caller still returns only once its write is durable, but a disk that
// syncs a few hundred times a second then carries many times that number of dossier events.
//
// Thread-safety: Run() may be called from any number of threads at once; it blocks its caller until the group
// holding its write has committed (or failed). The writer's connection is used by the writer thread only.

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "domain/error.h"
#include "store/sql/connection.h"
#include "store/sql/sql_dossier_store.h"
#include "store/sql/sql_report_counters.h"

namespace motcua::store {

class SqlGroupCommit {
 public:
  // A write run with the writer's dossier store (on the writer's connection), inside the group's transaction.
  // Returns false for an expected failure (its own Result says why), which rolls its savepoint back; may throw
  // sql::DbError, which rolls the savepoint back and fails the write with Unavailable.
  using Write = std::function<bool(SqlDossierStore&)>;

  // A new connection for the writer, when its own is lost (a PostgreSQL server died and another took its place).
  using Reconnect = std::function<Result<std::unique_ptr<sql::Connection>>()>;

  // Starts the writer thread on `db`, a connection of its own to a database whose schema is up to date. With
  // `reconnect`, a group that finds the connection lost opens a new one first (failing, if it cannot, with
  // Unavailable, and trying again with the next group).
  explicit SqlGroupCommit(std::unique_ptr<sql::Connection> db, Reconnect reconnect = {});
  // Lets the writer finish every queued write, then stops it.
  ~SqlGroupCommit();
  SqlGroupCommit(const SqlGroupCommit&) = delete;
  SqlGroupCommit& operator=(const SqlGroupCommit&) = delete;

  // Runs `write` in the next group and waits for the group's commit. Succeeds when the group committed (the
  // write may still have reported its own failure through its Result); fails with Unavailable when the
  // write threw or the group's transaction could not begin or commit — then none of its writes is stored.
  Result<void> Run(const Write& write);

  // Groups committed and writes run since Open (for /metrics and the benchmarks).
  struct Stats {
    std::uint64_t groups = 0;  // committed (or failed) groups
    std::uint64_t writes = 0;  // writes in those groups
    std::uint64_t taken = 0;   // writes the writer has taken from the queue, finished or not
  };
  Stats Totals() const;
  // Writes queued for the next group (not yet taken by the writer), for tests that arrange a group.
  std::size_t Waiting() const;

 private:
  struct Job;
  void Loop();
  void RunGroup(const std::vector<Job*>& group);
  void RunOne(Job& job);

  // Puts the writer on `db`, with its counters and dossier store (the writer thread's only, as db_).
  void Use(std::unique_ptr<sql::Connection> db);

  const Reconnect reconnect_;
  std::unique_ptr<sql::Connection> db_;          // the writer thread's only
  std::unique_ptr<SqlReportCounters> counters_;  // on db_, the writer thread's only
  std::unique_ptr<SqlDossierStore> dossiers_;    // on db_ and counters_, the writer thread's only
  std::size_t max_group_ = SIZE_MAX;             // jobs a group may hold (Dialect::MaxSavepoints)
  mutable std::mutex mutex_;
  std::condition_variable wake_writer_;
  std::condition_variable wake_callers_;
  std::vector<Job*> queue_;  // guarded by mutex_
  bool stopping_ = false;    // guarded by mutex_
  Stats stats_;              // guarded by mutex_
  std::thread writer_;       // last: started once everything else is ready
};

}  // namespace motcua::store
