// motcua backup: an online, consistent backup of the database and its document files, with a manifest
// (app/backup.h). Safe while `motcua serve` takes dossiers.
#include <fmt/core.h>

#include <filesystem>

#include "app/backup.h"
#include "app/clock.h"
#include "cli/backup_output.h"
#include "cli/command.h"

namespace motcua::cli {

CommandRun SetUpBackup(CLI::App& command, GlobalOptions& global) {
  auto to = std::make_shared<std::string>();
  AddDbOption(command, global);
  command.add_option("--to", *to, "The folder of backups; each backup is a new folder in it, motcua-YYYYMMDD-HHMMSS")
      ->required();
  return [&global, to]() -> int {
    auto spec = global.Spec();
    if (!spec) return global.out.ReportError(spec.error());
    // Opening a missing SQLite file would create an empty one, and back that up.
    if (std::error_code error;
        spec->engine == store::StoreSpec::Engine::kSqlite && !std::filesystem::exists(spec->location, error)) {
      return global.out.ReportError(
          Error::NotFound("db", "không có cơ sở dữ liệu " + spec->location, "no database at " + spec->location));
    }
    auto files = spec->FilesFolder();
    if (!files) return global.out.ReportError(files.error());
    int exit_code = 0;
    auto store = OpenStoreOrReport(global, exit_code);
    if (!store) return exit_code;
    const app::SystemClock clock;
    auto report = app::MakeBackup({*store, *files}, *to, clock.Now());
    if (!report) return global.out.ReportError(report.error());
    fmt::print("{}", DescribeBackup(*report, global.out));
    return 0;
  };
}

}  // namespace motcua::cli
