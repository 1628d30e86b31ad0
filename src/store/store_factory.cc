#include "store/store_factory.h"

#include "store/postgresql/pg_store.h"
#include "store/sql/sql_store_provider.h"
#include "store/sqlite/sqlite_store.h"

namespace motcua::store {

Result<std::unique_ptr<Store>> OpenStore(const StoreSpec& spec) {
  if (spec.engine == StoreSpec::Engine::kPostgresql) return OpenPostgresStore(spec.location);
  return OpenSqliteStore(spec.location);
}

Result<std::unique_ptr<StoreProvider>> OpenStoreProvider(const StoreSpec& spec) {
  if (spec.engine == StoreSpec::Engine::kPostgresql) {
    return std::make_unique<SqlStoreProvider>(PostgresOpener(spec.location));
  }
  if (spec.IsMemory()) {
    return Fail(Error::InvalidArgument("db", "máy chủ cần một tệp cơ sở dữ liệu, không phải :memory:",
                                       "a server needs a database file, not :memory:"));
  }
  return std::make_unique<SqlStoreProvider>(SqliteOpener(spec.location));
}

}  // namespace motcua::store
