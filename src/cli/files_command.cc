// motcua files prune [--older-than DAYS] [--dry-run]: removes the bytes of uploaded files that no dossier took
// (app/document_pruning.h). Safe while the server runs; meant for a nightly timer.
#include <fmt/core.h>

#include <memory>

#include "app/clock.h"
#include "app/document_pruning.h"
#include "cli/command.h"
#include "store/disk_blob_store.h"

namespace motcua::cli {
namespace {

struct PruneOptions {
  int older_than_days = static_cast<int>(app::kDefaultPruneGrace.count());
  bool dry_run = false;
};

int RunPrune(const GlobalOptions& global, const PruneOptions& o) {
  int exit_code = 0;
  auto store = OpenStoreOrReport(global, exit_code);
  if (!store) return exit_code;
  auto files = global.Spec()->FilesFolder();
  if (!files) return global.out.ReportError(files.error());
  store::DiskBlobStore blobs(*files);
  auto summary = app::PruneUnattachedDocuments(*store, blobs, app::SystemClock().Now(),
                                               std::chrono::days(o.older_than_days), o.dry_run);
  if (!summary) return global.out.ReportError(summary.error());
  const double mib = static_cast<double>(summary->bytes) / (1 << 20);
  const auto verb = o.dry_run ? global.out.Say("Sẽ xoá", "Would remove") : global.out.Say("Đã xoá", "Removed");
  fmt::print("{} {} {} ({:.1f} MiB)\n", verb, summary->files,
             global.out.Say("tệp không hồ sơ nào dùng", "files no dossier uses"), mib);
  return 0;
}

}  // namespace

CommandRun SetUpFiles(CLI::App& command, GlobalOptions& global) {
  auto o = std::make_shared<PruneOptions>();
  auto run = std::make_shared<CommandRun>();
  command.require_subcommand(1);
  CLI::App* prune = command.add_subcommand(
      "prune", "Remove uploaded files no dossier names, last uploaded more than --older-than days ago");
  AddDbOption(*prune, global);
  prune->add_option("--older-than", o->older_than_days, "Days an unattached upload is kept (default 30)")
      ->check(CLI::Range(0, 3650));
  prune->add_flag("--dry-run", o->dry_run, "Only count what would be removed");
  prune->final_callback([&global, o, run] { *run = [&global, o] { return RunPrune(global, *o); }; });
  return [run]() -> int { return *run ? (*run)() : 2; };
}

}  // namespace motcua::cli
