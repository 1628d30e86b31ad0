#include "app/accounts.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "app/common_passwords.h"
#include "domain/citizen_id.h"

namespace motcua::app {
namespace {

constexpr const char* kRoleList = "administrator, supervisor, director, receptionist, specialist, leader, citizen";

// One place for the code of "who are you?" failures, so that a distinct 401 code can replace it at once.
Error Unauthenticated(std::string field, std::string vi, std::string en) {
  return Error::Unauthenticated(std::move(field), std::move(vi), std::move(en));
}

// Every refused login gets this one answer — a wrong password, a login that does not exist, an account locked
// after failed logins or disabled — so that the answer does not tell which logins exist (issue 15, item 3). The
// administrator's list of accounts says which are locked or disabled.
Error Refused() {
  return Unauthenticated("login", "sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản đang bị khoá",
                         "wrong login or password, or the account is locked");
}

// The password rules of the domain (length, not digits alone...) and the shipped list of common passwords.
Result<void> CheckNewPassword(std::string_view password, std::string_view login) {
  if (auto ok = ValidatePassword(password, login); !ok) return ok;
  if (IsCommonPassword(password)) {
    return Fail(
        Error::InvalidArgument("password", "mật khẩu quá phổ biến, dễ bị đoán; hãy chọn mật khẩu khác",
                               "the password is among the most common ones and easily guessed; choose another"));
  }
  return {};
}

Error BadToken() {
  return Unauthenticated("token", "phiên đăng nhập không hợp lệ hoặc đã hết hạn",
                         "the session is not valid or has expired");
}

int YearOf(Instant instant) {
  return static_cast<int>(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(ToLocal(instant))).year());
}

}  // namespace

Result<Account> Accounts::AddUser(const NewAccount& request, std::string_view password) {
  auto account = CheckNewAccount(request);
  if (!account) return Fail(account.error());
  if (auto ok = CheckNewPassword(password, account->login); !ok) return Fail(ok.error());
  if (auto found = store_.FindAccount(account->login); !found || *found) {
    if (!found) return Fail(found.error());
    return Fail(Error::Conflict("login", "tên đăng nhập '" + account->login + "' đã có",
                                "the login '" + account->login + "' is taken"));
  }
  auto hash = hasher_.Hash(password);
  if (!hash) return Fail(hash.error());
  if (auto created = store_.CreateAccount(*account, *hash); !created) return Fail(created.error());
  return account;
}

Result<Account> Accounts::CheckNewAccount(const NewAccount& request) {
  auto role = ParseRole(request.role);
  if (!role) {
    return Fail(Error::InvalidArgument("role", "vai trò '" + request.role + "' không có; chọn một trong: " + kRoleList,
                                       "there is no role '" + request.role + "'; choose one of: " + kRoleList));
  }
  Account account;
  account.login = request.login;
  account.display_name = request.display_name;
  account.role = *role;
  account.units = request.units;
  account.agencies = request.agencies;
  account.citizen_id = request.citizen_id;
  account.created_at = clock_.Now();
  if (auto ok = ValidateAccount(account); !ok) return Fail(ok.error());
  if (!account.citizen_id.empty()) {
    auto id = ParseCitizenId(account.citizen_id, YearOf(account.created_at));
    if (!id) return Fail(id.error());
    account.citizen_id = id->number;
  }
  if (auto ok = CheckUnitsExist(account); !ok) return Fail(ok.error());
  if (auto ok = CheckAgenciesOfUnits(account); !ok) return Fail(ok.error());
  return account;
}

// Each agency is registered and belongs to one of the account's units: an agency elsewhere would open no
// dossier (dossier_access.h checks the unit too) and only confuse whoever reads the account.
Result<void> Accounts::CheckAgenciesOfUnits(const Account& account) {
  for (const std::string& id : account.agencies) {
    auto agency = store_.FindAgency(id);
    if (!agency) return Fail(agency.error());
    if (!*agency) {
      return Fail(Error::InvalidArgument("agencies", "không có cơ quan mã " + id, "there is no agency with ID " + id));
    }
    if (std::ranges::find(account.units, (*agency)->unit) == account.units.end()) {
      return Fail(Error::InvalidArgument(
          "agencies", "cơ quan " + id + " thuộc đơn vị " + (*agency)->unit + ", không phải đơn vị của tài khoản",
          "the agency " + id + " belongs to unit " + (*agency)->unit + ", not to a unit of the account"));
    }
  }
  return {};
}

