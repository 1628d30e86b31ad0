#include "http/assistant_api.h"

#include <chrono>
#include <string>

#include "app/procedure_assistant.h"
#include "http/json_response.h"
#include "http/procedure_json.h"
#include "http/query_params.h"
#include "http/throttle.h"

namespace motcua::http {
namespace {

Response Ask(const AssistantApiContext& c, const Request& request) {
  if (auto refused = Throttle(c.limiter, request, "q", "câu hỏi", "questions")) return std::move(*refused);
  auto query = QueryParams::ParseKnown(ToStd(request.target()), {"q", "prefer_level"});
  if (!query) return ErrorResponse(query.error());
  auto question = query->Require("q");
  if (!question) return ErrorResponse(question.error());
  std::optional<std::string> level;
  if (const auto given = query->Get("prefer_level")) level = std::string(*given);
  auto store = c.stores.ForThisThread();
  if (!store) return ErrorResponse(store.error());
  auto reply = app::AskAssistant(c.procedures, **store, *question, level, c.rephraser);
  if (!reply) return ErrorResponse(reply.error());
  return JsonResponse(Status::ok, AssistantReplyJson(*reply));
}

}  // namespace

void AddAssistantApi(Router& router, const AssistantApiContext& context) {
  router.Add(Method::get, "/api/v1/assistant",
             Handler([context](const Request& request) { return Ask(context, request); }));
}

}  // namespace motcua::http
