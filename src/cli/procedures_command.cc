// motcua procedures search: find procedures of the national catalogue.
#include <fmt/core.h>

#include "app/procedure_catalogue.h"
#include "cli/command.h"

namespace motcua::cli {
namespace {

struct SearchCommandOptions {
  std::string text;
  std::string level;
  std::string prefer_level;
  std::size_t limit = 10;
};

std::string Join(const std::vector<std::string>& items) {
  std::string joined;
  for (const auto& item : items) joined += (joined.empty() ? "" : ",") + item;
  return joined;
}

void PrintHits(const std::vector<app::ProcedureHit>& hits) {
  for (const auto& hit : hits) {
    const Procedure& p = hit.procedure;
    fmt::print("{}  {}  [{}; {}]{}\n", p.code, p.name, p.field, Join(p.levels),
               hit.abolished_level ? "  (cấp huyện — đã bãi bỏ)" : "");
  }
}

int RunSearch(GlobalOptions& global, const SearchCommandOptions& options) {
  int exit_code = 0;
  auto store = OpenStoreOrReport(global, exit_code);
  if (!store) return exit_code;
  auto catalogue = app::OpenProcedureCatalogue(*store);
  if (!catalogue) return global.out.ReportError(catalogue.error());
  SearchOptions search;
  search.limit = options.limit;
  if (!options.level.empty()) search.level = options.level;
  if (!options.prefer_level.empty()) search.preferred_level = options.prefer_level;
  auto matches = catalogue->Search(options.text, search);
  if (!matches) return global.out.ReportError(matches.error());
  if (matches->abstained) {
    fmt::print(stderr, "{}\n", global.out.Say(app::NoMatchMessageVi(*matches), app::NoMatchMessageEn(*matches)));
    return 3;
  }
  PrintHits(matches->hits);
  return 0;
}

}  // namespace

CommandRun SetUpProcedures(CLI::App& command, GlobalOptions& global) {
  auto options = std::make_shared<SearchCommandOptions>();
  AddDbOption(command, global);
  command.require_subcommand(1);
  CLI::App* search = command.add_subcommand("search", "Search by name, code or a question in one's own words");
  search->add_option("text", options->text, "What to look for, e.g. \"dang ky khai sinh\"")->required();
  const auto levels = CLI::IsMember({"ministry", "province", "commune", "other"});
  search->add_option("--level", options->level, "Only procedures of this level")->check(levels);
  search->add_option("--prefer-level", options->prefer_level, "Procedures of this level first")->check(levels);
  search->add_option("--limit", options->limit, "At most this many results (default 10)")->check(CLI::Range(1, 1000));
  AddDbOption(*search, global);
  return [&global, options]() { return RunSearch(global, *options); };
}

}  // namespace motcua::cli
