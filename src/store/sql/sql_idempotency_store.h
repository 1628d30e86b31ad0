#pragma once
// The idempotency half of the SQLite backend: the idempotency_keys table
// (migrations/0004_registry_and_idempotency.sql), which lets a POST retried with the same Idempotency-Key run
// once. SqliteStore owns the connection and forwards the Store's idempotency methods here, turning SQLite
// exceptions into Errors; the contracts are in store/store.h.
// Thread-safety: as the connection it is given (one thread at a time). Claims of the same key from several
// connections are serialized by SQLite's write lock: exactly one of them gets `claimed`.

#include <string_view>

#include "store/sql/connection.h"
#include "store/store.h"

namespace motcua::store {

class SqlIdempotencyStore {
 public:
  explicit SqlIdempotencyStore(sql::Connection& db) : db_(db) {}

  // May throw sql::DbError (after rolling back).
  IdempotencyClaim Claim(std::string_view login, std::string_view key, std::string_view request_hash, Instant at,
                         Instant expired_before);
  Result<void> Complete(std::string_view login, std::string_view key, const IdempotentResponse& response);
  void Release(std::string_view login, std::string_view key);
  // Forgets the keys claimed without an answer and without a dossier; returns how many.
  std::size_t Settle();
  // Marks the claimed `key` with the dossier its request wrote, on `db` (the connection of that write, inside
  // its transaction: the writer's in group commit).
  static void MarkDossier(sql::Connection& db, const RequestKey& key, std::string_view code);

 private:
  // What is stored for (login, key), which must exist.
  IdempotencyClaim Stored(std::string_view login, std::string_view key);
  bool Exists(std::string_view login, std::string_view key);

  sql::Connection& db_;
};

}  // namespace motcua::store
