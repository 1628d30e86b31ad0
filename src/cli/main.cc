// motcua — one binary for the one-stop centers: serve, init, units, procedures, calendar...
#include <CLI/CLI.hpp>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

#include "cli/command.h"
#include "store/store_factory.h"

namespace motcua::cli {
namespace {

constexpr Command kCommands[] = {
    {"init", "Create the database and load the reference catalogue (units, procedures, days off)", SetUpInit},
    {"serve", "Start the HTTP server", SetUpServe},
    {"units", "Administrative units: the communes of a province, or where a pre-2025 commune went", SetUpUnits},
    {"procedures", "The national catalogue of administrative procedures", SetUpProcedures},
    {"ask", "Ask about a procedure in your own words; the answer cites the catalogue", SetUpAsk},
    {"synonyms", "The province's own search synonyms: list, add, retire", SetUpSynonyms},
    {"settings", "The settings the law leaves to the province (how working days are counted): list, set",
     SetUpSettings},
    {"calendar", "The work calendar: due moments counted in working days, days, working hours, months", SetUpCalendar},
    {"dossier", "Dossiers: show one with its history", SetUpDossier},
    {"import", "Import dossier events (offline backfill, migration) from JSON Lines", SetUpImport},
    {"export", "Export dossier events as JSON Lines", SetUpExport},
    {"verify", "Check every dossier's hash chain; name the first broken link (exit 4)", SetUpVerify},
    {"backup", "Back up the database and its document files into a new folder, while the server runs", SetUpBackup},
    {"restore", "Restore a backup after checking every file against its manifest (server stopped)", SetUpRestore},
    {"files", "Uploaded document files: prune those no dossier took", SetUpFiles},
    {"user", "Accounts: add one, set its password (read from standard input), disable it", SetUpUser},
    {"report", "The periodic report and Decision 766 index of a unit or province over a period", SetUpReport},
    {"rebuild", "Rebuild the report counters from the dossier events (--check: only compare)", SetUpRebuild},
    {"migrate", "Move a whole database to another engine (a SQLite file into PostgreSQL), checked before and after",
     SetUpMigrate},
    {"bench-data", "Generate a province's history of dossiers for benchmarks, through the lifecycle use cases",
     SetUpBenchData},
};

std::string DefaultDbPath() {
  const char* from_env = std::getenv("MOTCUA_DB");
  return from_env != nullptr && *from_env != '\0' ? from_env : "motcua.db";
}

Language DefaultLanguage() {
  const char* from_env = std::getenv("MOTCUA_LANG");
  return from_env != nullptr && std::string(from_env) == "en" ? Language::kEnglish : Language::kVietnamese;
}

}  // namespace

Result<store::StoreSpec> GlobalOptions::Spec() const {
  return store::StoreSpec::Parse(db, files.empty() ? std::nullopt : std::optional<std::filesystem::path>(files));
}

void AddDbOption(CLI::App& command, GlobalOptions& global) {
  command.add_option("--db", global.db,
                     "SQLite database file or postgresql:// URL (default: $MOTCUA_DB, else ./motcua.db)");
  command.add_option("--files", global.files,
                     "Folder of document files (default: <db>.files beside the database file)");
}

std::unique_ptr<store::Store> OpenStoreOrReport(const GlobalOptions& global, int& exit_code) {
  auto spec = global.Spec();
  if (!spec) {
    exit_code = global.out.ReportError(spec.error());
    return nullptr;
  }
  auto opened = store::OpenStore(*spec);
  if (!opened) {
    exit_code = global.out.ReportError(opened.error());
    return nullptr;
  }
  return std::move(*opened);
}

int Main(int argc, char** argv) {
  GlobalOptions global;
  global.db = DefaultDbPath();
  global.out.set_language(DefaultLanguage());

  CLI::App app{"motcua — hệ thống một cửa / one-stop public administration service centers"};
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 success, 1 operation failed, 2 bad usage or invalid input, 3 not found, 4 tampering found.");
  std::string language = "vi";
  app.add_option("--lang", language, "Language of messages: vi (default) or en")->check(CLI::IsMember({"vi", "en"}));
  app.parse_complete_callback([&] {
    if (app.count("--lang") > 0) global.out.set_language(language == "en" ? Language::kEnglish : Language::kVietnamese);
  });

  CommandRun run;
  for (const Command& command : kCommands) {
    CLI::App* sub = app.add_subcommand(command.name, command.help);
    CommandRun runner = command.setup(*sub, global);
    sub->final_callback([&run, runner] { run = runner; });
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  return run ? run() : 2;
}

}  // namespace motcua::cli

int main(int argc, char** argv) { return motcua::cli::Main(argc, argv); }
