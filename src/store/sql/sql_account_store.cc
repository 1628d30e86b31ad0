#include "store/sql/sql_account_store.h"

#include <string>
#include <vector>

#include "store/sql/connection.h"
#include "store/sql/sql_dossier_rows.h"
#include "store/sql/transaction.h"

namespace motcua::store {
namespace {

constexpr const char* kAccountColumns =
    "login, display_name, role, units, citizen_id, disabled, failed_attempts, locked_until, created_at, "
    "password_hash, agencies";

std::string JoinUnits(const std::vector<std::string>& units) {
  std::string joined;
  for (const auto& unit : units) joined += (joined.empty() ? "" : "|") + unit;
  return joined;
}

std::vector<std::string> SplitUnits(const std::string& text) {
  std::vector<std::string> units;
  for (std::size_t start = 0; !text.empty() && start <= text.size();) {
    const std::size_t bar = std::min(text.find('|', start), text.size());
    units.push_back(text.substr(start, bar - start));
    start = bar + 1;
  }
  return units;
}

// Stored times were written by UtcText; a row edited into something else is an error, not a guess.
Result<Instant> ReadInstant(sql::Statement& row, int column) {
  return ParseIsoInstant(row.Text(column), row.Name(column));
}

Result<std::optional<Instant>> ReadOptionalInstant(sql::Statement& row, int column) {
  if (row.Null(column)) return std::optional<Instant>();
  auto instant = ReadInstant(row, column);
  if (!instant) return Fail(instant.error());
  return std::optional<Instant>(*instant);
}

Result<StoredAccount> ReadAccount(sql::Statement& row) {
  StoredAccount stored;
  Account& a = stored.account;
  a.login = row.Text(0);
  a.display_name = row.Text(1);
  auto role = ParseRole(row.Text(2));
  if (!role) return Fail(Error::Internal("vai trò lưu trữ không hợp lệ", "a stored role is not valid"));
  a.role = *role;
  a.units = SplitUnits(row.Text(3));
  a.citizen_id = row.Text(4);
  a.disabled = static_cast<int>(row.Int(5)) == 1;
  a.failed_attempts = static_cast<int>(row.Int(6));
  auto locked_until = ReadOptionalInstant(row, 7);
  if (!locked_until) return Fail(locked_until.error());
  a.locked_until = *locked_until;
  auto created_at = ReadInstant(row, 8);
  if (!created_at) return Fail(created_at.error());
  a.created_at = *created_at;
  stored.password_hash = row.Text(9);
  a.agencies = SplitUnits(row.Text(10));  // agency IDs hold no '|' either
  return stored;
}

Error UnknownLogin(std::string_view login) {
  return Error::NotFound("login", "không có tài khoản '" + std::string(login) + "'",
                         "there is no account '" + std::string(login) + "'");
}

}  // namespace

Result<void> SqlAccountStore::Create(const Account& account, std::string_view password_hash) {
  sql::Transaction transaction(db_, sql::TxMode::kWrite);
  if (Exists(account.login)) {
    return Fail(Error::Conflict("login", "tên đăng nhập '" + account.login + "' đã có",
                                "the login '" + account.login + "' is taken"));
  }
  sql::Statement insert(db_,
                        "INSERT INTO users (login, display_name, role, units, citizen_id, password_hash, disabled, "
                        "failed_attempts, locked_until, created_at, updated_at, agencies) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.Bind(1, account.login);
  insert.Bind(2, account.display_name);
  insert.Bind(3, std::string(RoleName(account.role)));
  insert.Bind(4, JoinUnits(account.units));
  insert.Bind(5, account.citizen_id);
  insert.Bind(6, std::string(password_hash));
  insert.Bind(7, account.disabled ? 1 : 0);
  insert.Bind(8, account.failed_attempts);
  if (account.locked_until) insert.Bind(9, UtcText(*account.locked_until));
  insert.Bind(10, UtcText(account.created_at));
  insert.Bind(11, UtcText(account.created_at));
  insert.Bind(12, JoinUnits(account.agencies));
  insert.Execute();
  transaction.Commit();
  return {};
}

Result<std::optional<StoredAccount>> SqlAccountStore::Find(std::string_view login) {
  sql::Statement cached(db_, std::string("SELECT ") + kAccountColumns + " FROM users WHERE login = ?");
  sql::Statement& query = cached;
  query.Bind(1, std::string(login));
  if (!query.Step()) return std::optional<StoredAccount>();
  auto account = ReadAccount(query);
  if (!account) return Fail(account.error());
  return std::optional<StoredAccount>(std::move(*account));
}

Result<std::vector<Account>> SqlAccountStore::List() {
  sql::Statement query(db_, std::string("SELECT ") + kAccountColumns + " FROM users ORDER BY login");
  std::vector<Account> accounts;
  while (query.Step()) {
    auto stored = ReadAccount(query);
    if (!stored) return Fail(stored.error());
    accounts.push_back(std::move(stored->account));
  }
  return accounts;
}

Result<void> SqlAccountStore::SetPasswordHash(std::string_view login, std::string_view password_hash, Instant at) {
  sql::Transaction transaction(db_, sql::TxMode::kWrite);
  sql::Statement update(db_, "UPDATE users SET password_hash = ?, updated_at = ? WHERE login = ?");
  update.Bind(1, std::string(password_hash));
  update.Bind(2, UtcText(at));
  update.Bind(3, std::string(login));
  if (update.Execute() == 0) return Fail(UnknownLogin(login));
  RevokeSessionsOf(login, at);
  transaction.Commit();
  return {};
}

Result<void> SqlAccountStore::SetDisabled(std::string_view login, bool disabled, Instant at) {
  sql::Transaction transaction(db_, sql::TxMode::kWrite);
  sql::Statement update(db_, "UPDATE users SET disabled = ?, updated_at = ? WHERE login = ?");
  update.Bind(1, disabled ? 1 : 0);
  update.Bind(2, UtcText(at));
  update.Bind(3, std::string(login));
  if (update.Execute() == 0) return Fail(UnknownLogin(login));
  if (disabled) RevokeSessionsOf(login, at);
  transaction.Commit();
  return {};
}

Result<Account> SqlAccountStore::RecordFailure(std::string_view login, int max_failures, Instant lock_until) {
  sql::Transaction transaction(db_, sql::TxMode::kWrite);
  // One statement decides and writes, so two failures at once cannot both read the same count.
  sql::Statement update(db_,
                        "UPDATE users SET "
                        "locked_until = CASE WHEN failed_attempts + 1 >= ?1 THEN ?2 ELSE locked_until END, "
                        "failed_attempts = CASE WHEN failed_attempts + 1 >= ?1 THEN 0 ELSE failed_attempts + 1 END "
                        "WHERE login = ?3");
  update.Bind(1, max_failures);
  update.Bind(2, UtcText(lock_until));
  update.Bind(3, std::string(login));
  if (update.Execute() == 0) return Fail(UnknownLogin(login));
  auto stored = Find(login);
  if (!stored) return Fail(stored.error());
  transaction.Commit();
  return (*stored)->account;
}

Result<void> SqlAccountStore::ResetFailures(std::string_view login) {
  sql::Statement update(db_, "UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE login = ?");
  update.Bind(1, std::string(login));
  if (update.Execute() == 0) return Fail(UnknownLogin(login));
  return {};
}

Result<void> SqlAccountStore::CreateSession(const StoredSession& session) {
  sql::Transaction transaction(db_, sql::TxMode::kWrite);
  if (!Exists(session.login)) return Fail(UnknownLogin(session.login));
  sql::Statement taken(db_, "SELECT 1 FROM sessions WHERE token_hash = ?");
  taken.Bind(1, session.token_hash);
  if (taken.Step()) {
    return Fail(Error::Conflict("token", "phiên đăng nhập đã có", "the session already exists"));
  }
  sql::Statement insert(
      db_, "INSERT INTO sessions (token_hash, login, created_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?)");
  insert.Bind(1, session.token_hash);
  insert.Bind(2, session.login);
  insert.Bind(3, UtcText(session.created_at));
  insert.Bind(4, UtcText(session.expires_at));
  if (session.revoked_at) insert.Bind(5, UtcText(*session.revoked_at));
  insert.Execute();
  transaction.Commit();
  return {};
}

Result<std::optional<StoredSession>> SqlAccountStore::FindSession(std::string_view token_hash) {
  sql::Statement cached(
      db_, "SELECT token_hash, login, created_at, expires_at, revoked_at FROM sessions WHERE token_hash = ?");
  sql::Statement& query = cached;
  query.Bind(1, std::string(token_hash));
  if (!query.Step()) return std::optional<StoredSession>();
  StoredSession session{query.Text(0), query.Text(1)};
  auto created_at = ReadInstant(query, 2);
  auto expires_at = ReadInstant(query, 3);
  auto revoked_at = ReadOptionalInstant(query, 4);
  if (!created_at) return Fail(created_at.error());
  if (!expires_at) return Fail(expires_at.error());
  if (!revoked_at) return Fail(revoked_at.error());
  session.created_at = *created_at;
  session.expires_at = *expires_at;
  session.revoked_at = *revoked_at;
  return std::optional<StoredSession>(std::move(session));
}

bool SqlAccountStore::RevokeSession(std::string_view token_hash, Instant at) {
  sql::Statement update(db_, "UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL");
  update.Bind(1, UtcText(at));
  update.Bind(2, std::string(token_hash));
  return update.Execute() > 0;
}

void SqlAccountStore::RevokeSessionsOf(std::string_view login, Instant at) {
  sql::Statement update(db_, "UPDATE sessions SET revoked_at = ? WHERE login = ? AND revoked_at IS NULL");
  update.Bind(1, UtcText(at));
  update.Bind(2, std::string(login));
  update.Execute();
}

bool SqlAccountStore::Exists(std::string_view login) {
  sql::Statement query(db_, "SELECT 1 FROM users WHERE login = ?");
  query.Bind(1, std::string(login));
  return query.Step();
}

}  // namespace motcua::store
