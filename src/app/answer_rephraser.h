#pragma once
// Port: rewording an answer taken from the catalogue for the person who asked, by a language model a province
// runs itself (issue 14). The model may only rephrase: the answer stays the extracted one (procedure_answer.h)
// with its cited sections, and the rewording is shown beside it, never instead of it. An implementation checks
// the reply with AddsNoFacts (domain/rephrasing_check.h) before returning it; AskAssistant checks it again, so
// that no implementation can forget.
//
// Implementations live in src/adapters/ (adapters/openai/openai_rephraser.h: an OpenAI-compatible endpoint),
// are chosen once at start-up (`motcua serve --assistant-endpoint URL`), and are off by default.
//
// Thread-safety: Rephrase() is called from every server thread at once; implementations must allow that.
#include <string>
#include <string_view>

#include "domain/error.h"
#include "domain/procedure_answer.h"

namespace motcua::app {

class AnswerRephraser {  // thread-safe: called from every server thread
 public:
  virtual ~AnswerRephraser() = default;
  // Rewords answer.text_vi for the asker, in plain Vietnamese, adding nothing. Unavailable (field "assistant") on a
  // failure, timeout, refusal, or a reply that does not pass the fact check.
  virtual Result<std::string> Rephrase(std::string_view question, const ProcedureAnswer& answer) const = 0;
};

}  // namespace motcua::app
