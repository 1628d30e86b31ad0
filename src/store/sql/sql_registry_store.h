#pragma once
// The registry half of the SQLite backend: the agencies and receiving_points tables
// (migrations/0004_registry_and_idempotency.sql). SqliteStore owns the connection and forwards the Store's
// agency and receiving-point methods here, turning SQLite exceptions into Errors; the contracts are in
// store/store.h.
// Thread-safety: as the connection it is given (one thread at a time).

#include <optional>
#include <string_view>
#include <vector>

#include "store/sql/connection.h"
#include "store/store.h"

namespace motcua::store {

class SqlRegistryStore {
 public:
  explicit SqlRegistryStore(sql::Connection& db) : db_(db) {}

  // May throw sql::DbError (after rolling back).
  void SaveAgency(const Agency& agency);
  std::optional<Agency> FindAgency(std::string_view id);
  std::vector<Agency> ListAgencies(std::optional<std::string_view> unit);
  Result<void> SaveReceivingPoint(const ReceivingPoint& point);
  std::optional<ReceivingPoint> FindReceivingPoint(std::string_view id);
  std::vector<ReceivingPoint> ListReceivingPoints(std::optional<std::string_view> unit);

 private:
  bool AgencyExists(std::string_view id);

  sql::Connection& db_;
};

}  // namespace motcua::store
