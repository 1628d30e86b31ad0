// motcua report: the periodic report (form II.06a and extras) and the Decision 766 index of a unit or a
// province over a period, as a table, JSON or CSV; `--ranking` ranks a province's communes instead.
#include <fmt/core.h>

#include "app/clock.h"
#include "app/periodic_reports.h"
#include "app/report_csv.h"
#include "cli/command.h"
#include "http/report_json.h"

namespace motcua::cli {
namespace {

struct ReportOptions {
  std::string unit, province, agency, from, to, by, side = "receiving", format = "table";
  bool ranking = false;
};

std::string Cell(const std::optional<double>& value) { return value ? fmt::format("{:.2f}", *value) : "—"; }

// "—" where the row has no balances to read the column from (a breakdown by official).
std::string Figure(const ReportColumn& column, const app::ReportRow& row) {
  if (!row.balances && column.from_balances) return "—";
  return std::to_string(column.value(row.figures));
}

void PrintTable(const GlobalOptions& global, const app::PeriodicReport& report) {
  const bool en = global.out.language() == Language::kEnglish;
  fmt::print("{} — {} {} → {}\n", report.scope_label, global.out.Say("kỳ báo cáo", "period"),
             FormatIsoDate(report.request.first_day), FormatIsoDate(report.request.last_day));
  std::vector<const app::ReportRow*> rows;
  for (const app::ReportRow& row : report.rows) rows.push_back(&row);
  rows.push_back(&report.total);
  fmt::print("{:>5} {:<42}", "", "");
  for (std::size_t i = 0; i + 1 < rows.size(); ++i) fmt::print(" {:>8}", i + 1);
  fmt::print(" {:>8}\n", global.out.Say("Tổng", "Total"));
  for (const ReportColumn& column : ReportColumns()) {
    fmt::print("{:>5} {:<42}", column.number, en ? column.label_en : column.label_vi);
    for (const app::ReportRow* row : rows) fmt::print(" {:>8}", Figure(column, *row));
    fmt::print("\n");
  }
  for (const ReportRate& rate : ReportRates()) {
    fmt::print("{:>5} {:<42}", "%", en ? rate.label_en : rate.label_vi);
    for (const app::ReportRow* row : rows) fmt::print(" {:>8}", Cell(rate.value(row->figures)));
    fmt::print("\n");
  }
  if (!report.rows.empty()) {
    fmt::print("{}:\n", global.out.Say("Cột", "Columns"));
    for (std::size_t i = 0; i < report.rows.size(); ++i) fmt::print("  {}. {}\n", i + 1, report.rows[i].label);
  }
  fmt::print("{}: {:.2f} / {:.0f} {}\n", global.out.Say("Chỉ số 766", "Decision 766 index"), report.index.points,
             report.index.measured_max, global.out.Say("điểm đo được", "measurable points"));
  for (const GroupScore& group : report.index.groups) {
    fmt::print("  {:<32} {:>6.2f} / {:>2.0f}  ({} {:.0f})\n", group.label_vi, group.points, group.measured_max,
               global.out.Say("tối đa theo Quyết định", "decision's maximum"), group.max_points);
  }
}

int RunReport(GlobalOptions& global, const ReportOptions& options) {
  int exit_code = 0;
  auto store = OpenStoreOrReport(global, exit_code);
  if (!store) return exit_code;
  auto first = ParseIsoDate(options.from, "from");
  if (!first) return global.out.ReportError(first.error());
  auto last = ParseIsoDate(options.to, "to");
  if (!last) return global.out.ReportError(last.error());
  auto side = app::ParseReportSide(options.side);
  if (!side) return global.out.ReportError(side.error());
  const bool english = global.out.language() == Language::kEnglish;
  const Instant now = app::SystemClock().Now();
  if (options.ranking) {
    auto ranking = app::RankUnits(*store, options.province, *first, *last, *side, now);
    if (!ranking) return global.out.ReportError(ranking.error());
    if (options.format == "csv") {
      fmt::print("{}", app::RankingCsv(*ranking, english));
    } else if (options.format == "json") {
      fmt::print("{}\n", http::RankingJson(*ranking).dump(2));
    } else {
      for (const app::RankedUnit& u : *ranking) {
        fmt::print("{:>4} {} {:<32} {:>6.2f} / {:.0f}  {} {}\n",
                   u.rank == 0 ? std::string("—") : std::to_string(u.rank), u.unit, u.name, u.index.points,
                   u.index.measured_max, u.figures.received_total(), global.out.Say("hồ sơ", "dossiers"));
      }
    }
    return 0;
  }
  auto by = app::ParseReportBreakdown(options.by);
  if (!by) return global.out.ReportError(by.error());
  const auto optional = [](const std::string& text) {
    return text.empty() ? std::nullopt : std::optional<std::string>(text);
  };
  const app::ReportRequest request{
      *side, optional(options.unit), optional(options.province), optional(options.agency), *first, *last, *by};
  auto report = app::BuildPeriodicReport(*store, request, now);
  if (!report) return global.out.ReportError(report.error());
  if (options.format == "csv") {
    fmt::print("{}", app::PeriodicReportCsv(*report, english));
  } else if (options.format == "json") {
    fmt::print("{}\n", http::PeriodicReportJson(*report).dump(2));
  } else {
    PrintTable(global, *report);
  }
  return 0;
}

}  // namespace

CommandRun SetUpReport(CLI::App& command, GlobalOptions& global) {
  auto options = std::make_shared<ReportOptions>();
  AddDbOption(command, global);
  auto* unit = command.add_option("--unit", options->unit, "The commune (or province-level unit) code");
  auto* province = command.add_option("--province", options->province, "A whole province, by its code");
  unit->excludes(province);
  command.add_option("--agency", options->agency, "Only this competent agency (its electronic ID)");
  command.add_option("--from", options->from, "First day of the period, YYYY-MM-DD")->required();
  command.add_option("--to", options->to, "Last day of the period (included), YYYY-MM-DD")->required();
  command.add_option("--by", options->by, "Split by field, procedure, official, unit, agency or channel");
  command.add_option("--side", options->side,
                     "receiving (dossiers received at the unit's points, the default) or competent (decided there)");
  command.add_option("--format", options->format, "table (default), json or csv (UTF-8 with BOM)")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  command.add_flag("--ranking", options->ranking, "Rank the communes of --province by the Decision 766 index");
  return [&global, options]() { return RunReport(global, *options); };
}

}  // namespace motcua::cli
