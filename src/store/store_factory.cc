#include "store/store_factory.h"

#include "store/sql/sql_store_provider.h"
#include "store/sqlite/sqlite_store.h"

namespace motcua::store {
namespace {

Error NoPostgresql() {
  // The engine interface has both engines (store/sql/connection.h); the store's tables move onto it next.
  return Error::FailedPrecondition("db", "bản motcua này chưa lưu được dữ liệu vào PostgreSQL: dùng một tệp SQLite",
                                   "this motcua cannot keep its data in PostgreSQL yet: use a SQLite file");
}

}  // namespace

Result<std::unique_ptr<Store>> OpenStore(const StoreSpec& spec) {
  if (spec.engine == StoreSpec::Engine::kPostgresql) return Fail(NoPostgresql());
  return OpenSqliteStore(spec.location);
}

Result<std::unique_ptr<StoreProvider>> OpenStoreProvider(const StoreSpec& spec) {
  if (spec.engine == StoreSpec::Engine::kPostgresql) return Fail(NoPostgresql());
  if (spec.IsMemory()) {
    return Fail(Error::InvalidArgument("db", "máy chủ cần một tệp cơ sở dữ liệu, không phải :memory:",
                                       "a server needs a database file, not :memory:"));
  }
  return std::make_unique<SqlStoreProvider>(SqliteOpener(spec.location));
}

}  // namespace motcua::store
