#include "http/sign_in_gate.h"

#include <algorithm>

#include "http/json_response.h"
#include "http/request_account.h"
#include "http/router.h"

namespace motcua::http {
namespace {

bool AnnouncesLargeBody(const RequestHead& head, std::size_t free_body_bytes) {
  return head.chunked || head.content_length.value_or(0) > free_body_bytes;
}

bool IsPublic(const SignInGateRules& rules, const Request& request) {
  const std::string_view path = PathOf(ToStd(request.target()));
  return std::ranges::any_of(
      rules.public_routes, [&](const auto& route) { return route.first == request.method() && route.second == path; });
}

}  // namespace

RequestGate MakeSignInGate(const SessionApiContext& context, SignInGateRules rules) {
  return [context, rules = std::move(rules)](const RequestHead& head) -> std::optional<Response> {
    if (!AnnouncesLargeBody(head, rules.free_body_bytes) || IsPublic(rules, head.request)) return std::nullopt;
    auto account = RequestAccount(context, head.request);
    if (account) return std::nullopt;
    return ErrorResponse(account.error());
  };
}

}  // namespace motcua::http
