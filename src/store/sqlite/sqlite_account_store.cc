#include "store/sqlite/sqlite_account_store.h"

#include <SQLiteCpp/Statement.h>

#include <string>
#include <vector>

#include "store/sqlite/sqlite_dossier_rows.h"
#include "store/sqlite/sqlite_statement_cache.h"
#include "store/sqlite/sqlite_transaction.h"

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
Result<Instant> ReadInstant(SQLite::Statement& row, int column) {
  return ParseIsoInstant(row.getColumn(column).getString(), row.getColumn(column).getName());
}

Result<std::optional<Instant>> ReadOptionalInstant(SQLite::Statement& row, int column) {
  if (row.getColumn(column).isNull()) return std::optional<Instant>();
  auto instant = ReadInstant(row, column);
  if (!instant) return Fail(instant.error());
  return std::optional<Instant>(*instant);
}

Result<StoredAccount> ReadAccount(SQLite::Statement& row) {
  StoredAccount stored;
  Account& a = stored.account;
  a.login = row.getColumn(0).getString();
  a.display_name = row.getColumn(1).getString();
  auto role = ParseRole(row.getColumn(2).getString());
  if (!role) return Fail(Error::Internal("vai trò lưu trữ không hợp lệ", "a stored role is not valid"));
  a.role = *role;
  a.units = SplitUnits(row.getColumn(3).getString());
  a.citizen_id = row.getColumn(4).getString();
  a.disabled = row.getColumn(5).getInt() == 1;
  a.failed_attempts = row.getColumn(6).getInt();
  auto locked_until = ReadOptionalInstant(row, 7);
  if (!locked_until) return Fail(locked_until.error());
  a.locked_until = *locked_until;
  auto created_at = ReadInstant(row, 8);
  if (!created_at) return Fail(created_at.error());
  a.created_at = *created_at;
  stored.password_hash = row.getColumn(9).getString();
  a.agencies = SplitUnits(row.getColumn(10).getString());  // agency IDs hold no '|' either
  return stored;
}

Error UnknownLogin(std::string_view login) {
  return Error::NotFound("login", "không có tài khoản '" + std::string(login) + "'",
                         "there is no account '" + std::string(login) + "'");
}

}  // namespace

