// motcua migrate --from motcua.db --to postgresql://…: moves a whole database to another engine (a commune's
// SQLite file into the province's PostgreSQL), checking the history before and the copy after
// (store/store_migration.h). Exit 4 when a check fails, as verify and rebuild --check.
#include <fmt/core.h>

#include <chrono>
#include <memory>
#include <string>

#include "app/lifecycle_settings.h"
#include "cli/command.h"
#include "store/store_migration.h"

namespace motcua::cli {
namespace {

struct MigrateOptions {
  std::string from;
  std::string to;
};

int RunMigrate(const GlobalOptions& global, const MigrateOptions& options) {
  auto from = store::StoreSpec::Parse(options.from);
  if (!from)
    return global.out.ReportError(Error::InvalidArgument("from", from.error().message_vi, from.error().message_en));
  auto to = store::StoreSpec::Parse(options.to);
  if (!to) return global.out.ReportError(Error::InvalidArgument("to", to.error().message_vi, to.error().message_en));
  fmt::print("{} {} → {}\n", global.out.Say("Chuyển", "Migrating"), from->Shown(), to->Shown());
  const auto started = std::chrono::steady_clock::now();
  std::int64_t rows = 0;
  const app::LifecycleSettings settings;
  auto report = store::MigrateDatabase(*from, *to, settings.deadline, [&](const store::TableCopied& table) {
    rows += table.rows;
    fmt::print("  {:<28} {:>10}\n", table.table, table.rows);
  });
  if (!report) return global.out.ReportError(report.error());
  if (report->problem) {
    fmt::print(stderr, "{} {}\n", global.out.Say("HỎNG:", "BROKEN:"), *report->problem);
    return 4;
  }
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
  fmt::print("{} {} {}, {} {} ({:.1f} s)\n", global.out.Say("Đã chuyển", "Migrated"), report->tables.size(),
             global.out.Say("bảng", "tables"), rows, global.out.Say("dòng", "rows"), took.count());
  fmt::print("{}\n", global.out.Say("Bản sao đã được kiểm tra: mọi chuỗi sự kiện hồ sơ khớp, bộ đếm báo cáo khớp với "
                                    "lịch sử hồ sơ.",
                                    "The copy was checked: every dossier's chain holds, the report counters match the "
                                    "dossier history."));
  fmt::print("{} {}:{}\n",
             global.out.Say("Sổ sự kiện kết thúc ở (cùng điểm kiểm tra cho cả hai):",
                            "The event log ends at (one checkpoint for both):"),
             report->head.position, report->head.chain);
  if (auto files = from->FilesFolder()) {
    fmt::print("{} {}\n",
               global.out.Say("Các tệp tài liệu vẫn ở thư mục cũ; chạy máy chủ với --files",
                              "The document files stay in their folder; serve with --files"),
               files->string());
  }
  return 0;
}

}  // namespace

CommandRun SetUpMigrate(CLI::App& command, GlobalOptions& global) {
  auto options = std::make_shared<MigrateOptions>();
  command.add_option("--from", options->from, "The database to move: a SQLite file (or postgresql:// URL)")->required();
  command.add_option("--to", options->to, "A new, empty database: a postgresql:// URL (or a SQLite file)")->required();
  return [&global, options]() -> int { return RunMigrate(global, *options); };
}

}  // namespace motcua::cli
