#pragma once
// The province_settings table of the SQLite backend (migrations/0015_province_settings.sql). SqliteStore owns the
// connection and forwards the Store's setting methods here, turning SQLite exceptions into Errors; the contracts
// are in store/store.h. Thread-safety: as the connection it is given (one thread at a time).

#include <vector>

#include "store/sql/connection.h"
#include "store/store.h"

namespace motcua::store {

class SqlProvinceSettingStore {
 public:
  explicit SqlProvinceSettingStore(sql::Connection& db) : db_(db) {}

  // May throw sql::DbError.
  void Save(const ProvinceSetting& setting);
  Result<std::vector<ProvinceSetting>> InForce();

 private:
  sql::Connection& db_;
};

}  // namespace motcua::store
