// motcua restore: puts a backup back as the database named by --db and its document files (app/restore.h), after
// checking every file against the manifest; with --force, what is there is set aside, never deleted. Run it with
// the server stopped.
#include <fmt/core.h>

#include "app/clock.h"
#include "app/restore.h"
#include "cli/command.h"
#include "store/store_factory.h"

namespace motcua::cli {
namespace {

struct RestoreOptions {
  std::string from;
  bool force = false;
};

void PrintRestored(const app::RestoreReport& report, const std::string& db_path, const CliOutput& out) {
  const app::BackupManifest& m = report.manifest;
  fmt::print(fmt::runtime(std::string(out.Say(
                 "Đã khôi phục bản sao lưu lúc {} vào {}: {} hồ sơ, {} sự kiện, {} tệp tài liệu.\n"
                 "Đã kiểm tra: mọi tệp khớp bản kê (SHA-256), tệp cơ sở dữ liệu toàn vẹn, mọi chuỗi sự kiện hồ sơ "
                 "đều khớp.\n",
                 "Restored the backup of {} to {}: {} dossiers, {} events, {} document files.\n"
                 "Checked: every file matches the manifest (SHA-256), the database file is intact, every dossier's "
                 "event chain checks out.\n"))),
             FormatIsoLocal(m.created_at), db_path, m.facts.dossiers, m.facts.events, report.files);
  for (const auto& aside : report.set_aside) {
    fmt::print("{} {}\n", out.Say("Dữ liệu cũ cất ở:", "The previous data is kept at:"), aside.string());
  }
}

}  // namespace

CommandRun SetUpRestore(CLI::App& command, GlobalOptions& global) {
  auto options = std::make_shared<RestoreOptions>();
  AddDbOption(command, global);
  command.add_option("--from", options->from, "The backup folder (motcua-YYYYMMDD-HHMMSS, made by motcua backup)")
      ->required();
  command.add_flag("--force", options->force,
                   "Replace the database there: it and its files are renamed aside (.before-restore-…), not deleted");
  return [&global, options]() -> int {
    auto spec = global.Spec();
    if (!spec) return global.out.ReportError(spec.error());
    auto files = spec->FilesFolder();
    if (!files) return global.out.ReportError(files.error());
    const app::SystemClock clock;
    // The restored copy is a SQLite file at a path of the restore's choosing (beside the target).
    const app::StoreOpener open = [](const std::string& path) {
      return store::OpenStore(store::StoreSpec::Sqlite(path));
    };
    if (spec->engine == store::StoreSpec::Engine::kPostgresql) {
      if (options->force) {
        return global.out.ReportError(Error::InvalidArgument(
            "force", "PostgreSQL: khôi phục vào một cơ sở dữ liệu mới, trống; không thay dữ liệu đang có",
            "PostgreSQL: a backup is restored into a new, empty database; nothing there is replaced"));
      }
      auto report = app::RestoreBackupIntoServer(options->from, *spec, *files, open);
      if (!report) return global.out.ReportError(report.error());
      PrintRestored(*report, spec->Shown(), global.out);
      return 0;
    }
    const app::RestoreTarget target{spec->location, *files, std::string(spec->EngineName())};
    auto report = app::RestoreBackup(options->from, target, options->force, open, clock.Now());
    if (!report) return global.out.ReportError(report.error());
    PrintRestored(*report, spec->Shown(), global.out);
    return 0;
  };
}

}  // namespace motcua::cli
