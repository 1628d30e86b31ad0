#include "cli/backup_schedule_options.h"

#include <spdlog/spdlog.h>

#include <charconv>

#include "cli/backup_output.h"
#include "store/disk_blob_store.h"

namespace motcua::cli {
namespace {

Error NotAnInterval(std::string_view text) {
  const std::string quoted = "\"" + std::string(text) + "\"";
  return Error::InvalidArgument("backup_every",
                                quoted +
                                    " không phải khoảng thời gian: số nguyên dương giờ (\"24\"), hoặc kèm đơn vị "
                                    "s, m, h, d (\"6h\", \"30m\")",
                                quoted +
                                    " is not an interval: a positive whole number of hours (\"24\"), or one "
                                    "with s, m, h or d (\"6h\", \"30m\")");
}

// Logs one scheduled run: in English, as the server's other log lines.
void LogRun(const app::ScheduledBackup& run) {
  CliOutput english;
  english.set_language(Language::kEnglish);
  if (!run.backup) {
    spdlog::error("scheduled backup failed (the server goes on; next try in {} min at most): {}",
                  std::chrono::duration_cast<std::chrono::minutes>(app::kRetryAfter).count(),
                  english.Describe(run.backup.error()));
  } else {
    const app::BackupReport& r = *run.backup;
    spdlog::info("backup {}: {} dossiers, {} events, {} files, {} in {:.2f} s (database copied in {:.2f} s)",
                 r.folder.string(), r.manifest.facts.dossiers, r.manifest.facts.events, r.files_linked + r.files_copied,
                 DescribeBytes(r.bytes), static_cast<double>(r.total_time.count()) / 1000,
                 static_cast<double>(r.database_time.count()) / 1000);
  }
  if (!run.pruned) spdlog::warn("old backups not removed: {}", english.Describe(run.pruned.error()));
  for (const auto& name : run.pruned.value_or(std::vector<std::string>{})) spdlog::info("old backup removed: {}", name);
  for (const auto& left : run.unfinished) {
    spdlog::warn("{} is a backup that never finished: remove it unless a backup is running now", left.string());
  }
}

}  // namespace

void AddBackupScheduleOptions(CLI::App& command, BackupScheduleOptions& options) {
  command.add_option("--backup-dir", options.dir, "Make backups in this folder, on a schedule (default: none)");
  command.add_option("--backup-every", options.every,
                     "Interval between backups: hours, or with s, m, h, d as 6h, 30m (default 24h)");
  command.add_option("--backup-keep", options.keep, "Complete backups kept; the oldest beyond are removed (default 7)")
      ->check(CLI::Range(1, 10000));
}

Result<std::chrono::seconds> ParseBackupInterval(std::string_view text) {
  long long count = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), count);
  const std::string_view unit = text.substr(static_cast<std::size_t>(end - text.data()));
  if (error != std::errc() || count <= 0 || count > 100000) return Fail(NotAnInterval(text));
  if (unit == "s") return std::chrono::seconds(count);
  if (unit == "m") return std::chrono::minutes(count);
  if (unit.empty() || unit == "h") return std::chrono::hours(count);
  if (unit == "d") return std::chrono::days(count);
  return Fail(NotAnInterval(text));
}

Result<std::unique_ptr<app::BackupScheduler>> StartScheduledBackups(const BackupScheduleOptions& options,
                                                                    store::StoreProvider& stores,
                                                                    const std::filesystem::path& files,
                                                                    const app::Clock& clock) {
  if (options.dir.empty()) return nullptr;
  auto every = ParseBackupInterval(options.every);
  if (!every) return Fail(every.error());
  spdlog::info("backups: every {} into {}, keeping {}", options.every, options.dir, options.keep);
  return std::make_unique<app::BackupScheduler>(app::BackupSchedule{options.dir, *every, options.keep}, stores, files,
                                                clock, LogRun);
}

}  // namespace motcua::cli