Result<void> SqliteAccountStore::Create(const Account& account, std::string_view password_hash) {
  SqliteTransaction transaction(db_, SqliteTransaction::Mode::kWrite);
  if (Exists(account.login)) {
    return Fail(Error::Conflict("login", "tên đăng nhập '" + account.login + "' đã có",
                                "the login '" + account.login + "' is taken"));
  }
  SQLite::Statement insert(db_,
                           "INSERT INTO users (login, display_name, role, units, citizen_id, password_hash, disabled, "
                           "failed_attempts, locked_until, created_at, updated_at, agencies) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, account.login);
  insert.bind(2, account.display_name);
  insert.bind(3, std::string(RoleName(account.role)));
  insert.bind(4, JoinUnits(account.units));
  insert.bind(5, account.citizen_id);
  insert.bind(6, std::string(password_hash));
  insert.bind(7, account.disabled ? 1 : 0);
  insert.bind(8, account.failed_attempts);
  if (account.locked_until) insert.bind(9, UtcText(*account.locked_until));
  insert.bind(10, UtcText(account.created_at));
  insert.bind(11, UtcText(account.created_at));
  insert.bind(12, JoinUnits(account.agencies));
  insert.exec();
  transaction.Commit();
  return {};
}

Result<std::optional<StoredAccount>> SqliteAccountStore::Find(std::string_view login) {
  CachedStatement cached(db_, std::string("SELECT ") + kAccountColumns + " FROM users WHERE login = ?");
  SQLite::Statement& query = *cached;
  query.bind(1, std::string(login));
  if (!query.executeStep()) return std::optional<StoredAccount>();
  auto account = ReadAccount(query);
  if (!account) return Fail(account.error());
  return std::optional<StoredAccount>(std::move(*account));
}

Result<std::vector<Account>> SqliteAccountStore::List() {
  SQLite::Statement query(db_, std::string("SELECT ") + kAccountColumns + " FROM users ORDER BY login");
  std::vector<Account> accounts;
  while (query.executeStep()) {
    auto stored = ReadAccount(query);
    if (!stored) return Fail(stored.error());
    accounts.push_back(std::move(stored->account));
  }
  return accounts;
}

Result<void> SqliteAccountStore::SetPasswordHash(std::string_view login, std::string_view password_hash, Instant at) {
  SqliteTransaction transaction(db_, SqliteTransaction::Mode::kWrite);
  SQLite::Statement update(db_, "UPDATE users SET password_hash = ?, updated_at = ? WHERE login = ?");
  update.bind(1, std::string(password_hash));
  update.bind(2, UtcText(at));
  update.bind(3, std::string(login));
  if (update.exec() == 0) return Fail(UnknownLogin(login));
  RevokeSessionsOf(login, at);
  transaction.Commit();
  return {};
}

Result<void> SqliteAccountStore::SetDisabled(std::string_view login, bool disabled, Instant at) {
  SqliteTransaction transaction(db_, SqliteTransaction::Mode::kWrite);
  SQLite::Statement update(db_, "UPDATE users SET disabled = ?, updated_at = ? WHERE login = ?");
  update.bind(1, disabled ? 1 : 0);
  update.bind(2, UtcText(at));
  update.bind(3, std::string(login));
  if (update.exec() == 0) return Fail(UnknownLogin(login));
  if (disabled) RevokeSessionsOf(login, at);
  transaction.Commit();
  return {};
}

Result<Account> SqliteAccountStore::RecordFailure(std::string_view login, int max_failures, Instant lock_until) {
  SqliteTransaction transaction(db_, SqliteTransaction::Mode::kWrite);
  // One statement decides and writes, so two failures at once cannot both read the same count.
  SQLite::Statement update(db_,
                           "UPDATE users SET "
                           "locked_until = CASE WHEN failed_attempts + 1 >= ?1 THEN ?2 ELSE locked_until END, "
                           "failed_attempts = CASE WHEN failed_attempts + 1 >= ?1 THEN 0 ELSE failed_attempts + 1 END "
                           "WHERE login = ?3");
  update.bind(1, max_failures);
  update.bind(2, UtcText(lock_until));
  update.bind(3, std::string(login));
  if (update.exec() == 0) return Fail(UnknownLogin(login));
  auto stored = Find(login);
  if (!stored) return Fail(stored.error());
  transaction.Commit();
  return (*stored)->account;
}

Result<void> SqliteAccountStore::ResetFailures(std::string_view login) {
  SQLite::Statement update(db_, "UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE login = ?");
  update.bind(1, std::string(login));
  if (update.exec() == 0) return Fail(UnknownLogin(login));
  return {};
}

Result<void> SqliteAccountStore::CreateSession(const StoredSession& session) {
  SqliteTransaction transaction(db_, SqliteTransaction::Mode::kWrite);
  if (!Exists(session.login)) return Fail(UnknownLogin(session.login));
  SQLite::Statement taken(db_, "SELECT 1 FROM sessions WHERE token_hash = ?");
  taken.bind(1, session.token_hash);
  if (taken.executeStep()) {
    return Fail(Error::Conflict("token", "phiên đăng nhập đã có", "the session already exists"));
  }
  SQLite::Statement insert(
      db_, "INSERT INTO sessions (token_hash, login, created_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?)");
  insert.bind(1, session.token_hash);
  insert.bind(2, session.login);
  insert.bind(3, UtcText(session.created_at));
  insert.bind(4, UtcText(session.expires_at));
  if (session.revoked_at) insert.bind(5, UtcText(*session.revoked_at));
  insert.exec();
  transaction.Commit();
  return {};
}

Result<std::optional<StoredSession>> SqliteAccountStore::FindSession(std::string_view token_hash) {
  CachedStatement cached(
      db_, "SELECT token_hash, login, created_at, expires_at, revoked_at FROM sessions WHERE token_hash = ?");
  SQLite::Statement& query = *cached;
  query.bind(1, std::string(token_hash));
  if (!query.executeStep()) return std::optional<StoredSession>();
  StoredSession session{query.getColumn(0).getString(), query.getColumn(1).getString()};
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

bool SqliteAccountStore::RevokeSession(std::string_view token_hash, Instant at) {
  SQLite::Statement update(db_, "UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL");
  update.bind(1, UtcText(at));
  update.bind(2, std::string(token_hash));
  return update.exec() > 0;
}

void SqliteAccountStore::RevokeSessionsOf(std::string_view login, Instant at) {
  SQLite::Statement update(db_, "UPDATE sessions SET revoked_at = ? WHERE login = ? AND revoked_at IS NULL");
  update.bind(1, UtcText(at));
  update.bind(2, std::string(login));
  update.exec();
}

bool SqliteAccountStore::Exists(std::string_view login) {
  SQLite::Statement query(db_, "SELECT 1 FROM users WHERE login = ?");
  query.bind(1, std::string(login));
  return query.executeStep();
}

}  // namespace motcua::store
