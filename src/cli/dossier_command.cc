// motcua dossier show: a dossier's state, appointment and history, in Vietnamese (English with --lang en).
#include <fmt/core.h>

#include "app/clock.h"
#include "app/dossier_view.h"
#include "cli/command.h"

namespace motcua::cli {
namespace {

struct ShowOptions {
  std::string code;
};

std::string_view TimelinessLabel(const CliOutput& out, Timeliness t) {
  switch (t) {
    case Timeliness::kEarly:
      return out.Say("trước hạn", "early");
    case Timeliness::kOnTime:
      return out.Say("đúng hạn", "on time");
    case Timeliness::kLate:
      return out.Say("quá hạn", "late");
  }
  return "";
}

void PrintState(const CliOutput& out, const app::DossierView& view) {
  const DossierState& s = view.state;
  fmt::print("{} {}\n", out.Say("Hồ sơ", "Dossier"), s.code);
  fmt::print("  {}: {} {}\n", out.Say("Thủ tục", "Procedure"), s.procedure_code, view.procedure_name);
  fmt::print("  {}: {} ({})\n", out.Say("Người nộp", "Applicant"), s.applicant.name, s.applicant.citizen_id);
  fmt::print("  {}: {} / {}: {} ({})\n", out.Say("Nơi tiếp nhận", "Received at"), s.receiving_unit,
             out.Say("Cơ quan giải quyết", "Competent agency"), s.competent_agency, s.competent_unit);
  fmt::print("  {}: {}\n", out.Say("Trạng thái", "Status"),
             out.language() == Language::kVietnamese ? DossierStatusLabelVi(s.status) : DossierStatusName(s.status));
  if (s.received_at) fmt::print("  {}: {}\n", out.Say("Tiếp nhận lúc", "Received"), FormatIsoLocal(*s.received_at));
  if (s.due_at) {
    fmt::print("  {}: {}{}\n", out.Say("Hẹn trả", "Appointment"), FormatIsoLocal(*s.due_at),
               view.overdue ? out.Say("  — ĐÃ QUÁ HẠN", "  — OVERDUE") : "");
  }
  if (view.completion) {
    fmt::print("  {}: {} ({})\n", out.Say("Hoàn thành", "Completed"), FormatIsoLocal(*s.completed_at),
               TimelinessLabel(out, *view.completion));
  }
}

void PrintHistory(const CliOutput& out, const app::DossierView& view) {
  fmt::print("{}\n", out.Say("Lịch sử:", "History:"));
  for (const DossierEvent& e : view.history) {
    const std::string_view label =
        out.language() == Language::kVietnamese ? EventTypeLabelVi(e.payload) : EventTypeName(e.payload);
    fmt::print("  {:>3}  {}  {}  — {} ({}){}\n", e.seq, FormatIsoLocal(e.occurred_at), label, e.actor.user,
               e.actor.role, e.imported ? out.Say(" [nhập từ hệ thống khác]", " [imported]") : "");
  }
}

int RunShow(GlobalOptions& global, const ShowOptions& options) {
  int exit_code = 0;
  auto store = OpenStoreOrReport(global, exit_code);
  if (!store) return exit_code;
  auto view = app::ShowDossier(*store, options.code, app::SystemClock().Now(), DeadlinePolicy{});
  if (!view) return global.out.ReportError(view.error());
  PrintState(global.out, *view);
  PrintHistory(global.out, *view);
  return 0;
}

}  // namespace

CommandRun SetUpDossier(CLI::App& command, GlobalOptions& global) {
  auto options = std::make_shared<ShowOptions>();
  AddDbOption(command, global);
  command.require_subcommand(1);
  CLI::App* show = command.add_subcommand("show", "A dossier's status, appointment and history");
  show->add_option("code", options->code, "The dossier code, e.g. H15.50.05.13-261008-0975")->required();
  AddDbOption(*show, global);
  return [&global, options]() { return RunShow(global, *options); };
}

}  // namespace motcua::cli
