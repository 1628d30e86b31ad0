#include "app/backup_scheduler.h"

#include <algorithm>
#include <utility>

#include "app/backup_retention.h"

namespace motcua::app {
namespace {

// When the newest complete backup of `folder` was made; nullopt when there is none (or the folder cannot be read:
// the run that follows reports why).
std::optional<Instant> NewestBackup(const std::filesystem::path& folder) {
  auto backups = ListBackups(folder);
  if (!backups || backups->empty()) return std::nullopt;
  return backups->back().manifest.created_at;
}

}  // namespace

Instant NextBackupDue(std::optional<Instant> newest, std::optional<Instant> failed_at, std::chrono::seconds every) {
  Instant due = newest ? *newest + every : Instant::min();
  if (failed_at) due = std::max(due, *failed_at + std::min<std::chrono::seconds>(every, kRetryAfter));
  return due;
}

ScheduledBackup RunScheduledBackup(const BackupSource& source, const BackupSchedule& schedule, Instant now) {
  ScheduledBackup run{MakeBackup(source, schedule.folder, now), std::vector<std::string>{}, {}};
  if (run.backup) run.pruned = PruneBackups(schedule.folder, schedule.keep);
  run.unfinished = UnfinishedBackups(schedule.folder);
  return run;
}

BackupScheduler::BackupScheduler(BackupSchedule schedule, store::StoreProvider& stores, std::filesystem::path files,
                                 const Clock& clock, Report report)
    : schedule_(std::move(schedule)),
      stores_(stores),
      files_(std::move(files)),
      clock_(clock),
      report_(std::move(report)),
      thread_([this] { Loop(); }) {}

BackupScheduler::~BackupScheduler() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void BackupScheduler::Loop() {
  std::optional<Instant> failed_at;
  while (WaitUntil(NextBackupDue(NewestBackup(schedule_.folder), failed_at, schedule_.every))) {
    ScheduledBackup run = RunOnce();
    failed_at = run.backup ? std::nullopt : std::optional<Instant>(clock_.Now());
    report_(run);
  }
}

ScheduledBackup BackupScheduler::RunOnce() {
  auto store = stores_.ForThisThread();
  if (!store) return {Fail(store.error()), std::vector<std::string>{}, {}};
  return RunScheduledBackup({**store, files_}, schedule_, clock_.Now());
}

bool BackupScheduler::WaitUntil(Instant due) {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    const Instant now = clock_.Now();
    if (now >= due) return true;
    // At most a minute at a time: the system clock may be set forward or back while we wait.
    wake_.wait_for(lock, std::min<std::chrono::seconds>(due - now, std::chrono::minutes(1)));
  }
  return false;
}

}  // namespace motcua::app
