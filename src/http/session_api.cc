#include "http/session_api.h"

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "http/json_response.h"

namespace motcua::http {
namespace {

nlohmann::json AccountJson(const Account& account) {
  return {{"login", account.login},
          {"display_name", account.display_name},
          {"role", std::string(RoleName(account.role))},
          {"role_label", std::string(RoleLabelVi(account.role))},
          {"units", account.units}};
}

Error BadBody(std::string field, std::string vi, std::string en) {
  return Error::InvalidArgument(std::move(field), std::move(vi), std::move(en));
}

struct Credentials {
  std::string login;
  std::string password;
};

// The body of a login: a JSON object with exactly a string "login" and a string "password".
Result<Credentials> ParseCredentials(const std::string& body) {
  const nlohmann::json json = nlohmann::json::parse(body, nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    return Fail(BadBody("body", "nội dung phải là một đối tượng JSON hợp lệ (UTF-8)",
                        "the body must be a valid JSON object (UTF-8)"));
  }
  for (const auto& [key, value] : json.items()) {
    if (key != "login" && key != "password") {
      return Fail(BadBody(key, "trường không được hỗ trợ", "unknown field"));
    }
  }
  Credentials credentials;
  for (auto [name, target] : {std::pair{"login", &credentials.login}, std::pair{"password", &credentials.password}}) {
    if (!json.contains(name) || !json[name].is_string()) {
      return Fail(BadBody(name, "phải có và là chuỗi ký tự", "is required and must be a string"));
    }
    *target = json[name].get<std::string>();
  }
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
  spdlog::warn("auth refused target={} who={} reason={}", ToStd(request.target()), who, error.message_en);
  return ErrorResponse(error);
}

}  // namespace

Result<std::string> BearerToken(const Request& request) {
  const std::string header(ToStd(request[boost::beast::http::field::authorization]));
  constexpr std::string_view kScheme = "Bearer ";
  if (!header.starts_with(kScheme) || header.size() == kScheme.size()) {
    return Fail(Error::Unauthenticated("authorization", "cần đăng nhập (thiếu mã phiên 'Bearer')",
                                       "login required (no 'Bearer' session token)"));
  }
  return header.substr(kScheme.size());
}

void AddSessionApi(Router& router, const SessionApiContext& context) {
  router.Add(Method::post, "/api/v1/sessions", [context](const Request& request) {
    auto credentials = ParseCredentials(request.body());
    if (!credentials) return ErrorResponse(credentials.error());
    return WithAccounts(context, [&](app::Accounts& accounts) {
      auto session = accounts.Login(credentials->login, credentials->password);
      if (!session) return Refused(request, session.error(), credentials->login);
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
