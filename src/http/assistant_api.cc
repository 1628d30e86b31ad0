#include "http/assistant_api.h"

#include <chrono>
#include <string>

#include "app/procedure_assistant.h"
#include "http/json_response.h"
#include "http/procedure_json.h"
#include "http/query_params.h"

namespace motcua::http {
namespace {

Response TooManyRequests(long long retry_after_seconds) {
  const std::string seconds = std::to_string(retry_after_seconds);
  Response response =
      ErrorResponse(Status::too_many_requests, "rate_limited", "hỏi nhanh quá, thử lại sau " + seconds + " giây",
                    "too many questions, try again in " + seconds + " s", "q");
  response.set(boost::beast::http::field::retry_after, seconds);
  return response;
}

Response Ask(const AssistantApiContext& c, const Request& request) {
  // Monotonic time for the buckets: a wall-clock step must not refill or drain them.
  const auto client = request[kClientAddressHeader];
  if (const long long wait = c.limiter.Allow(ToStd(client), std::chrono::steady_clock::now()); wait > 0) {
    return TooManyRequests(wait);
  }
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
