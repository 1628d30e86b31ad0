#pragma once
// A fixture with a fresh connection on each engine of the engine interface (store/sql/connection.h): SQLite in a
// private in-memory database, PostgreSQL on the test server (support/postgres_server.h; skipped, or failed when
// required, without one). Tests keep their rows in TEMP tables, which live as long as the connection, so that no test
// sees another's rows on a shared server. A suite derives from it and is instantiated with
//   INSTANTIATE_TEST_SUITE_P(Engines, MySuite, ::testing::ValuesIn(test_support::kSqlEngines),
//   test_support::EngineName);
// A derived SetUp calls this one first and returns when IsSkipped().
#include <gtest/gtest.h>

#include <array>
#include <memory>
#include <string>

#include "store/postgresql/pg_connection.h"
#include "store/sqlite/sqlite_connection.h"
#include "support/postgres_server.h"

namespace motcua::test_support {

inline const std::array<std::string, 2> kSqlEngines = {"sqlite", "postgresql"};

inline std::string EngineName(const ::testing::TestParamInfo<std::string>& info) { return info.param; }

class SqlEngineTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgresql") {
      MOTCUA_NEED_POSTGRES();
      connection_ = std::make_unique<store::PgConnection>(*TestPostgresUrl());
    } else {
      connection_ = std::make_unique<store::SqliteConnection>(":memory:");
      connection_->ExecuteScript("PRAGMA foreign_keys = ON");  // as the store opens its files
    }
  }

  std::unique_ptr<store::sql::Connection> connection_;
};

}  // namespace motcua::test_support
