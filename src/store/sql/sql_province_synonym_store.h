#pragma once
// The province_synonyms table of the SQLite backend (migrations/0011_province_synonyms.sql). SqliteStore owns
// the connection and forwards the Store's synonym methods here, turning SQLite exceptions into Errors; the
// contracts are in store/store.h. Thread-safety: as the connection it is given (one thread at a time).

#include <cstdint>
#include <string_view>
#include <vector>

#include "store/sql/connection.h"
#include "store/store.h"

namespace motcua::store {

class SqlProvinceSynonymStore {
 public:
  explicit SqlProvinceSynonymStore(sql::Connection& db) : db_(db) {}

  // May throw sql::DbError.
  Result<ProvinceSynonym> Add(const ProvinceSynonym& synonym);
  std::vector<ProvinceSynonym> List();
  Result<ProvinceSynonym> Retire(std::int64_t id, std::string_view by, Instant at);

 private:
  std::optional<ProvinceSynonym> Find(std::int64_t id);

  sql::Connection& db_;
};

}  // namespace motcua::store
