#pragma once
// The engines every store suite runs on, in one list: SQLite in memory and in a file, and PostgreSQL (a schema of
// its own per test on the server MOTCUA_TEST_PG names; skipped without one, failed when MOTCUA_REQUIRE_PG=1). A suite
// derives from StoreBackendTest and is instantiated with
//   INSTANTIATE_TEST_SUITE_P(Backends, MySuite, ::testing::ValuesIn(test_support::StoreBackends()),
//                            test_support::BackendName);
// so that a new engine runs every contract test without a line changed in them.
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "store/store_factory.h"
#include "support/pg_test_database.h"
#include "support/temp_db.h"

namespace motcua::test_support {

struct StoreBackend {
  std::string name;  // "sqlite_memory", "sqlite_file", "postgresql"; a valid test-name suffix
  // Why the engine cannot run here (not built, no server configured), or nullopt: the suite is skipped, saying so.
  std::function<std::optional<std::string>()> unavailable;
  // A new, empty database on this engine.
  std::function<store::StoreSpec()> fresh;
  // Whether a second connection to the same spec sees the same data (false for SQLite's :memory:).
  bool shared = true;

  friend void PrintTo(const StoreBackend& backend, std::ostream* os) { *os << backend.name; }
};

inline std::vector<StoreBackend> StoreBackends() {
  const auto always = [] { return std::optional<std::string>(); };
  return {
      {"sqlite_memory", always, [] { return store::StoreSpec::Sqlite(":memory:"); }, false},
      {"sqlite_file", always, [] { return store::StoreSpec::Sqlite(TempDbPath()); }, true},
      {"postgresql",
       []() -> std::optional<std::string> {
         if (TestPostgresUrl()) return std::nullopt;
         return std::string(kNoPostgres);
       },
       [] {
         // Document files have no database file to stand beside: a folder of their own.
         return store::StoreSpec{store::StoreSpec::Engine::kPostgresql, FreshPostgresDatabase(),
                                 TempDbPath() + ".files"};
       },
       true},
  };
}

// Said by a test skipped on an engine whose database a second connection cannot see:
//   if (!GetParam().shared) GTEST_SKIP() << kNeedsSharedDatabase;
inline constexpr const char* kNeedsSharedDatabase =
    "a second connection to this database would open another, empty one";

inline std::string BackendName(const ::testing::TestParamInfo<StoreBackend>& info) { return info.param.name; }

// A fixture with a fresh, migrated store on the parameter's engine. A derived SetUp calls this one first and returns
// when IsSkipped().
class StoreBackendTest : public ::testing::TestWithParam<StoreBackend> {
 protected:
  void SetUp() override {
    if (auto why = GetParam().unavailable()) {
      if (PostgresRequired()) FAIL() << *why;
      GTEST_SKIP() << *why;
    }
    spec_ = GetParam().fresh();
    auto opened = store::OpenStore(spec_);
    ASSERT_TRUE(opened.has_value()) << opened.error().message_en;
    store_ = std::move(*opened);
  }
  // Another connection to the same database (shared engines only).
  std::unique_ptr<store::Store> Reopen() const { return store::OpenStore(spec_).value(); }

  store::StoreSpec spec_;
  std::unique_ptr<store::Store> store_;
};

}  // namespace motcua::test_support
