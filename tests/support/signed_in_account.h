#pragma once
// Accounts with a stored session of a known token, for API tests: the token of a login is the login padded with
// zeros to the 64 characters of a real token, so that a test acts as someone by name, without signing in.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "app/clock.h"
#include "app/token_source.h"
#include "store/store.h"

namespace motcua::test_support {

inline std::string TokenOf(const std::string& login) { return std::string(64 - login.size(), '0') + login; }

// Stores `account` (created now, with a placeholder password hash shaped like a real one, so that a reply leaking
// it is seen) and a 30-day session of TokenOf(its login).
inline void AddSignedInAccount(store::Store& store, const app::Clock& clock, Account account) {
  account.created_at = clock.Now();
  ASSERT_TRUE(store.CreateAccount(account, "$argon2id$not-a-real-hash").has_value()) << account.login;
  const store::StoredSession session{app::SessionTokenHash(TokenOf(account.login)), account.login, clock.Now(),
                                     clock.Now() + std::chrono::days(30)};
  ASSERT_TRUE(store.CreateSession(session).has_value()) << account.login;
}

// The same for a person named by login, role, units and citizen ID, shown as "Người dùng <login>".
inline void AddSignedInPerson(store::Store& store, const app::Clock& clock, const std::string& login, Role role,
                              std::vector<std::string> units, const std::string& citizen_id = "") {
  Account account;
  account.login = login;
  account.display_name = "Người dùng " + login;
  account.role = role;
  account.units = std::move(units);
  account.citizen_id = citizen_id;
  AddSignedInAccount(store, clock, account);
}

}  // namespace motcua::test_support
