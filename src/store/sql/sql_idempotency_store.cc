#include "store/sql/sql_idempotency_store.h"

#include <string>

#include "store/sql/sql_dossier_rows.h"
#include "store/sql/transaction.h"

namespace motcua::store {
namespace {

void BindKey(sql::Statement& statement, int first, std::string_view login, std::string_view key) {
  statement.Bind(first, std::string(login));
  statement.Bind(first + 1, std::string(key));
}

}  // namespace

IdempotencyClaim SqlIdempotencyStore::Claim(std::string_view login, std::string_view key, std::string_view request_hash,
                                            Instant at, Instant expired_before) {
  // IMMEDIATE takes the write lock first, so that two connections claiming one key cannot both see it absent.
  sql::Transaction transaction(db_, sql::TxMode::kWrite);
  // Expired keys of every login are forgotten here rather than by a separate sweeper: the table stays as
  // small as one ttl of requests, and an expired (login, key) is free to be claimed below.
  sql::Statement forget(db_, "DELETE FROM idempotency_keys WHERE created_at < ?");
  forget.Bind(1, UtcText(expired_before));
  forget.Execute();
  sql::Statement insert(db_,
                        "INSERT INTO idempotency_keys (login, key, request_hash, status, body, created_at) "
                        "VALUES (?, ?, ?, NULL, NULL, ?) ON CONFLICT (login, key) DO NOTHING");
  BindKey(insert, 1, login, key);
  insert.Bind(3, std::string(request_hash));
  insert.Bind(4, UtcText(at));
  const bool claimed = insert.Execute() == 1;
  IdempotencyClaim claim =
      claimed ? IdempotencyClaim{.claimed = true, .request_hash = {}, .response = {}} : Stored(login, key);
  transaction.Commit();
  return claim;
}

Result<void> SqlIdempotencyStore::Complete(std::string_view login, std::string_view key,
                                           const IdempotentResponse& response) {
  sql::Transaction transaction(db_, sql::TxMode::kWrite);
  // Only a running key takes an answer: the first answer is the one retries were promised.
  sql::Statement answer(db_,
                        "UPDATE idempotency_keys SET status = ?, body = ? "
                        "WHERE login = ? AND key = ? AND status IS NULL");
  answer.Bind(1, response.status);
  answer.Bind(2, response.body);
  BindKey(answer, 3, login, key);
  if (answer.Execute() == 0) {
    if (Exists(login, key)) {
      return Fail(Error::Conflict("idempotency_key", "khóa chống gửi lặp này đã có câu trả lời",
                                  "this idempotency key already has an answer"));
    }
    return Fail(Error::NotFound("idempotency_key", "khóa chống gửi lặp này chưa được giữ",
                                "this idempotency key is not claimed"));
  }
  transaction.Commit();
  return {};
}

void SqlIdempotencyStore::Release(std::string_view login, std::string_view key) {
  // One statement in autocommit mode is its own transaction. An answered key is kept: its request ran; so is
  // a key whose request wrote a dossier (a retry must find that dossier, not make another).
  sql::Statement forget(
      db_, "DELETE FROM idempotency_keys WHERE login = ? AND key = ? AND status IS NULL AND dossier_code IS NULL");
  BindKey(forget, 1, login, key);
  forget.Execute();
}

IdempotencyClaim SqlIdempotencyStore::Stored(std::string_view login, std::string_view key) {
  sql::Statement row(
      db_, "SELECT request_hash, status, body, dossier_code FROM idempotency_keys WHERE login = ? AND key = ?");
  BindKey(row, 1, login, key);
  row.Step();
  IdempotencyClaim claim{.claimed = false, .request_hash = row.Text(0), .response = {}};
  if (!row.Null(1)) claim.response = IdempotentResponse{static_cast<int>(row.Int(1)), row.Text(2)};
  if (!row.Null(3)) claim.dossier_code = row.Text(3);
  return claim;
}

void SqlIdempotencyStore::MarkDossier(sql::Connection& db, const RequestKey& key, std::string_view code) {
  sql::Statement mark(db,
                      "UPDATE idempotency_keys SET dossier_code = ? WHERE login = ? AND key = ? AND status IS NULL");
  mark.Bind(1, std::string(code));
  BindKey(mark, 2, key.login, key.key);
  mark.Execute();
}

std::size_t SqlIdempotencyStore::Settle() {
  sql::Statement forget(db_, "DELETE FROM idempotency_keys WHERE status IS NULL AND dossier_code IS NULL");
  return static_cast<std::size_t>(forget.Execute());
}

bool SqlIdempotencyStore::Exists(std::string_view login, std::string_view key) {
  sql::Statement row(db_, "SELECT 1 FROM idempotency_keys WHERE login = ? AND key = ?");
  BindKey(row, 1, login, key);
  return row.Step();
}

}  // namespace motcua::store
