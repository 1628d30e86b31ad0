#include "http/session_api.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "domain/search_level.h"
#include "http/json_body.h"
#include "http/json_response.h"
#include "http/request_account.h"
#include "http/request_notes.h"
#include "http/throttle.h"

namespace motcua::http {
namespace {

// The level of procedures the account's searches rank first (prefer_level of GET /api/v1/procedures), or null.
nlohmann::json SearchLevelJson(const Account& account) {
  const auto level = PreferredSearchLevel(account);
  return level ? nlohmann::json(std::string(*level)) : nlohmann::json(nullptr);
}

nlohmann::json AccountJson(const Account& account) {
  return {{"login", account.login},
          {"display_name", account.display_name},
          {"role", std::string(RoleName(account.role))},
          {"role_label", std::string(RoleLabelVi(account.role))},
          {"units", account.units},
          {"search_level", SearchLevelJson(account)}};
}

struct Credentials {
  std::string login;
  std::string password;
};

// The body of a login: a JSON object with exactly a string "login" and a string "password". Their lengths are
// bounded well above any that an account may have (ValidateLogin, ValidatePassword), so that a huge body is
// refused before it reaches the password hash; blank ones are left for Login to refuse like any wrong one.
Result<Credentials> ParseCredentials(const std::string& body) {
  auto json = JsonBody::Parse(body);
  if (!json) return Fail(json.error());
  JsonObject root = json->Root();
  Credentials credentials{.login = root.RequiredString("login", 300, Blank::kAllowed),
                          .password = root.RequiredString("password", 1024, Blank::kAllowed)};
  if (auto done = json->Finish(); !done) return Fail(done.error());
  return credentials;
}

// Runs `body` with the calling thread's Accounts, mapping a store failure to its error response.
template <typename F>
Response WithAccounts(const SessionApiContext& context, F&& body) {
  auto store = context.stores.ForThisThread();
  if (!store) return ErrorResponse(store.error());
  app::Accounts accounts(**store, context.clock, context.hasher, context.tokens, context.settings);
  return body(accounts);
}

Response Refused(const Request& request, const Error& error, std::string_view who) {
  LogAuthRefused(request, who, error);
  return ErrorResponse(error);
}

// 503 with Retry-After: too many logins are being checked at once (app/hashing_gate.h).
Response ServerBusy() {
  Response response = ErrorResponse(
      Error::Unavailable("login", "máy chủ đang bận kiểm tra nhiều lượt đăng nhập, xin thử lại sau ít giây",
                         "the server is busy checking many logins; try again in a few seconds"));
  response.set(boost::beast::http::field::retry_after, "1");
  return response;
}

}  // namespace

// "Bearer TOKEN"; the scheme in any case and more than one space before the token, as RFC 9110 §11.1 allows.
Result<std::string> BearerToken(const Request& request) {
  const std::string_view header = ToStd(request[boost::beast::http::field::authorization]);
  constexpr std::string_view kScheme = "bearer";
  const bool is_bearer = header.size() > kScheme.size() && header[kScheme.size()] == ' ' &&
                         std::ranges::equal(header.substr(0, kScheme.size()), kScheme, [](char a, char b) {
                           return std::tolower(static_cast<unsigned char>(a)) == b;
                         });
  const std::size_t token = is_bearer ? header.find_first_not_of(' ', kScheme.size()) : std::string_view::npos;
  if (token == std::string_view::npos) {
    return Fail(Error::Unauthenticated("authorization", "cần đăng nhập (thiếu mã phiên 'Bearer')",
                                       "login required (no 'Bearer' session token)"));
  }
  return std::string(header.substr(token));
}

void AddSessionApi(Router& router, const SessionApiContext& context) {
  router.Add(Method::post, "/api/v1/sessions", [context](const Request& request) {
    auto credentials = ParseCredentials(request.body());
    if (!credentials) return ErrorResponse(credentials.error());
    // Guessing is slowed per client address, before any hashing (app/login_throttle.h).
    const std::string_view client = ToStd(request[kClientAddressHeader]);
    if (const long long wait = context.login_throttle.WaitFor(credentials->login, client, context.clock.Now());
        wait > 0) {
      return TooManyRequests(wait, "login", "lần đăng nhập sai từ máy này", "failed logins from this address");
    }
    // The hash is the costly part: a flood of logins waits here, not on every thread of the server.
    const auto permit = context.hashing.Enter();
    if (!permit) return ServerBusy();
    return WithAccounts(context, [&](app::Accounts& accounts) {
      auto session = accounts.Login(credentials->login, credentials->password);
      if (!session) {
        if (session.error().code == ErrorCode::kUnauthenticated) {
          context.login_throttle.RecordFailure(credentials->login, client, context.clock.Now());
        }
        return Refused(request, session.error(), credentials->login);
      }
      context.login_throttle.RecordSuccess(credentials->login, client);
      NoteLogin(session->account.login);
      return JsonResponse(Status::created, {{"token", session->token},
                                            {"expires_at", FormatIsoLocal(session->expires_at)},
                                            {"account", AccountJson(session->account)}});
    });
  });
  router.Add(Method::get, "/api/v1/me", [context](const Request& request) {
    auto token = BearerToken(request);
    if (!token) return Refused(request, token.error(), "-");
    return WithAccounts(context, [&](app::Accounts& accounts) {
      auto account = accounts.Authenticate(*token);
      if (!account) return Refused(request, account.error(), "-");
      NoteLogin(account->login);
      return JsonResponse(Status::ok, AccountJson(*account));
    });
  });
  router.Add(Method::delete_, "/api/v1/sessions/current", [context](const Request& request) {
    auto token = BearerToken(request);
    if (!token) return Refused(request, token.error(), "-");
    return WithAccounts(context, [&](app::Accounts& accounts) {
      if (auto out = accounts.Logout(*token); !out) return Refused(request, out.error(), "-");
      Response response{Status::no_content, request.version()};
      response.keep_alive(request.keep_alive());
      return response;
    });
  });
}

}  // namespace motcua::http
