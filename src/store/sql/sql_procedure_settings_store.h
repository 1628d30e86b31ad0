#pragma once
// The procedure_settings table of the SQLite backend (migrations/0007_files.sql): the province's own settings
// of a procedure, beside the national catalogue. SqliteStore owns the connection and forwards the Store's
// procedure-settings methods here, turning SQLite exceptions into Errors; the contracts are in store/store.h.
// Thread-safety: as the connection it is given (one thread at a time).

#include <optional>
#include <string_view>

#include "store/sql/connection.h"
#include "store/store.h"

namespace motcua::store {

class SqlProcedureSettingsStore {
 public:
  explicit SqlProcedureSettingsStore(sql::Connection& db) : db_(db) {}

  // May throw sql::DbError.
  Result<void> Save(const ProcedureSettings& settings);
  std::optional<ProcedureSettings> Find(std::string_view procedure_code);

 private:
  sql::Connection& db_;
};

}  // namespace motcua::store
