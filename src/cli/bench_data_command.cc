// motcua bench-data: a province's generated history for benchmarks (app/history_generator.h).
#include <fmt/core.h>

#include <chrono>

#include "app/catalogue_installer.h"
#include "app/history_generator.h"
#include "app/reference_files.h"
#include "app/work_calendar_loader.h"
#include "cli/command.h"

namespace motcua::cli {
namespace {

struct BenchDataOptions {
  std::string province;
  std::size_t dossiers = 10000;
  int years = 1;
  unsigned seed = 1;
  // A fixed default, so that the same options make the same database whenever they are run.
  std::string end = "2026-12-01";
  std::size_t batch = 2000;
};

// The catalogue the history needs, installed from the built-in data when the database has none.
int EnsureCatalogue(const GlobalOptions& global, store::Store& store) {
  auto counts = store.CountCatalogue();
  if (!counts) return global.out.ReportError(counts.error());
  if (counts->provinces > 0) return 0;
  app::BuiltInReferenceFiles files;
  auto install = app::InstallReferenceCatalogue(store, files);
  if (!install) return global.out.ReportErrors(install.error());
  return 0;
}

int RunBenchData(const GlobalOptions& global, const BenchDataOptions& options) {
  int exit_code = 0;
  auto store = OpenStoreOrReport(global, exit_code);
  if (!store) return exit_code;
  if (int failed = EnsureCatalogue(global, *store); failed != 0) return failed;
  auto existing = store->DossierCodes({});
  if (!existing) return global.out.ReportError(existing.error());
  if (!existing->empty()) {
    return global.out.ReportError(Error::FailedPrecondition(
        "db", "cơ sở dữ liệu đã có hồ sơ: bench-data chỉ ghi vào cơ sở dữ liệu chưa có hồ sơ",
        "the database already holds dossiers: bench-data writes only into one without dossiers"));
  }
  auto end_day = ParseIsoDate(options.end, "end");
  if (!end_day) return global.out.ReportError(end_day.error());
  auto calendar = app::LoadWorkCalendar(*store);
  if (!calendar) return global.out.ReportError(calendar.error());
  const auto started = std::chrono::steady_clock::now();
  auto seconds = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(); };
  app::HistoryPlan plan{options.province,
                        options.dossiers,
                        options.years,
                        ToInstant(LocalTime(*end_day)),
                        options.seed,
                        options.batch,
                        [&](std::size_t dossiers, std::size_t events) {
                          fmt::print(stderr, "  {} {} / {} {} ({:.0f} s)\n", dossiers,
                                     global.out.Say("hồ sơ", "dossiers"), events, global.out.Say("sự kiện", "events"),
                                     seconds());
                        }};
  const app::LifecycleSettings settings;
  auto made = app::GenerateHistory(*store, *calendar, settings, plan);
  if (!made) return global.out.ReportError(made.error());
  fmt::print("{}: {} {}, {} {} ({} {}), {} {}, {:.1f} s\n", global.Spec()->Shown(), made->dossiers,
             global.out.Say("hồ sơ", "dossiers"), made->events, global.out.Say("sự kiện", "events"), made->communes,
             global.out.Say("xã", "communes"), made->open_at_end,
             global.out.Say("đang giải quyết", "still in progress"), seconds());
  return 0;
}

}  // namespace

CommandRun SetUpBenchData(CLI::App& command, GlobalOptions& global) {
  auto options = std::make_shared<BenchDataOptions>();
  AddDbOption(command, global);
  command.add_option("--province", options->province, "Province code (e.g. 04)")->required();
  command.add_option("--dossiers", options->dossiers, "How many dossiers (default 10000)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{100'000'000}));
  command.add_option("--years", options->years, "Years of history (default 1)")->check(CLI::Range(1, 30));
  command.add_option("--seed", options->seed, "Seed of the generator (default 1)");
  command.add_option("--end", options->end, "The history ends at the start of this day (default 2026-12-01)");
  command.add_option("--batch", options->batch, "Dossiers per transaction (default 2000)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1'000'000}));
  return [&global, options]() { return RunBenchData(global, *options); };
}

}  // namespace motcua::cli
