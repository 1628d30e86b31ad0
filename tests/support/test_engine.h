#pragma once
// The engine the API and browser tests run on: SQLite, unless MOTCUA_TEST_ENGINE=postgresql, where each test's
// server gets a fresh PostgreSQL schema on the server MOTCUA_TEST_PG names (scripts/test.sh runs those suites once
// on each engine). The store suites do not use this: they run on every engine in one run (store_backends.h).
#include <cstdlib>
#include <string>

#include "store/disk_blob_store.h"
#include "store/store_spec.h"
#include "support/pg_test_database.h"

namespace motcua::test_support {

inline bool TestsOnPostgres() {
  const char* engine = std::getenv("MOTCUA_TEST_ENGINE");
  return engine != nullptr && std::string(engine) == "postgresql";
}

// A new database for one test: the SQLite file `sqlite_path` (its files beside it), or on PostgreSQL a new schema
// with its files in the folder that would stand beside that file.
inline store::StoreSpec FreshTestSpec(const std::string& sqlite_path) {
  if (!TestsOnPostgres()) return store::StoreSpec::Sqlite(sqlite_path);
  return store::StoreSpec{store::StoreSpec::Engine::kPostgresql, FreshPostgresDatabase(),
                          store::BlobFolderBeside(sqlite_path)};
}

}  // namespace motcua::test_support
