#pragma once
// The assistant's public route: a question in one's own words, answered from the catalogue.
//
//   GET /api/v1/assistant?q=&prefer_level=   the answer with its cited sections, or the message and
//                                            suggestions when no procedure fits (procedure_json.h)
//
// With a language model configured (`rephraser`, off by default) the reply's "rephrased" holds the answer
// reworded by it, checked to add nothing; null otherwise, and "answer" with its cited sections is there either way.
//
// Anyone may ask without logging in, so each client address is rate-limited (rate_limiter.h): a 429 with
// Retry-After and the error body naming "q" when it asks too fast.
//
// Thread-safety: called from every server thread; uses the calling thread's store and the shared catalogue and
// limiter, both thread-safe.
#include "app/answer_rephraser.h"
#include "app/procedure_catalogue.h"
#include "http/rate_limiter.h"
#include "http/router.h"
#include "store/store_provider.h"

namespace motcua::http {

struct AssistantApiContext {
  store::StoreProvider& stores;
  const app::ProcedureCatalogue& procedures;
  RateLimiter& limiter;
  const app::AnswerRephraser* rephraser = nullptr;  // the province's language model; nullptr: off
};

void AddAssistantApi(Router& router, const AssistantApiContext& context);

}  // namespace motcua::http
