// motcua ask "...": a question about procedures in one's own words, answered from the catalogue with the sources
// cited (app/procedure_assistant.h). Exit 3 when no procedure fits (the message says what to try). With
// --assistant-endpoint the province's language model's rewording is printed first, the cited answer after it.
#include <fmt/core.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "app/procedure_assistant.h"
#include "cli/assistant_model.h"
#include "cli/command.h"

namespace motcua::cli {
namespace {

struct AskOptions {
  std::string question;
  std::string prefer_level;
  AssistantModelOptions assistant;
};

void PrintAnswer(const ProcedureAnswer& answer, const GlobalOptions& global) {
  fmt::print("{}\n", global.out.language() == Language::kVietnamese ? answer.text_vi : answer.text_en);
  for (const AnswerSection& section : answer.sections) {
    fmt::print("\n## {}{}\n", global.out.Say(section.title_vi, section.title_en),
               section.missing ? global.out.Say(" (danh mục không có)", " (not in the catalogue)") : "");
    for (const std::string& line : section.lines) fmt::print("  {}\n", line);
    fmt::print("  [{}: {} · {}]\n", global.out.Say("nguồn", "source"), answer.code, section.source);
  }
  if (!answer.notes.empty()) {
    fmt::print("\n## {}\n", global.out.Say("Lưu ý", "Notes"));
    for (const std::string& note : answer.notes) fmt::print("  {}\n", note);
  }
  if (!answer.source_url.empty()) fmt::print("\n{}\n", answer.source_url);
}

int RunAsk(GlobalOptions& global, const AskOptions& options) {
  // Why a rewording is missing goes to stderr, so that stdout holds the answer alone.
  spdlog::set_default_logger(spdlog::stderr_color_st("ask"));
  auto rephraser = OpenAssistantRephraser(options.assistant);
  if (!rephraser) return global.out.ReportError(rephraser.error());
  int exit_code = 0;
  auto store = OpenStoreOrReport(global, exit_code);
  if (!store) return exit_code;
  auto catalogue = app::OpenProcedureCatalogue(*store);
  if (!catalogue) return global.out.ReportError(catalogue.error());
  std::optional<std::string> level;
  if (!options.prefer_level.empty()) level = options.prefer_level;
  auto reply = app::AskAssistant(*catalogue, *store, options.question, level, rephraser->get());
  if (!reply) return global.out.ReportError(reply.error());
  if (!reply->answer) {
    fmt::print(stderr, "{}\n",
               global.out.Say(app::NoMatchMessageVi(reply->matches), app::NoMatchMessageEn(reply->matches)));
    return 3;
  }
  if (reply->rephrased) {
    fmt::print("{}\n\n{}\n\n", *reply->rephrased,
               global.out.Say("(Mô hình ngôn ngữ diễn đạt lại; căn cứ là câu trả lời trích từ danh mục dưới đây.)",
                              "(Reworded by a language model; what counts is the catalogue's answer below.)"));
  }
  PrintAnswer(*reply->answer, global);
  return 0;
}

}  // namespace

CommandRun SetUpAsk(CLI::App& command, GlobalOptions& global) {
  auto options = std::make_shared<AskOptions>();
  command.add_option("question", options->question, "The question, e.g. \"làm sổ đỏ lần đầu hết bao nhiêu tiền\"")
      ->required();
  command.add_option("--prefer-level", options->prefer_level, "The asker's level: procedures of it first")
      ->check(CLI::IsMember({"ministry", "province", "commune", "other"}));
  AddDbOption(command, global);
  AddAssistantModelOptions(command, options->assistant);
  return [&global, options]() { return RunAsk(global, *options); };
}

}  // namespace motcua::cli
