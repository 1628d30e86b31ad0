// motcua import events FILE / motcua export events: dossier histories as JSON Lines (docs/events-jsonl.md).
#include <fmt/core.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>

#include "app/event_transfer.h"
#include "app/lifecycle_settings.h"
#include "app/province_settings.h"
#include "cli/command.h"

namespace motcua::cli {
namespace {

struct ImportOptions {
  std::string file;
  std::string importer;
  std::string unit_map;  // CSV of a person's choices for split communes
  bool outside_files = false;
  bool quiet = false;
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

// A template of the unit map beside the input (app/unit_map.h): one row per held dossier, its new_code left for
// a person to fill in from the candidates.
void WriteUnitMapTemplate(const std::string& path, const std::vector<app::ImportHold>& holds) {
  std::ofstream csv(path);
  csv << "old_code,new_code,dossier_code,candidates\n";
  for (const auto& hold : holds) {
    std::string candidates;
    for (const auto& c : hold.candidates)
      candidates += (candidates.empty() ? "" : "; ") + c.commune_code + " " + c.commune_name;
    csv << hold.old_code << ",," << hold.dossier_code << ",\"" << candidates << "\"\n";
  }
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
  const std::string map_file = file + ".held.csv";
  WriteUnitMapTemplate(map_file, holds);
  fmt::print("  {} {}\n", out.Say("Các dòng bị giữ lại đã ghi vào", "Held lines written to"), held_file);
  fmt::print("  {} {} {} --unit-map {}\n",
             out.Say("Chọn xã mới (cột new_code) trong", "Choose the new commune (column new_code) in"), map_file,
             out.Say("rồi nhập lại: motcua import events", "then import again: motcua import events"), map_file);
}

void PrintSummary(const CliOutput& out, const app::ImportReport& r) {
  fmt::print("{}: {} {} ({} {}); {}: {} {} ({} {}); {}: {}; {}: {}; {}: {}\n", out.Say("Đã nhập", "Imported"),
             r.dossiers_imported, out.Say("hồ sơ", "dossiers"), r.events_imported, out.Say("sự kiện", "events"),
             out.Say("đã có, giống hệt (bỏ qua)", "already present, identical (skipped)"), r.dossiers_unchanged,
             out.Say("hồ sơ", "dossiers"), r.events_already_present, out.Say("sự kiện", "events"),
             out.Say("xung đột", "conflicts"), r.conflicts.size(), out.Say("bị từ chối", "rejected"),
             r.dossiers_rejected, out.Say("giữ lại", "held"), r.holds.size());
}

void PrintProblems(const CliOutput& out, const app::ImportReport& r) {
  for (const auto& p : r.problems) {
    fmt::print(stderr, "{} {} {} ({}): {}\n", out.Say("lỗi dòng", "error line"), p.line, out.Say("hồ sơ", "dossier"),
               p.dossier_code.empty() ? "?" : p.dossier_code, out.Describe(p.error));
  }
  for (const auto& c : r.conflicts) {
    fmt::print(stderr, "{} {} ({} {}): {}\n", out.Say("XUNG ĐỘT hồ sơ", "CONFLICT dossier"), c.dossier_code,
               out.Say("dòng", "line"), c.line,
               out.Say("khác với hồ sơ đã lưu, không ghi gì", "differs from the stored dossier, nothing written"));
    for (const auto& d : c.differences) {
      fmt::print(stderr, "  {} {} {}: {} → {}\n", out.Say("sự kiện", "event"), d.seq, d.field, d.stored, d.imported);
    }
  }
}

// Progress on standard error every 1,000 dossiers or 5 seconds, so that a long import is seen to move.
std::function<void(const app::ImportProgress&)> ProgressPrinter(const CliOutput& out) {
  auto last = std::make_shared<std::chrono::steady_clock::time_point>(std::chrono::steady_clock::now());
  return [&out, last](const app::ImportProgress& p) {
    const auto now = std::chrono::steady_clock::now();
    if (p.dossiers_done % 1000 != 0 && now - *last < std::chrono::seconds(5)) return;
    *last = now;
    fmt::print(stderr, "  … {}/{} {}\n", p.dossiers_done, p.dossiers_total, out.Say("hồ sơ", "dossiers"));
  };
}

Result<app::UnitMap> ReadUnitMap(const std::string& path) {
  if (path.empty()) return app::UnitMap{};
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(Error::NotFound("unit-map", "không mở được tệp '" + path + "'", "cannot open '" + path + "'"));
  const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return app::UnitMap::Parse(content, path);
}

// Exit codes: 0 every dossier imported or already present identically; 2 something was rejected, in conflict or
// held (listed; the rest is imported); 1 the store failed; 3 a file cannot be opened.
int RunImport(GlobalOptions& global, const ImportOptions& options) {
  std::ifstream in(options.file);
  if (!in) {
    return global.out.ReportError(
        Error::NotFound("file", "không mở được tệp '" + options.file + "'", "cannot open '" + options.file + "'"));
  }
  auto unit_map = ReadUnitMap(options.unit_map);
  if (!unit_map) return global.out.ReportError(unit_map.error());
  int exit_code = 0;
  auto store = OpenStoreOrReport(global, exit_code);
  if (!store) return exit_code;
  auto settings = app::LoadLifecycleSettings(*store);
  if (!settings) return global.out.ReportError(settings.error());
  app::ImportOptions import_options{options.importer, *settings, std::move(*unit_map), options.outside_files, nullptr};
  if (!options.quiet) import_options.progress = ProgressPrinter(global.out);
  const app::SystemClock clock;
  auto report = app::ImportEvents(*store, clock, in, import_options);
  if (!report) return global.out.ReportError(report.error());
  PrintSummary(global.out, *report);
  PrintProblems(global.out, *report);
  WriteHolds(global.out, options.file, report->holds);
  const bool all_in = report->problems.empty() && report->conflicts.empty() && report->holds.empty();
  return all_in ? 0 : 2;
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
  events->add_option("--unit-map", options->unit_map,
                     "CSV old_code,new_code[,dossier_code]: a person's choice of new commune for split communes "
                     "(FILE.held.csv, written by a run that held dossiers, is a template)");
  events->add_flag("--outside-files", options->outside_files,
                   "Digitized files stay in the system the history comes from: accept references that are not files "
                   "of this database");
  events->add_flag("--quiet", options->quiet, "No progress lines on standard error");
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
