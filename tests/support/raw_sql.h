#pragma once
// A connection of the test's own to a store's database, beside the Store interface: to look at rows the interface
// does not show, or to change them behind the store's back (tamper tests), on either engine.
#include <memory>

#include "store/postgresql/pg_connection.h"
#include "store/sql/connection.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/store_spec.h"

namespace motcua::test_support {

inline std::unique_ptr<store::sql::Connection> RawSql(const store::StoreSpec& spec) {
  if (spec.engine == store::StoreSpec::Engine::kPostgresql) return std::make_unique<store::PgConnection>(spec.location);
  return std::make_unique<store::SqliteConnection>(spec.location);
}

}  // namespace motcua::test_support
