// motcua init: create the database and load the reference catalogue.
#include <fmt/core.h>

#include <cstdlib>

#include "app/catalogue_installer.h"
#include "app/clock.h"
#include "app/demo_accounts.h"
#include "app/demo_dossiers.h"
#include "app/sodium_password_hasher.h"
#include "app/token_source.h"
#include "app/work_calendar_loader.h"
#include "cli/command.h"

namespace motcua::cli {
namespace {

struct InitOptions {
  std::string reference_dir;  // empty: the catalogue built into the binary
  bool all_warnings = false;
  bool demo = false;
};

// The demo accounts' password: $MOTCUA_DEMO_PASSWORD when set (scripts, browser tests), else a random one
// shown once.
std::string DemoPassword() {
  if (const char* given = std::getenv("MOTCUA_DEMO_PASSWORD"); given && *given) return given;
  return app::SodiumTokenSource().NewToken().substr(0, 16);
}

int AddDemoAccounts(const GlobalOptions& global, store::Store& store, const app::DemoPlan& plan) {
  auto commune = store.FindCommune(plan.unit);
  if (!commune) return global.out.ReportError(commune.error());
  const std::string province = *commune ? (*commune)->province_code : "";
  const app::SystemClock clock;
  app::SodiumPasswordHasher hasher;
  app::SodiumTokenSource tokens;
  app::Accounts accounts(store, clock, hasher, tokens);
  const std::string password = DemoPassword();
  auto made = app::CreateDemoAccounts(accounts, store, plan, province, password);
  if (!made) return global.out.ReportError(made.error());
  fmt::print("  {}:\n", global.out.Say("tài khoản mẫu", "demo accounts"));
  bool any_new = false;
  for (const app::DemoAccount& account : *made) {
    fmt::print("    {:<12} {:<14} {}\n", account.login, account.role,
               account.created ? "" : global.out.Say("(đã có, giữ mật khẩu cũ)", "(existed, password unchanged)"));
    any_new = any_new || account.created;
  }
  if (any_new)
    fmt::print("  {}: {}\n", global.out.Say("mật khẩu của tài khoản mới", "password of the new accounts"), password);
  return 0;
}

// Adds demonstration dossiers to a database that has none yet, so that `init --demo` stays repeatable, and the
// demo accounts that do not exist yet.
int AddDemoData(const GlobalOptions& global, store::Store& store) {
  app::DemoPlan plan;
  plan.end = app::SystemClock().Now();
  auto existing = store.DossierCodes({});
  if (!existing) return global.out.ReportError(existing.error());
  if (!existing->empty()) return AddDemoAccounts(global, store, plan);
  auto calendar = app::LoadWorkCalendar(store);
  if (!calendar) return global.out.ReportError(calendar.error());
  const app::LifecycleSettings settings;
  auto demo = app::CreateDemoDossiers(store, *calendar, settings, plan);
  if (!demo) return global.out.ReportError(demo.error());
  fmt::print("  {}: {} ({} {})\n",
             global.out.Say("hồ sơ mẫu tại xã Vân Sơn (05152)", "demo dossiers at Xã Vân Sơn (05152)"), demo->dossiers,
             demo->events, global.out.Say("sự kiện", "events"));
  return AddDemoAccounts(global, store, plan);
}

void PrintSummary(const GlobalOptions& global, const app::CatalogueInstall& install, const std::string& source) {
  const auto& c = install.counts;
  fmt::print("{} {} ({})\n", global.out.Say("Đã nạp danh mục vào", "Loaded the catalogue into"), global.Spec()->Shown(),
             source);
  fmt::print("  {}: {} / {}: {} / {}: {} / {}: {}\n", global.out.Say("tỉnh", "provinces"), c.provinces,
             global.out.Say("xã, phường, đặc khu", "communes"), c.communes,
             global.out.Say("đơn vị cũ (trước 2025)", "pre-2025 communes"), c.legacy_communes,
             global.out.Say("dòng sắp xếp 2025", "2025 arrangement rows"), c.legacy_links);
  fmt::print("  {}: {} ({} {}, {} {}) / {}: {}\n", global.out.Say("thủ tục", "procedures"), c.procedures,
             c.procedure_channels, global.out.Say("kênh", "channels"), c.procedure_documents,
             global.out.Say("thành phần hồ sơ", "dossier components"), global.out.Say("ngày lịch", "calendar days"),
             c.calendar_days);
  fmt::print("  {}: {}\n", global.out.Say("dòng ghi mới hoặc thay đổi", "rows inserted or changed"),
             install.changes.TotalWritten());
  if (install.changes.calendar_kept_admin_edits > 0) {
    fmt::print("  {}: {}\n",
               global.out.Say("ngày do quản trị sửa, giữ nguyên", "days edited by an administrator, kept"),
               install.changes.calendar_kept_admin_edits);
  }
}

void PrintWarnings(const GlobalOptions& global, const std::vector<Error>& warnings, bool all) {
  if (warnings.empty()) return;
  fmt::print("  {}: {}\n", global.out.Say("cảnh báo (dòng vẫn được nạp)", "warnings (rows still loaded)"),
             warnings.size());
  const std::size_t shown = all ? warnings.size() : std::min<std::size_t>(warnings.size(), 3);
  for (std::size_t i = 0; i < shown; ++i) fmt::print("    {}\n", global.out.Describe(warnings[i]));
  if (shown < warnings.size()) {
    fmt::print("    … {}\n", global.out.Say("xem tất cả với --all-warnings", "see all with --all-warnings"));
  }
}

}  // namespace

CommandRun SetUpInit(CLI::App& command, GlobalOptions& global) {
  auto options = std::make_shared<InitOptions>();
  AddDbOption(command, global);
  command
      .add_option("--reference", options->reference_dir,
                  "Load the catalogue from this folder (laid out like data/reference/) instead of the built-in one")
      ->check(CLI::ExistingDirectory);
  command.add_flag("--all-warnings", options->all_warnings, "List every warning, not only the first three");
  command.add_flag(
      "--demo", options->demo,
      "Also create demonstration dossiers (only in a database without dossiers) and accounts, one per role");
  return [&global, options]() -> int {
    int exit_code = 0;
    auto store = OpenStoreOrReport(global, exit_code);
    if (!store) return exit_code;
    std::unique_ptr<app::ReferenceFiles> files;
    if (options->reference_dir.empty())
      files = std::make_unique<app::BuiltInReferenceFiles>();
    else
      files = std::make_unique<app::DirectoryReferenceFiles>(options->reference_dir);
    auto install = app::InstallReferenceCatalogue(*store, *files);
    if (!install) {
      fmt::print(stderr, "{}\n",
                 global.out.Say("Danh mục có dòng sai; không ghi gì vào cơ sở dữ liệu:",
                                "The catalogue has bad rows; nothing was written:"));
      return global.out.ReportErrors(install.error());
    }
    PrintSummary(global, *install, files->Describe());
    PrintWarnings(global, install->warnings, options->all_warnings);
    return options->demo ? AddDemoData(global, *store) : 0;
  };
}

}  // namespace motcua::cli
