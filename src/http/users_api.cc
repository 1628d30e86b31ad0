#include "http/users_api.h"

#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "app/accounts.h"
#include "http/json_body.h"
#include "http/json_response.h"
#include "http/query_params.h"
#include "http/request_account.h"

namespace motcua::http {
namespace {

using nlohmann::json;

// Field limits sit above what an account may hold (domain/account.h), so that the use case, not the body
// reader, explains a login, a citizen ID or a unit code that is wrong.
constexpr std::size_t kMaxLoginBytes = 64;
constexpr std::size_t kMaxRoleBytes = 32;
constexpr std::size_t kMaxUnits = 500;
constexpr std::size_t kMaxUnitBytes = 16;
constexpr std::size_t kMaxAgencies = 100;
constexpr std::size_t kMaxAgencyBytes = 64;
constexpr std::size_t kMaxNameBytes = 300;
constexpr std::size_t kMaxCitizenIdBytes = 64;
constexpr std::size_t kMaxPasswordBytes = 1024;  // ValidatePassword's own bound

// The account as the administrator sees it at `now`: "locked" while failed logins keep it out.
json UserJson(const Account& a, Instant now) {
  const bool locked = a.locked_until && *a.locked_until > now;
  return {{"login", a.login},
          {"display_name", a.display_name},
          {"role", std::string(RoleName(a.role))},
          {"role_label", std::string(RoleLabelVi(a.role))},
          {"units", a.units},
          {"agencies", a.agencies},
          {"citizen_id", a.citizen_id},
          {"disabled", a.disabled},
          {"locked", locked},
          {"locked_until", locked ? json(FormatIsoLocal(*a.locked_until)) : json(nullptr)}};
}

struct NewUser {
  app::NewAccount account;
  std::string password;
};

Result<NewUser> ParseNewUser(std::string_view text) {
  auto body = JsonBody::Parse(text);
  if (!body) return Fail(body.error());
  JsonObject root = body->Root();
  NewUser user;
  user.account.login = root.RequiredString("login", kMaxLoginBytes);
  user.account.role = root.RequiredString("role", kMaxRoleBytes);
  user.account.units = root.OptionalStringArray("units", kMaxUnits, kMaxUnitBytes);
  user.account.agencies = root.OptionalStringArray("agencies", kMaxAgencies, kMaxAgencyBytes);
  user.account.display_name = root.OptionalString("display_name", kMaxNameBytes);
  user.account.citizen_id = root.OptionalString("citizen_id", kMaxCitizenIdBytes);
  // A blank password is left for the password policy to refuse with its own reason.
  user.password = root.RequiredString("password", kMaxPasswordBytes, Blank::kAllowed);
  if (auto done = body->Finish(); !done) return Fail(done.error());
  return user;
}

Result<std::string> ParseNewPassword(std::string_view text) {
  auto body = JsonBody::Parse(text);
  if (!body) return Fail(body.error());
  std::string password = body->Root().RequiredString("password", kMaxPasswordBytes, Blank::kAllowed);
  if (auto done = body->Finish(); !done) return Fail(done.error());
  return password;
}

// The disable action takes no fields: an empty body or {}.
Result<void> ParseNoFields(std::string_view text) {
  auto body = JsonBody::Parse(text, EmptyBody::kIsEmptyObject);
  if (!body) return Fail(body.error());
  body->Root();
  return body->Finish();
}

Error NotAdministrator(Role role) {
  return Error::PermissionDenied("role", "vai trò " + std::string(RoleLabelVi(role)) + " không được quản lý tài khoản",
                                 "the " + std::string(RoleName(role)) + " role may not manage accounts");
}

// What a handler gets once the caller is known to be an administrator.
struct AdminCall {
  const Account& administrator;
  store::Store& store;
  app::Accounts& accounts;
  Instant now;
};

// Authenticates (401), refuses every role but the administrator's (403 on "role", logged) before anything of
// the request is read, refuses a query string (400), then runs `body`.
template <typename F>
Response AsAdministrator(const SessionApiContext& c, const Request& request, F&& body) {
  auto account = RequestAccount(c, request);
  if (!account) return ErrorResponse(account.error());
  if (account->role != Role::kAdministrator) {
    const Error denied = NotAdministrator(account->role);
    LogDenial(*account, request, denied);
    return ErrorResponse(denied);
  }
  if (auto query = QueryParams::ParseKnown(ToStd(request.target()), {}); !query) return ErrorResponse(query.error());
  auto store = c.stores.ForThisThread();
  if (!store) return ErrorResponse(store.error());
  app::Accounts accounts(**store, c.clock, c.hasher, c.tokens, c.settings);
  return body(AdminCall{*account, **store, accounts, c.clock.Now()});
}

// The account `login` as it now is, with `status`.
Response UserResponse(const AdminCall& call, std::string_view login, Status status) {
  auto found = call.store.FindAccount(login);
  if (!found) return ErrorResponse(found.error());
  if (!*found) return ErrorResponse(Error::NotFound("login", "không có tài khoản", "there is no such account"));
  return JsonResponse(status, UserJson((*found)->account, call.now));
}

Response ListUsers(const AdminCall& call) {
  auto accounts = call.store.ListAccounts();
  if (!accounts) return ErrorResponse(accounts.error());
  json items = json::array();
  for (const Account& account : *accounts) items.push_back(UserJson(account, call.now));
  return JsonResponse(Status::ok, {{"items", std::move(items)}});
}

Response AddUser(const AdminCall& call, const Request& request) {
  auto user = ParseNewUser(request.body());
  if (!user) return ErrorResponse(user.error());
  auto added = call.accounts.AddUser(user->account, user->password);
  if (!added) return ErrorResponse(added.error());
  return JsonResponse(Status::created, UserJson(*added, call.now));
}

Response DisableUser(const AdminCall& call, const Request& request, std::string_view login) {
  if (auto body = ParseNoFields(request.body()); !body) return ErrorResponse(body.error());
  if (login == call.administrator.login) {
    return ErrorResponse(Error::FailedPrecondition("login", "không thể tự vô hiệu hóa tài khoản của mình",
                                                   "an administrator cannot disable their own account"));
  }
  if (auto disabled = call.accounts.DisableUser(login); !disabled) return ErrorResponse(disabled.error());
  return UserResponse(call, login, Status::ok);
}

// Lets a disabled account log in again (its sessions stay revoked).
Response EnableUser(const AdminCall& call, const Request& request, std::string_view login) {
  if (auto body = ParseNoFields(request.body()); !body) return ErrorResponse(body.error());
  if (auto enabled = call.accounts.EnableUser(login); !enabled) return ErrorResponse(enabled.error());
  return UserResponse(call, login, Status::ok);
}

// Lifts a lock left by failed logins, and forgets them, here and in the throttle of every address.
Response UnlockUser(const AdminCall& call, const Request& request, std::string_view login,
                    app::LoginThrottle& throttle) {
  if (auto body = ParseNoFields(request.body()); !body) return ErrorResponse(body.error());
  if (auto unlocked = call.accounts.UnlockUser(login); !unlocked) return ErrorResponse(unlocked.error());
  throttle.ForgetLogin(login);
  return UserResponse(call, login, Status::ok);
}

Response ChangePassword(const AdminCall& call, const Request& request, std::string_view login) {
  auto password = ParseNewPassword(request.body());
  if (!password) return ErrorResponse(password.error());
  if (auto changed = call.accounts.ChangePassword(login, *password); !changed) return ErrorResponse(changed.error());
  return UserResponse(call, login, Status::ok);
}

}  // namespace

void AddUsersApi(Router& router, const SessionApiContext& context) {
  router.Add(Method::get, "/api/v1/users", [context](const Request& request) {
    return AsAdministrator(context, request, [](const AdminCall& call) { return ListUsers(call); });
  });
  router.Add(Method::post, "/api/v1/users", [context](const Request& request) {
    return AsAdministrator(context, request, [&](const AdminCall& call) { return AddUser(call, request); });
  });
  router.Add(Method::post, "/api/v1/users/{login}/disable", [context](const Request& request, const PathParams& path) {
    return AsAdministrator(context, request,
                           [&](const AdminCall& call) { return DisableUser(call, request, path.Get("login")); });
  });
  router.Add(Method::post, "/api/v1/users/{login}/enable", [context](const Request& request, const PathParams& path) {
    return AsAdministrator(context, request,
                           [&](const AdminCall& call) { return EnableUser(call, request, path.Get("login")); });
  });
  router.Add(Method::post, "/api/v1/users/{login}/unlock", [context](const Request& request, const PathParams& path) {
    return AsAdministrator(context, request, [&](const AdminCall& call) {
      return UnlockUser(call, request, path.Get("login"), context.login_throttle);
    });
  });
  router.Add(Method::post, "/api/v1/users/{login}/password", [context](const Request& request, const PathParams& path) {
    return AsAdministrator(context, request,
                           [&](const AdminCall& call) { return ChangePassword(call, request, path.Get("login")); });
  });
}

}  // namespace motcua::http
