#pragma once
// The options of `motcua serve` that schedule backups (app/backup_scheduler.h), and the one place the scheduler is
// started from them. Off by default: without --backup-dir no backup is made.
//
//   --backup-dir DIR      where the backups go (each a folder motcua-YYYYMMDD-HHMMSS, as `motcua backup --to`)
//   --backup-every TIME   the interval: whole hours ("24"), or a whole number with s, m, h or d ("6h", "30m");
//                         default 24h
//   --backup-keep N       the complete backups kept in DIR, the oldest beyond removed; default 7
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "app/backup_scheduler.h"
#include "app/clock.h"
#include "domain/error.h"
#include "store/store_provider.h"

namespace motcua::cli {

struct BackupScheduleOptions {
  std::string dir;  // empty: no scheduled backups
  std::string every = "24h";
  std::size_t keep = 7;
};

void AddBackupScheduleOptions(CLI::App& command, BackupScheduleOptions& options);

// "24" → 24 h, "6h", "30m", "90s", "1d". InvalidArgument naming "backup_every" for anything else, or zero.
Result<std::chrono::seconds> ParseBackupInterval(std::string_view text);

// nullptr without --backup-dir; otherwise the running scheduler, which logs each backup (where, how big, how long)
// and each failure with spdlog. InvalidArgument naming "backup_every" for an interval that is not one.
Result<std::unique_ptr<app::BackupScheduler>> StartScheduledBackups(const BackupScheduleOptions& options,
                                                                    store::StoreProvider& stores,
                                                                    const std::filesystem::path& files,
                                                                    const app::Clock& clock);

}  // namespace motcua::cli
