#pragma once
// The PostgreSQL server the tests may use: MOTCUA_TEST_PG names it (`bash scripts/pg.sh start DIR` starts one on
// loopback and prints its URL; scripts/test.sh does so whenever PostgreSQL 15 is installed). Without it the
// PostgreSQL cases are skipped, saying so — unless MOTCUA_REQUIRE_PG=1 (set by scripts/test.sh, so CI), where
// they fail instead: a run must not pass by skipping PostgreSQL.
#include <cstdlib>
#include <optional>
#include <string>

namespace motcua::test_support {

inline constexpr const char* kNoPostgres =
    "PostgreSQL: skipped — set MOTCUA_TEST_PG=postgresql://… (bash scripts/pg.sh start DIR prints one)";

inline std::optional<std::string> TestPostgresUrl() {
  const char* url = std::getenv("MOTCUA_TEST_PG");
  if (url == nullptr || *url == '\0') return std::nullopt;
  return std::string(url);
}

inline bool PostgresRequired() {
  const char* required = std::getenv("MOTCUA_REQUIRE_PG");
  return required != nullptr && std::string(required) == "1";
}

}  // namespace motcua::test_support

// In a SetUp or a test: skips (or fails, when required) a PostgreSQL case that has no server to run on.
#define MOTCUA_NEED_POSTGRES()                                                                       \
  do {                                                                                               \
    if (!::motcua::test_support::TestPostgresUrl()) {                                                \
      if (::motcua::test_support::PostgresRequired()) FAIL() << ::motcua::test_support::kNoPostgres; \
      GTEST_SKIP() << ::motcua::test_support::kNoPostgres;                                           \
    }                                                                                                \
  } while (false)
