#pragma once
// The accounts use cases: creating users, changing passwords, disabling, logging in, and checking session
// tokens. The HTTP face and the `motcua user` command call these.
//
// Security properties kept here:
//  - passwords are stored only as PasswordHasher strings (Argon2id), session tokens only as their SHA-256;
//  - every refusal (unknown login, wrong password, locked or disabled account) gives the same error, after the
//    same amount of hashing work;
//  - failed logins are counted on the account (the administrator sees them) but never lock it: repeated
//    guessing is slowed per client address by app/login_throttle.h, so that no one can lock a person out. A lock
//    set by an earlier version still holds until it ends or `unlock` lifts it; a disabled account cannot log in;
//  - disabling an account or changing its password revokes its sessions.
// Authentication failures are PermissionDenied errors on the field "login" (for Login) or "token" (for
// Authenticate and Logout).
// Thread-safety: an instance is used by one thread at a time (as its Store).
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/clock.h"
#include "app/password_hasher.h"
#include "app/token_source.h"
#include "domain/account.h"
#include "store/store.h"

namespace motcua::app {

struct AccountSettings {
  std::chrono::seconds session_ttl = std::chrono::hours(8);  // a session's life, from login (a working day)
};

// What an administrator gives to create an account.
struct NewAccount {
  std::string login;
  std::string role;  // RoleName() text, as typed
  std::vector<std::string> units;
  std::string display_name;
  std::string citizen_id;
  std::vector<std::string> agencies = {};  // registered agencies of those units; empty: every agency of them
};

// A successful login: the token to hand to the client (shown once; only its hash is kept).
struct LoginSession {
  std::string token;
  Account account;
  Instant expires_at{};
};

class Accounts {
 public:
  Accounts(store::Store& store, const Clock& clock, PasswordHasher& hasher, TokenSource& tokens,
           AccountSettings settings = {})
      : store_(store), clock_(clock), hasher_(hasher), tokens_(tokens), settings_(settings) {}

  // Creates the account with `password`. InvalidArgument on "login", "role", "units", "citizen_id" or
  // "password" (see domain/account.h; unit codes must be communes in the catalogue, a province for a
  // supervisor); Conflict on "login" when it is taken.
  Result<Account> AddUser(const NewAccount& request, std::string_view password);
  // Sets a new password (the policy applies) and revokes the account's sessions. NotFound on "login".
  Result<void> ChangePassword(std::string_view login, std::string_view new_password);
  // Disables the account and revokes its sessions. NotFound on "login".
  Result<void> DisableUser(std::string_view login);
  // Lets a disabled account log in again. NotFound on "login".
  Result<void> EnableUser(std::string_view login);
  // Lifts the lock of failed logins and forgets them: a person locked out by someone guessing at their login
  // can log in again. NotFound on "login".
  Result<void> UnlockUser(std::string_view login);

  // Opens a session of `session_ttl`. PermissionDenied on "login" for an unknown login or a wrong password
  // (the same message), a locked account (the message says until when, in Viet Nam time) or a disabled one
  // (said only when the password is right).
  Result<LoginSession> Login(std::string_view login, std::string_view password);
  // The account of a live session. PermissionDenied on "token" when the token is unknown, revoked, expired
  // or its account is disabled.
  Result<Account> Authenticate(std::string_view token);
  // Revokes the session. PermissionDenied on "token" when it is unknown or already revoked.
  Result<void> Logout(std::string_view token);

 private:
  Result<Account> CheckNewAccount(const NewAccount& request);
  Result<void> CheckUnitsExist(const Account& account);
  Result<void> CheckAgenciesOfUnits(const Account& account);
  Result<bool> UnitExists(const std::string& code, bool province);
  // Counts a failure against an existing account and returns the error to give.
  Error RecordFailure(std::string_view login);
  // Hashing work equal to one Verify, for an unknown login.
  void VerifyAgainstDummy(std::string_view password);

  store::Store& store_;
  const Clock& clock_;
  PasswordHasher& hasher_;
  TokenSource& tokens_;
  AccountSettings settings_;
};

}  // namespace motcua::app
