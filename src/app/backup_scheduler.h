#pragma once
// Scheduled backups from `motcua serve` (--backup-dir, --backup-every, --backup-keep): a thread that makes a backup
// (app/backup.h) when one is due, then removes the oldest complete backups beyond the number to keep
// (app/backup_retention.h), and reports each run to a callback (serve logs it). A failed run is reported and tried
// again later; the server goes on either way.
//
// A backup is due `every` after the newest complete backup in the folder, whoever made it, and at once when there
// is none: a server restarted more often than the interval still makes its backups, and a backup made by hand
// moves the next one. After a failed run the next try comes kRetryAfter later (or `every`, when shorter).
// Thread-safety: construct and destroy on one thread; the callback runs on the scheduler's thread.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/backup.h"
#include "app/clock.h"
#include "store/store_provider.h"

namespace motcua::app {

inline constexpr std::chrono::seconds kRetryAfter = std::chrono::minutes(10);

struct BackupSchedule {
  std::filesystem::path folder;                         // where the backups go
  std::chrono::seconds every = std::chrono::hours(24);  // the interval between two backups; positive
  std::size_t keep = 7;                                 // complete backups kept in `folder`, at least 1
};

// What one scheduled run did.
struct ScheduledBackup {
  Result<BackupReport> backup;
  Result<std::vector<std::string>> pruned;        // the backups removed (none tried when the backup failed)
  std::vector<std::filesystem::path> unfinished;  // hidden folders of backups that never finished (to report)
};

// When the next backup is due: `every` after the newest complete backup (Instant::min(), i.e. now, when there is
// none), and not sooner than kRetryAfter (or `every`, when shorter) after a failed run at `failed_at`.
Instant NextBackupDue(std::optional<Instant> newest, std::optional<Instant> failed_at, std::chrono::seconds every);

// One run: a backup of `source` into the schedule's folder at `now`; when it succeeded, the removal of the oldest
// complete backups beyond the schedule's `keep`.
ScheduledBackup RunScheduledBackup(const BackupSource& source, const BackupSchedule& schedule, Instant now);

class BackupScheduler {
 public:
  using Report = std::function<void(const ScheduledBackup&)>;

  // Starts the thread. Its backups read the database through `stores` (a connection of the scheduler's thread) and
  // copy the document files of `files`. Everything given must outlive the scheduler.
  BackupScheduler(BackupSchedule schedule, store::StoreProvider& stores, std::filesystem::path files,
                  const Clock& clock, Report report);
  // Stops the thread, after the run under way if any (a backup is not interrupted half-way).
  ~BackupScheduler();
  BackupScheduler(const BackupScheduler&) = delete;
  BackupScheduler& operator=(const BackupScheduler&) = delete;

 private:
  void Loop();
  ScheduledBackup RunOnce();
  // Waits until `due` or until stopped; false when stopped.
  bool WaitUntil(Instant due);

  const BackupSchedule schedule_;
  store::StoreProvider& stores_;
  const std::filesystem::path files_;
  const Clock& clock_;
  const Report report_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // guarded by mutex_
  std::thread thread_;     // last: started once everything else is ready
};

}  // namespace motcua::app
