// motcua rebuild: recomputes the report counters from the dossier events and compares them with the
// maintained ones; `--check` only compares (exit 4 on a difference), otherwise the counters are replaced.
#include <fmt/core.h>

#include "app/lifecycle_settings.h"
#include "cli/command.h"

namespace motcua::cli {

CommandRun SetUpRebuild(CLI::App& command, GlobalOptions& global) {
  auto check_only = std::make_shared<bool>(false);
  AddDbOption(command, global);
  command.add_flag("--check", *check_only, "Only compare rebuilt and maintained counters; change nothing");
  return [&global, check_only]() -> int {
    int exit_code = 0;
    auto store = OpenStoreOrReport(global, exit_code);
    if (!store) return exit_code;
    const app::LifecycleSettings settings;
    auto mismatch = store->RebuildCounters(settings.deadline, !*check_only);
    if (!mismatch) return global.out.ReportError(mismatch.error());
    if (!*mismatch) {
      fmt::print("{}\n", global.out.Say("Bộ đếm báo cáo khớp với lịch sử hồ sơ.",
                                        "The report counters match the dossier history."));
      return 0;
    }
    fmt::print(stderr, "{} {}\n", global.out.Say("KHÁC:", "DIFFERENT:"), (*mismatch)->description);
    if (*check_only) return 4;
    fmt::print("{}\n", global.out.Say("Đã dựng lại bộ đếm từ lịch sử hồ sơ.",
                                      "The counters were rebuilt from the dossier history."));
    return 0;
  };
}

}  // namespace motcua::cli
