#include "http/request_account.h"

#include <spdlog/spdlog.h>

#include "app/accounts.h"

namespace motcua::http {

Result<Account> RequestAccount(const SessionApiContext& context, const Request& request) {
  auto refused = [&](const Error& error) {
    spdlog::warn("auth refused target={} reason={}", ToStd(request.target()), error.message_en);
    return Fail(error);
  };
  auto token = BearerToken(request);
  if (!token) return refused(token.error());
  auto store = context.stores.ForThisThread();
  if (!store) return Fail(store.error());
  app::Accounts accounts(**store, context.clock, context.hasher, context.tokens, context.settings);
  auto account = accounts.Authenticate(*token);
  if (!account) return refused(account.error());
  return account;
}

void LogDenial(const Account& account, const Request& request, const Error& error) {
  spdlog::warn("access denied user={} role={} method={} target={} field={} reason={}", account.login,
               RoleName(account.role), ToStd(request.method_string()), ToStd(request.target()), error.field,
               error.message_en);
}

}  // namespace motcua::http
