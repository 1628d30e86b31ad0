#pragma once
// A fresh, empty PostgreSQL database for one test: a schema of its own in the server MOTCUA_TEST_PG names
// (postgres_server.h), reached through a URL whose search_path is that schema, so that the tests of one run (and
// of parallel runs) never meet. The schemas stay until the test cluster is thrown away (scripts/test.sh).
#include <unistd.h>

#include <atomic>
#include <string>

#include "store/postgresql/pg_connection.h"
#include "support/postgres_server.h"

namespace motcua::test_support {

// The URL of a new schema "t<pid>_<n>" on the test server; MOTCUA_TEST_PG must be set.
inline std::string FreshPostgresDatabase() {
  static std::atomic<int> counter{0};
  const std::string server = TestPostgresUrl().value();
  const std::string schema = "t" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
  store::PgConnection(server).ExecuteScript("CREATE SCHEMA " + schema);
  return server + (server.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema;
}

}  // namespace motcua::test_support
