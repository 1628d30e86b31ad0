#pragma once
// Accounts with a stored session of a known token, for API tests: the token of a login is the login padded with
// zeros to the 64 characters of a real token, so that a test acts as someone by name, without signing in.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

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

}  // namespace motcua::test_support
