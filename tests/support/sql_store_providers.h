#pragma once
// A server's StoreProvider on a test's database, as the concrete SqlStoreProvider so that a test can read its
// group commit's totals; `motcua serve` gets the same through store::OpenStoreProvider.
#include <memory>

#include "store/postgresql/pg_store.h"
#include "store/sql/sql_store_provider.h"
#include "store/sqlite/sqlite_store.h"
#include "store/store_spec.h"

namespace motcua::test_support {

inline std::unique_ptr<store::SqlStoreProvider> ServerStores(const store::StoreSpec& spec) {
  return std::make_unique<store::SqlStoreProvider>(spec.engine == store::StoreSpec::Engine::kPostgresql
                                                       ? store::PostgresOpener(spec.location)
                                                       : store::SqliteOpener(spec.location));
}

}  // namespace motcua::test_support
