// motcua calendar due: the moment a processing time ends, counted on the work calendar.
#include <fmt/core.h>

#include "app/work_calendar_loader.h"
#include "cli/command.h"

namespace motcua::cli {
namespace {

struct DueOptions {
  std::string from;
  double amount = 0;
  std::string unit;
};

int RunDue(GlobalOptions& global, const DueOptions& options) {
  auto from = ParseIsoInstant(options.from, "from");
  if (!from) return global.out.ReportError(from.error());
  auto unit = ParseTimeUnit(options.unit);
  if (!unit) {
    return global.out.ReportError(Error::InvalidArgument(
        "unit", "đơn vị '" + options.unit + "' không hợp lệ (working_day, day, working_hour, month)",
        "unit '" + options.unit + "' is not one of working_day, day, working_hour, month"));
  }
  int exit_code = 0;
  auto store = OpenStoreOrReport(global, exit_code);
  if (!store) return exit_code;
  auto due = app::ComputeDueMoment(*store, *from, options.amount, *unit);
  if (!due) return global.out.ReportError(due.error());
  fmt::print("{}\n", FormatIsoLocal(*due));
  return 0;
}

}  // namespace

CommandRun SetUpCalendar(CLI::App& command, GlobalOptions& global) {
  auto options = std::make_shared<DueOptions>();
  AddDbOption(command, global);
  command.require_subcommand(1);
  CLI::App* due = command.add_subcommand(
      "due", "Print the due moment (ISO 8601, +07:00) of a processing time counted from a moment of receipt");
  due->add_option("--from", options->from, "Moment of receipt, ISO 8601 (e.g. 2026-01-09T16:59:00+07:00)")->required();
  due->add_option("--amount", options->amount, "How much time (e.g. 3, or 0.5)")->required();
  due->add_option("--unit", options->unit, "working_day | day | working_hour | month")->required();
  AddDbOption(*due, global);
  return [&global, options]() { return RunDue(global, *options); };
}

}  // namespace motcua::cli