Result<void> Accounts::CheckUnitsExist(const Account& account) {
  const bool province = account.role == Role::kSupervisor;
  for (const std::string& code : account.units) {
    auto exists = UnitExists(code, province);
    if (!exists) return Fail(exists.error());
    if (!*exists) {
      return Fail(Error::InvalidArgument(
          "units", std::string(province ? "không có tỉnh mã " : "không có xã, phường mã ") + code,
          std::string(province ? "there is no province with code " : "there is no commune with code ") + code));
    }
  }
  return {};
}

Result<bool> Accounts::UnitExists(const std::string& code, bool province) {
  if (province) {
    auto found = store_.FindProvince(code);
    if (!found) return Fail(found.error());
    return found->has_value();
  }
  auto found = store_.FindCommune(code);
  if (!found) return Fail(found.error());
  return found->has_value();
}

Result<void> Accounts::ChangePassword(std::string_view login, std::string_view new_password) {
  if (auto ok = CheckNewPassword(new_password, login); !ok) return ok;
  auto found = store_.FindAccount(login);
  if (!found) return Fail(found.error());
  if (!*found) {
    return Fail(Error::NotFound("login", "không có tài khoản '" + std::string(login) + "'",
                                "there is no account '" + std::string(login) + "'"));
  }
  auto hash = hasher_.Hash(new_password);
  if (!hash) return Fail(hash.error());
  return store_.SetPasswordHash(login, *hash, clock_.Now());
}

Result<void> Accounts::DisableUser(std::string_view login) {
  return store_.SetAccountDisabled(login, true, clock_.Now());
}

Result<void> Accounts::EnableUser(std::string_view login) {
  return store_.SetAccountDisabled(login, false, clock_.Now());
}

Result<void> Accounts::UnlockUser(std::string_view login) { return store_.ResetLoginFailures(login); }

Result<LoginSession> Accounts::Login(std::string_view login, std::string_view password) {
  auto found = store_.FindAccount(login);
  if (!found) return Fail(found.error());
  if (!*found) {
    VerifyAgainstDummy(password);
    return Fail(Refused());
  }
  const Instant now = clock_.Now();
  const Account& account = (*found)->account;
  // Verified whatever the account's state, so that every refusal costs the same one Verify.
  const bool password_matches = hasher_.Verify((*found)->password_hash, password);
  if (account.locked_until && now < *account.locked_until) return Fail(Refused());
  if (!password_matches) return Fail(RecordFailure(account.login));
  if (account.disabled) return Fail(Refused());
  if (auto reset = store_.ResetLoginFailures(account.login); !reset) return Fail(reset.error());
  LoginSession session{tokens_.NewToken(), account, now + settings_.session_ttl};
  session.account.failed_attempts = 0;
  session.account.locked_until.reset();
  auto created = store_.CreateSession({SessionTokenHash(session.token), account.login, now, session.expires_at});
  if (!created) return Fail(created.error());
  return session;
}

Error Accounts::RecordFailure(std::string_view login) {
  // Counted, never locked: the count can not reach the maximum (see the header).
  auto updated = store_.RecordLoginFailure(login, std::numeric_limits<int>::max(), clock_.Now());
  if (!updated) return updated.error();
  return Refused();
}

void Accounts::VerifyAgainstDummy(std::string_view password) {
  // One hash for the process, made like every account's: an unknown login then costs one Verify, as a known one
  // does. (Made per request, it cost a Hash and a Verify, and the time told which logins exist.)
  static const std::string dummy = hasher_.Hash("motcua: no such account").value_or("");
  (void)hasher_.Verify(dummy, password);
}

Result<Account> Accounts::Authenticate(std::string_view token) {
  auto session = store_.FindSession(SessionTokenHash(token));
  if (!session) return Fail(session.error());
  if (!*session || (*session)->revoked_at || clock_.Now() >= (*session)->expires_at) return Fail(BadToken());
  auto found = store_.FindAccount((*session)->login);
  if (!found) return Fail(found.error());
  if (!*found || (*found)->account.disabled) return Fail(BadToken());
  return (*found)->account;
}

Result<void> Accounts::Logout(std::string_view token) {
  auto revoked = store_.RevokeSession(SessionTokenHash(token), clock_.Now());
  if (!revoked) return Fail(revoked.error());
  if (!*revoked) return Fail(BadToken());
  return {};
}

}  // namespace motcua::app
