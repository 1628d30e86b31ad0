// motcua import events FILE / motcua export events: dossier histories as JSON Lines (docs/events-jsonl.md).
#include <fmt/core.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

#include "app/event_transfer.h"
#include "app/lifecycle_settings.h"
#include "cli/command.h"

namespace motcua::cli {
namespace {

struct ImportOptions {
  std::string file;
  std::string importer;
};

struct ExportOptions {
  std::string unit;
  std::string from;
  std::string to;
};

std::string DefaultImporter() {
  const char* user = std::getenv("USER");
  return user != nullptr && *user != '\0' ? user : "admin";
}

// Writes the lines of held dossiers next to the input, for a person to resolve the unit and re-import.
void WriteHolds(const CliOutput& out, const std::string& file, const std::vector<app::ImportHold>& holds) {
  if (holds.empty()) return;
  const std::string held_file = file + ".held.jsonl";
  std::ofstream held(held_file);
  for (const auto& hold : holds) {
    for (const auto& line : hold.lines) held << line << '\n';
    fmt::print("  {} {} ({} {}, {} {}):", out.Say("GIỮ LẠI hồ sơ", "HELD dossier"), hold.dossier_code,
               out.Say("dòng", "line"), hold.line, hold.field, hold.old_code);
    for (const auto& c : hold.candidates) fmt::print(" {} {};", c.commune_code, c.commune_name);
    fmt::print("\n");
  }
  fmt::print("  {} {}\n", out.Say("Các dòng bị giữ lại đã ghi vào", "Held lines written to"), held_file);
}

int RunImport(GlobalOptions& global, const ImportOptions& options) {
  std::ifstream in(options.file);
  if (!in) {
    return global.out.ReportError(
        Error::NotFound("file", "không mở được tệp '" + options.file + "'", "cannot open '" + options.file + "'"));
  }
  int exit_code = 0;
  auto store = OpenStoreOrReport(global, exit_code);
  if (!store) return exit_code;
  const app::SystemClock clock;
  auto report = app::ImportEvents(*store, clock, in, options.importer, app::LifecycleSettings{}.limits);
  if (!report) return global.out.ReportError(report.error());
  fmt::print("{}: {} {}, {} {}, {} {}\n", global.out.Say("Đã nhập", "Imported"), report->dossiers_imported,
             global.out.Say("hồ sơ", "dossiers"), report->events_imported, global.out.Say("sự kiện", "events"),
             report->events_already_present,
             global.out.Say("sự kiện đã có (bỏ qua)", "events already present (skipped)"));
  for (const auto& p : report->problems) {
    fmt::print(stderr, "{} {} {} ({}): {}\n", global.out.Say("lỗi dòng", "error line"), p.line,
               global.out.Say("hồ sơ", "dossier"), p.dossier_code, global.out.Describe(p.error));
  }
  WriteHolds(global.out, options.file, report->holds);
  return report->problems.empty() && report->holds.empty() ? 0 : 2;
}

Result<store::DossierFilter> ParseFilter(const ExportOptions& options) {
  store::DossierFilter filter;
  if (!options.unit.empty()) filter.unit = options.unit;
  if (!options.from.empty()) {
    auto from = ParseIsoDate(options.from, "from");
    if (!from) return Fail(from.error());
    filter.from = ToInstant(LocalTime(*from));
  }
  if (!options.to.empty()) {
    auto to = ParseIsoDate(options.to, "to");
    if (!to) return Fail(to.error());
    filter.to = ToInstant(LocalTime(*to + std::chrono::days(1)));  // --to is inclusive
  }
  return filter;
}

int RunExport(GlobalOptions& global, const ExportOptions& options) {
  auto filter = ParseFilter(options);
  if (!filter) return global.out.ReportError(filter.error());
  int exit_code = 0;
  auto store = OpenStoreOrReport(global, exit_code);
  if (!store) return exit_code;
  auto written = app::ExportEvents(*store, *filter, std::cout);
  if (!written) return global.out.ReportError(written.error());
  std::cout.flush();
  return 0;
}

}  // namespace

CommandRun SetUpImport(CLI::App& command, GlobalOptions& global) {
  auto options = std::make_shared<ImportOptions>();
  options->importer = DefaultImporter();
  AddDbOption(command, global);
  command.require_subcommand(1);
  CLI::App* events =
      command.add_subcommand("events", "Import dossier events from a JSON Lines file (docs/events-jsonl.md)");
  events->add_option("file", options->file, "The .jsonl file")->required();
  events->add_option("--importer", options->importer, "Who imports (recorded on every event; default $USER)");
  AddDbOption(*events, global);
  return [&global, options]() { return RunImport(global, *options); };
}

CommandRun SetUpExport(CLI::App& command, GlobalOptions& global) {
  auto options = std::make_shared<ExportOptions>();
  AddDbOption(command, global);
  command.require_subcommand(1);
  CLI::App* events = command.add_subcommand("events", "Write dossier events as JSON Lines to standard output");
  events->add_option("--unit", options->unit, "Only dossiers received by or decided in this unit");
  events->add_option("--from", options->from, "Only dossiers received on or after this date (YYYY-MM-DD)");
  events->add_option("--to", options->to, "... and on or before this date (YYYY-MM-DD)");
  AddDbOption(*events, global);
  return [&global, options]() { return RunExport(global, *options); };
}

}  // namespace motcua::cli
