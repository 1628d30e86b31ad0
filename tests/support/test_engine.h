#pragma once
// The engine the API and browser tests run on: SQLite, unless MOTCUA_TEST_ENGINE=postgresql, where each test's
// server gets a fresh PostgreSQL database on the server MOTCUA_TEST_PG names (scripts/test.sh runs those suites once
// on each engine). The store suites do not use this: they run on every engine in one run (store_backends.h).
#include <cstdlib>
#include <string>

#include <filesystem>

#include "store/disk_blob_store.h"
#include "store/store_spec.h"
#include "support/catalogue_template.h"

namespace motcua::test_support {

inline bool TestsOnPostgres() {
  const char* engine = std::getenv("MOTCUA_TEST_ENGINE");
  return engine != nullptr && std::string(engine) == "postgresql";
}

// A new database for one test server, holding the national catalogue (a copy of catalogue_template.h's template):
// the SQLite file `sqlite_path` (its files beside it), or on PostgreSQL a new database with its files in the folder
// that would stand beside that file.
inline store::StoreSpec FreshCatalogueSpec(const std::string& sqlite_path) {
  if (!TestsOnPostgres()) {
    for (const char* suffix : {"-wal", "-shm"}) std::filesystem::remove(sqlite_path + suffix);  // a reused pid's
    CopySqliteCatalogueTemplate(sqlite_path);
    return store::StoreSpec::Sqlite(sqlite_path);
  }
  return store::StoreSpec{store::StoreSpec::Engine::kPostgresql, PostgresDatabaseWithCatalogue(),
                          store::BlobFolderBeside(sqlite_path)};
}

// Removes the database FreshCatalogueSpec made (not its files folder).
inline void RemoveTestDatabase(const store::StoreSpec& spec) {
  if (spec.engine == store::StoreSpec::Engine::kPostgresql) return DropPostgresDatabase(spec.location);
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(spec.location + suffix);
}

}  // namespace motcua::test_support
