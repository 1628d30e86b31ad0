#pragma once
// The subcommands of `motcua`, as one table (ninja's habit): each entry registers its options on a
// CLI11 subcommand and returns the function to run once the command line is parsed.
#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <string>

#include "cli/cli_output.h"
#include "store/store.h"
#include "store/store_spec.h"

namespace motcua::cli {

// Options every subcommand shares.
struct GlobalOptions {
  std::string db;     // --db as typed; default $MOTCUA_DB or ./motcua.db. May hold a password: print Spec()->Shown()
  std::string files;  // --files; empty: the folder beside the SQLite file
  CliOutput out;

  // --db and --files read as a StoreSpec (store_spec.h); InvalidArgument naming the option at fault.
  Result<store::StoreSpec> Spec() const;
};

using CommandRun = std::function<int()>;
// Adds options to `command` (bound to storage the returned function captures) and returns the runner.
using CommandSetup = CommandRun (*)(CLI::App& command, GlobalOptions& global);

struct Command {
  const char* name;
  const char* help;
  CommandSetup setup;
};

CommandRun SetUpInit(CLI::App& command, GlobalOptions& global);
CommandRun SetUpUnits(CLI::App& command, GlobalOptions& global);
CommandRun SetUpProcedures(CLI::App& command, GlobalOptions& global);
CommandRun SetUpAsk(CLI::App& command, GlobalOptions& global);
CommandRun SetUpSynonyms(CLI::App& command, GlobalOptions& global);
CommandRun SetUpSettings(CLI::App& command, GlobalOptions& global);
CommandRun SetUpCalendar(CLI::App& command, GlobalOptions& global);
CommandRun SetUpServe(CLI::App& command, GlobalOptions& global);
CommandRun SetUpDossier(CLI::App& command, GlobalOptions& global);
CommandRun SetUpVerify(CLI::App& command, GlobalOptions& global);
CommandRun SetUpImport(CLI::App& command, GlobalOptions& global);
CommandRun SetUpExport(CLI::App& command, GlobalOptions& global);
CommandRun SetUpUser(CLI::App& command, GlobalOptions& global);
CommandRun SetUpReport(CLI::App& command, GlobalOptions& global);
CommandRun SetUpRebuild(CLI::App& command, GlobalOptions& global);
CommandRun SetUpBenchData(CLI::App& command, GlobalOptions& global);
CommandRun SetUpBackup(CLI::App& command, GlobalOptions& global);
CommandRun SetUpRestore(CLI::App& command, GlobalOptions& global);
CommandRun SetUpFiles(CLI::App& command, GlobalOptions& global);
CommandRun SetUpMigrate(CLI::App& command, GlobalOptions& global);

// Opens the store named by --db, reporting failure; nullptr when it failed (the error is printed and
// `exit_code` set).
std::unique_ptr<store::Store> OpenStoreOrReport(const GlobalOptions& global, int& exit_code);

// Adds the --db and --files options to a subcommand.
void AddDbOption(CLI::App& command, GlobalOptions& global);

}  // namespace motcua::cli
