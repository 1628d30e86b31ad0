#pragma once
// The accounts half of the SQLite backend: the users and sessions tables (migrations/0003_accounts.sql).
// SqliteStore owns the connection and forwards the Store's account methods here, turning SQLite exceptions
// into Errors; the contracts are in store/store.h.
// Thread-safety: as the connection it is given (one thread at a time).

#include <optional>
#include <string_view>
#include <vector>

#include "store/sql/connection.h"
#include "store/store.h"

namespace motcua::store {

class SqlAccountStore {
 public:
  explicit SqlAccountStore(sql::Connection& db) : db_(db) {}

  // May throw sql::DbError (after rolling back).
  Result<void> Create(const Account& account, std::string_view password_hash);
  Result<std::optional<StoredAccount>> Find(std::string_view login);
  Result<std::vector<Account>> List();
  Result<void> SetPasswordHash(std::string_view login, std::string_view password_hash, Instant at);
  Result<void> SetDisabled(std::string_view login, bool disabled, Instant at);
  Result<Account> RecordFailure(std::string_view login, int max_failures, Instant lock_until);
  Result<void> ResetFailures(std::string_view login);

  Result<void> CreateSession(const StoredSession& session);
  Result<std::optional<StoredSession>> FindSession(std::string_view token_hash);
  bool RevokeSession(std::string_view token_hash, Instant at);

 private:
  // Revokes every open session of `login` at `at` (inside the caller's transaction).
  void RevokeSessionsOf(std::string_view login, Instant at);
  bool Exists(std::string_view login);

  sql::Connection& db_;
};

}  // namespace motcua::store
