#include "store/sql/sql_group_commit.h"

#include <optional>

#include "store/sql/connection.h"
#include "store/sql/transaction.h"

namespace motcua::store {

struct SqlGroupCommit::Job {
  const Write* write = nullptr;
  std::optional<Error> failure;  // set by the writer thread before `done`
  bool done = false;             // guarded by the group commit's mutex_
};

namespace {

Error DatabaseError(const char* what_vi, const char* what_en, const std::exception& e) {
  return Error::Unavailable("db", std::string("lỗi cơ sở dữ liệu khi ") + what_vi + ": " + e.what(),
                            std::string("database error while ") + what_en + ": " + e.what());
}

}  // namespace

SqlGroupCommit::SqlGroupCommit(std::unique_ptr<sql::Connection> db, Reconnect reconnect)
    : reconnect_(std::move(reconnect)) {
  Use(std::move(db));
  writer_ = std::thread([this] { Loop(); });
}

void SqlGroupCommit::Use(std::unique_ptr<sql::Connection> db) {
  dossiers_.reset();  // before what they use
  counters_.reset();
  db_ = std::move(db);
  counters_ = std::make_unique<SqlReportCounters>(*db_);
  dossiers_ = std::make_unique<SqlDossierStore>(*db_, *counters_);
  max_group_ = db_->dialect().MaxSavepoints();
}

SqlGroupCommit::~SqlGroupCommit() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_writer_.notify_one();
  writer_.join();
}

Result<void> SqlGroupCommit::Run(const Write& write) {
  Job job;
  job.write = &write;
  std::unique_lock lock(mutex_);
  if (stopping_) {
    return Fail(Error::Unavailable("db", "máy chủ đang dừng", "the server is stopping"));
  }
  queue_.push_back(&job);
  wake_writer_.notify_one();
  wake_callers_.wait(lock, [&] { return job.done; });
  if (job.failure) return Fail(*job.failure);
  return {};
}

SqlGroupCommit::Stats SqlGroupCommit::Totals() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

std::size_t SqlGroupCommit::Waiting() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

void SqlGroupCommit::Loop() {
  for (;;) {
    std::vector<Job*> group;
    {
      std::unique_lock lock(mutex_);
      wake_writer_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, with nothing left to write
      if (queue_.size() <= max_group_) {
        group.swap(queue_);
      } else {  // the oldest first; the rest make the next group
        const auto cut = queue_.begin() + static_cast<std::ptrdiff_t>(max_group_);
        group.assign(queue_.begin(), cut);
        queue_.erase(queue_.begin(), cut);
      }
      stats_.taken += group.size();
    }
    RunGroup(group);
    {
      std::lock_guard lock(mutex_);
      for (Job* job : group) job->done = true;
      ++stats_.groups;
      stats_.writes += group.size();
    }
    wake_callers_.notify_all();
  }
}

// While the writer commits one group, the next one gathers in the queue: the busier the server, the larger
// the groups, and the fewer fsyncs per write.
void SqlGroupCommit::RunGroup(const std::vector<Job*>& group) {
  if (db_->Lost() && reconnect_) {
    auto connection = reconnect_();
    if (!connection) {
      for (Job* job : group) job->failure = connection.error();
      return;
    }
    Use(std::move(*connection));
  }
  try {
    sql::Transaction transaction(*db_, sql::TxMode::kWrite);
    for (Job* job : group) RunOne(*job);
    transaction.Commit();
  } catch (const sql::DbError& e) {
    const Error failure = DatabaseError("ghi nhóm giao dịch", "committing a group of writes", e);
    for (Job* job : group) job->failure = failure;
  }
}

void SqlGroupCommit::RunOne(Job& job) {
  try {
    sql::Transaction savepoint(*db_, sql::TxMode::kWrite);
    if ((*job.write)(*dossiers_)) savepoint.Commit();
  } catch (const sql::DbError& e) {
    job.failure = DatabaseError("ghi dữ liệu", "writing", e);
  }
}

}  // namespace motcua::store
