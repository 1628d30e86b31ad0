// motcua synonyms list | add PHRASE EXPANSION | retire ID: the province's own search synonyms
// (app/province_synonym_admin.h). The command line acts as the operator who holds the database file; a running
// server picks up what is changed here when it starts (the web's administrator screen changes it at once).
#include <fmt/core.h>

#include <cstdint>
#include <memory>
#include <string>

#include "app/clock.h"
#include "app/procedure_catalogue.h"
#include "app/province_synonym_admin.h"
#include "cli/command.h"

namespace motcua::cli {
namespace {

constexpr const char* kOperator = "cli";

struct SynonymOptions {
  std::string phrase;
  std::string expansion;
  std::int64_t id = 0;
};

template <typename Work>
int WithAdmin(const GlobalOptions& global, Work work) {
  int exit_code = 0;
  auto store = OpenStoreOrReport(global, exit_code);
  if (!store) return exit_code;
  auto catalogue = app::OpenProcedureCatalogue(*store);
  if (!catalogue) return global.out.ReportError(catalogue.error());
  const app::SystemClock clock;
  app::ProvinceSynonymAdmin admin(*store, clock, *catalogue);
  return work(admin);
}

void PrintSynonym(const GlobalOptions& global, const ProvinceSynonym& s) {
  const std::string state =
      s.active() ? std::string(global.out.Say("đang dùng", "active"))
                 : fmt::format("{} {} {}", global.out.Say("đã bỏ bởi", "retired by"), s.retired_by.value_or(""),
                               FormatIsoLocal(s.retired_at.value_or(Instant{})));
  fmt::print("{}\t{}\t→ {}\t{} {}\t{}\n", s.id, s.phrase, s.expansion, s.added_by, FormatIsoLocal(s.added_at), state);
}

int RunList(const GlobalOptions& global) {
  return WithAdmin(global, [&](app::ProvinceSynonymAdmin& admin) {
    auto synonyms = admin.List();
    if (!synonyms) return global.out.ReportError(synonyms.error());
    for (const ProvinceSynonym& s : *synonyms) PrintSynonym(global, s);
    if (synonyms->empty())
      fmt::print("{}\n", global.out.Say("Tỉnh chưa thêm từ đồng nghĩa nào.", "The province has added no synonym."));
    return 0;
  });
}

int RunAdd(const GlobalOptions& global, const SynonymOptions& o) {
  return WithAdmin(global, [&](app::ProvinceSynonymAdmin& admin) {
    auto added = admin.Add(kOperator, o.phrase, o.expansion);
    if (!added) return global.out.ReportError(added.error());
    PrintSynonym(global, *added);
    return 0;
  });
}

int RunRetire(const GlobalOptions& global, const SynonymOptions& o) {
  return WithAdmin(global, [&](app::ProvinceSynonymAdmin& admin) {
    auto retired = admin.Retire(kOperator, o.id);
    if (!retired) return global.out.ReportError(retired.error());
    PrintSynonym(global, *retired);
    return 0;
  });
}

}  // namespace

CommandRun SetUpSynonyms(CLI::App& command, GlobalOptions& global) {
  auto o = std::make_shared<SynonymOptions>();
  auto run = std::make_shared<CommandRun>();
  command.require_subcommand(1);
  CLI::App* list = command.add_subcommand("list", "List the province's synonyms, retired ones too");
  AddDbOption(*list, global);
  list->final_callback([&global, run] { *run = [&global] { return RunList(global); }; });
  CLI::App* add = command.add_subcommand("add", "Add a phrase people use and the catalogue's wording for it");
  AddDbOption(*add, global);
  add->add_option("phrase", o->phrase, "What people say, e.g. \"bìa xanh\"")->required();
  add->add_option("expansion", o->expansion, "Consecutive words of some procedure's name")->required();
  add->final_callback([&global, o, run] { *run = [&global, o] { return RunAdd(global, *o); }; });
  CLI::App* retire = command.add_subcommand("retire", "Stop using a synonym (it stays listed as retired)");
  AddDbOption(*retire, global);
  retire->add_option("id", o->id, "The synonym's number, from list")->required();
  retire->final_callback([&global, o, run] { *run = [&global, o] { return RunRetire(global, *o); }; });
  return [run]() -> int { return *run ? (*run)() : 2; };
}

}  // namespace motcua::cli
