// motcua settings list | set NAME VALUE: the settings the law leaves to the province (app/province_settings.h),
// such as how working days are counted. The command line acts as the operator who holds the database file; a
// running server reads them when it starts.
#include <fmt/core.h>

#include <memory>
#include <string>

#include "app/clock.h"
#include "app/province_settings.h"
#include "cli/command.h"

namespace motcua::cli {
namespace {

constexpr const char* kOperator = "cli";

struct SettingOptions {
  std::string name;
  std::string value;
};

int RunList(const GlobalOptions& global) {
  int exit_code = 0;
  auto store = OpenStoreOrReport(global, exit_code);
  if (!store) return exit_code;
  auto values = app::ListProvinceSettings(*store);
  if (!values) return global.out.ReportError(values.error());
  for (const app::ProvinceSettingValue& v : *values) {
    const std::string origin = v.set ? fmt::format("{} {} {}", global.out.Say("đặt bởi", "set by"), v.set->set_by,
                                                   FormatIsoLocal(v.set->set_at))
                                     : std::string(global.out.Say("mặc định", "default"));
    fmt::print("{}\t{}\t({})\n  {}\n", v.spec->name, v.value, origin,
               global.out.Say(v.spec->meaning_vi, v.spec->meaning_en));
  }
  return 0;
}

int RunSet(const GlobalOptions& global, const SettingOptions& o) {
  int exit_code = 0;
  auto store = OpenStoreOrReport(global, exit_code);
  if (!store) return exit_code;
  auto saved = app::SetProvinceSetting(*store, o.name, o.value, kOperator, app::SystemClock().Now());
  if (!saved) return global.out.ReportError(saved.error());
  fmt::print("{}\t{}\t{}\n", saved->name, saved->value,
             global.out.Say("(có hiệu lực khi máy chủ khởi động lại)", "(takes effect when the server starts)"));
  return 0;
}

}  // namespace

CommandRun SetUpSettings(CLI::App& command, GlobalOptions& global) {
  auto o = std::make_shared<SettingOptions>();
  auto run = std::make_shared<CommandRun>();
  command.require_subcommand(1);
  CLI::App* list = command.add_subcommand("list", "List the settings, their values and who set them");
  AddDbOption(*list, global);
  list->final_callback([&global, run] { *run = [&global] { return RunList(global); }; });
  CLI::App* set = command.add_subcommand("set", "Set a setting (kept with who set it and when)");
  AddDbOption(*set, global);
  set->add_option("name", o->name, "The setting, e.g. working_days")->required();
  set->add_option("value", o->value, "Its value, e.g. civil_code")->required();
  set->final_callback([&global, o, run] { *run = [&global, o] { return RunSet(global, *o); }; });
  return [run]() -> int { return *run ? (*run)() : 2; };
}

}  // namespace motcua::cli
