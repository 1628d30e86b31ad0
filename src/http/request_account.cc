#include "http/request_account.h"

#include <spdlog/spdlog.h>

#include "app/accounts.h"
#include "http/json_response.h"
#include "http/log_line.h"
#include "http/request_notes.h"

namespace motcua::http {

Result<Account> RequestAccount(const SessionApiContext& context, const Request& request) {
  auto refused = [&](const Error& error) {
    LogAuthRefused(request, "-", error);
    return Fail(error);
  };
  auto token = BearerToken(request);
  if (!token) return refused(token.error());
  auto store = context.stores.ForThisThread();
  if (!store) return Fail(store.error());
  app::Accounts accounts(**store, context.clock, context.hasher, context.tokens, context.settings);
  auto account = accounts.Authenticate(*token);
  if (!account) return refused(account.error());
  NoteLogin(account->login);
  return account;
}

std::string RequestIdOf(const Request& request) {
  const auto id = request.find(kRequestIdHeader);
  return id == request.end() ? "-" : std::string(ToStd(id->value()));
}

void LogAuthRefused(const Request& request, std::string_view who, const Error& error) {
  spdlog::warn("{}", LogLine("auth_refused")
                         .Text("request_id", RequestIdOf(request))
                         .Text("method", ToStd(request.method_string()))
                         .Text("target", RedactedTarget(ToStd(request.target())))
                         .Text("who", who)
                         .Text("reason", error.message_en)
                         .str());
}

void LogDenial(const Account& account, const Request& request, const Error& error) {
  spdlog::warn("{}", LogLine("access_denied")
                         .Text("request_id", RequestIdOf(request))
                         .Text("login", account.login)
                         .Text("role", RoleName(account.role))
                         .Text("method", ToStd(request.method_string()))
                         .Text("target", RedactedTarget(ToStd(request.target())))
                         .Text("field", error.field)
                         .Text("reason", error.message_en)
                         .str());
}

Response AccountFailure(const Account& account, const Request& request, const Error& error) {
  if (error.code == ErrorCode::kPermissionDenied) LogDenial(account, request, error);
  return ErrorResponse(error);
}

}  // namespace motcua::http
