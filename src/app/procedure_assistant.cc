#include "app/procedure_assistant.h"

#include <algorithm>
#include <utility>

#include "domain/rephrasing_check.h"

namespace motcua::app {
namespace {

constexpr std::size_t kOtherHits = 5;       // candidates listed under the answer
constexpr std::size_t kChoicesOffered = 3;  // when the question is ambiguous

Result<void> CheckQuestion(std::string_view question) {
  if (question.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Fail(Error::InvalidArgument("q", "câu hỏi không được để trống", "the question must not be empty"));
  }
  if (question.size() > kMaxQuestionBytes) {
    return Fail(Error::InvalidArgument("q", "câu hỏi dài quá " + std::to_string(kMaxQuestionBytes) + " byte",
                                       "the question is longer than " + std::to_string(kMaxQuestionBytes) + " bytes"));
  }
  return {};
}

// The rewording, or none. A failure (the model's server down, a refusal) costs only the rewording, so it is not
// an error of the question; the check is the port's contract, repeated here so that no implementation can forget.
std::optional<std::string> Reworded(const AnswerRephraser& rephraser, std::string_view question,
                                    const ProcedureAnswer& answer) {
  auto rephrased = rephraser.Rephrase(question, answer);
  if (!rephrased || !AddsNoFacts(*rephrased, answer)) return std::nullopt;
  return std::move(*rephrased);
}

}  // namespace

Result<AssistantReply> AskAssistant(const ProcedureCatalogue& catalogue, store::Store& store, std::string_view question,
                                    const std::optional<std::string>& preferred_level,
                                    const AnswerRephraser* rephraser) {
  if (auto ok = CheckQuestion(question); !ok) return Fail(ok.error());
  SearchOptions options;
  options.limit = kOtherHits + 1;
  options.preferred_level = preferred_level;
  auto matches = catalogue.Search(question, options);
  if (!matches) return Fail(matches.error());
  AssistantReply reply{std::string(question), std::move(*matches), std::nullopt, std::nullopt};
  if (reply.matches.abstained || reply.matches.hits.empty()) return reply;
  if (reply.matches.confidence < ProcedureSearch::kAnswerAbove) {
    // Listed but not confidently meant: ask which one rather than answer about the wrong procedure.
    auto& hits = reply.matches.hits;
    reply.matches.suggestions.assign(
        hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(std::min(kChoicesOffered, hits.size())));
    hits.clear();
    reply.matches.ambiguous = true;
    return reply;
  }
  auto procedure = catalogue.Details(store, reply.matches.hits.front().procedure.code);
  if (!procedure) return Fail(procedure.error());
  auto settings = store.FindProcedureSettings(procedure->code);
  if (!settings) return Fail(settings.error());
  reply.answer = AnswerQuestion(*procedure, reply.matches.intent, *settings, ChannelNamedIn(question));
  if (rephraser != nullptr) reply.rephrased = Reworded(*rephraser, question, *reply.answer);
  return reply;
}

}  // namespace motcua::app
