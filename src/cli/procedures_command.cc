// motcua procedures search: find procedures of the national catalogue.
#include <fmt/core.h>

#include "app/procedure_finder.h"
#include "cli/command.h"

namespace motcua::cli {
namespace {

struct SearchCommandOptions {
  std::string text;
  std::string level;
  std::size_t limit = 10;
};

std::string Join(const std::vector<std::string>& items) {
  std::string joined;
  for (const auto& item : items) joined += (joined.empty() ? "" : ",") + item;
  return joined;
}

int RunSearch(GlobalOptions& global, const SearchCommandOptions& options) {
  int exit_code = 0;
  auto store = OpenStoreOrReport(global, exit_code);
  if (!store) return exit_code;
  SearchOptions search;
  search.limit = options.limit;
  if (!options.level.empty()) search.level = options.level;
  auto hits = app::SearchProcedures(*store, options.text, search);
  if (!hits) return global.out.ReportError(hits.error());
  if (hits->empty()) {
    fmt::print(stderr, "{}\n", global.out.Say("Không tìm thấy thủ tục nào.", "No procedure found."));
    return 3;
  }
  for (const auto& hit : *hits) {
    const Procedure& p = hit.procedure;
    fmt::print("{}  {}  [{}; {}]\n", p.code, p.name, p.field, Join(p.levels));
  }
  return 0;
}

}  // namespace

CommandRun SetUpProcedures(CLI::App& command, GlobalOptions& global) {
  auto options = std::make_shared<SearchCommandOptions>();
  AddDbOption(command, global);
  command.require_subcommand(1);
  CLI::App* search = command.add_subcommand("search", "Search by name (diacritics optional, typos tolerated) or code");
  search->add_option("text", options->text, "What to look for, e.g. \"dang ky khai sinh\"")->required();
  search->add_option("--level", options->level, "Only procedures of this level")
      ->check(CLI::IsMember({"ministry", "province", "commune", "other"}));
  search->add_option("--limit", options->limit, "At most this many results (default 10)")->check(CLI::Range(1, 1000));
  AddDbOption(*search, global);
  return [&global, options]() { return RunSearch(global, *options); };
}

}  // namespace motcua::cli
