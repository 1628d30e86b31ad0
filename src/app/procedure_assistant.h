#pragma once
// Use case: answer a question about procedures in the asker's own words ("làm sổ đỏ lần đầu hết bao nhiêu
// tiền?"). Finds the procedure meant (ProcedureCatalogue::Search: intent, fillers, synonyms, confidence), then
// answers the intent from that procedure's own fields and the province's settings (domain/procedure_answer.h),
// every section citing its source. When the search abstains there is no answer, only the message and the
// suggestions: the assistant never guesses. Where the province runs a language model (answer_rephraser.h, off by
// default), the answer is also reworded by it, beside the answer and never instead of it.
#include <optional>
#include <string>
#include <string_view>

#include "app/answer_rephraser.h"
#include "app/procedure_catalogue.h"
#include "domain/procedure_answer.h"
#include "store/store.h"

namespace motcua::app {

inline constexpr std::size_t kMaxQuestionBytes = 1000;

struct AssistantReply {
  std::string question;
  ProcedureMatches matches;               // hits (the first is the one answered) or suggestions
  std::optional<ProcedureAnswer> answer;  // none when the search abstained
  std::optional<std::string> rephrased;   // the answer reworded by the language model: none when it is off, failed
                                          // or added a fact (AddsNoFacts), or when there is no answer
};

// InvalidArgument naming "q" for an empty question or one over kMaxQuestionBytes, "prefer_level" for an unknown
// level; the store's errors otherwise. `preferred_level`: the asker's level ("commune" at a commune counter).
// `rephraser`: the province's language model, or nullptr (off); its failure is no error: the answer stands alone.
Result<AssistantReply> AskAssistant(const ProcedureCatalogue& catalogue, store::Store& store, std::string_view question,
                                    const std::optional<std::string>& preferred_level,
                                    const AnswerRephraser* rephraser);

}  // namespace motcua::app
