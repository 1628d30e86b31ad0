// The PostgreSQL schema (src/store/postgresql/migrations/: 0017_baseline.sql, then one file per later version) is
// the SQLite schema as its migrations leave it: the same tables, the same columns with the same coarse types, the
// same primary keys, the same named indexes and append-only guards. A migration added on one engine and not the
// other fails here.
#include <gtest/gtest.h>
#include <unistd.h>

#include <map>
#include <set>
#include <string>

#include "store/postgresql/pg_migrator.h"
#include "store/sqlite/sqlite_migrator.h"
#include "support/sql_engines.h"

namespace motcua::store {
namespace {

using Columns = std::map<std::string, std::string>;  // "table.column" → coarse type

// SQLite's declared type as PostgreSQL names the type that stands for it.
std::string PostgresTypeFor(const std::string& sqlite_type) {
  static const std::map<std::string, std::string> kTypes = {
      {"INTEGER", "bigint"}, {"TEXT", "text"}, {"REAL", "double precision"}, {"BLOB", "bytea"}};
  const auto found = kTypes.find(sqlite_type);
  return found == kTypes.end() ? "?" + sqlite_type : found->second;
}

std::set<std::string> Strings(sql::Connection& db, const std::string& query) {
  std::set<std::string> values;
  sql::Statement rows(db, query);
  while (rows.Step()) values.insert(rows.Text(0));
  return values;
}

// From the baseline on, each version is written once per engine under the same number and name (§3.7 of
// docs/design/postgresql.md): the lists agree without a server.
TEST(MigrationListsTest, AfterThePostgresBaselineBothEnginesHaveTheSameVersions) {
  std::set<std::string> sqlite, postgres;
  for (const EmbeddedFile& file : SqliteMigrationFiles()) {
    if (file.path >= "0018") sqlite.insert(std::string(file.path));
  }
  for (const EmbeddedFile& file : PostgresMigrationFiles()) {
    if (file.path != "0017_baseline.sql") postgres.insert(std::string(file.path));
  }
  EXPECT_TRUE(sqlite.contains("0018_province_keys.sql"));
  EXPECT_EQ(postgres, sqlite);
}

class PgSchemaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    MOTCUA_NEED_POSTGRES();
    pg_ = std::make_unique<PgConnection>(*test_support::TestPostgresUrl());
    // A schema of its own, so that tests on one server do not meet.
    schema_ = "schema_test_" + std::to_string(::getpid());
    pg_->ExecuteScript("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE; CREATE SCHEMA " + schema_ +
                       "; SET search_path TO " + schema_);
    ASSERT_TRUE(MigratePostgres(*pg_).has_value());
    ASSERT_TRUE(MigrateSqlite(sqlite_).has_value());
  }
  void TearDown() override {
    if (pg_) pg_->ExecuteScript("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
  }

  std::unique_ptr<PgConnection> pg_;
  SqliteConnection sqlite_{":memory:"};
  std::string schema_;
};

TEST_F(PgSchemaTest, BothEnginesHaveTheSameColumnsWithTheSameTypes) {
  Columns sqlite, postgres;
  sql::Statement sqlite_columns(
      sqlite_,
      "SELECT m.name, p.name, upper(p.type) FROM sqlite_schema m, pragma_table_info(m.name) p "
      "WHERE m.type = 'table'");
  while (sqlite_columns.Step()) {
    sqlite[sqlite_columns.Text(0) + "." + sqlite_columns.Text(1)] = PostgresTypeFor(sqlite_columns.Text(2));
  }
  sql::Statement postgres_columns(*pg_,
                                  "SELECT table_name, column_name, data_type FROM information_schema.columns "
                                  "WHERE table_schema = current_schema()");
  while (postgres_columns.Step()) {
    postgres[postgres_columns.Text(0) + "." + postgres_columns.Text(1)] = postgres_columns.Text(2);
  }
  ASSERT_GT(sqlite.size(), 150u) << "SQLite's columns were not read";
  EXPECT_EQ(postgres, sqlite);
}

TEST_F(PgSchemaTest, BothEnginesHaveTheSameNamedIndexesAndGuards) {
  EXPECT_EQ(Strings(*pg_,
                    "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() "
                    "AND indexname NOT LIKE '%\\_pkey' AND indexname NOT LIKE '%\\_key'"),
            Strings(sqlite_, "SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL"));
  EXPECT_EQ(
      Strings(*pg_, "SELECT trigger_name FROM information_schema.triggers WHERE trigger_schema = current_schema()"),
      Strings(sqlite_, "SELECT name FROM sqlite_schema WHERE type = 'trigger'"));
}

// The keys, column by column in order: the province leads those of dossiers and their events (0018), on both.
TEST_F(PgSchemaTest, BothEnginesHaveTheSamePrimaryKeys) {
  std::map<std::string, std::string> sqlite, postgres;  // table → "column, column, …"
  sql::Statement sqlite_keys(sqlite_,
                             "SELECT m.name, p.name FROM sqlite_schema m, pragma_table_info(m.name) p "
                             "WHERE m.type = 'table' AND p.pk > 0 ORDER BY m.name, p.pk");
  while (sqlite_keys.Step()) {
    std::string& key = sqlite[sqlite_keys.Text(0)];
    key += (key.empty() ? "" : ", ") + sqlite_keys.Text(1);
  }
  sql::Statement postgres_keys(*pg_,
                               "SELECT k.table_name, k.column_name FROM information_schema.table_constraints c "
                               "JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name "
                               "AND k.table_schema = c.table_schema AND k.table_name = c.table_name "
                               "WHERE c.constraint_type = 'PRIMARY KEY' AND c.table_schema = current_schema() "
                               "ORDER BY k.table_name, k.ordinal_position");
  while (postgres_keys.Step()) {
    std::string& key = postgres[postgres_keys.Text(0)];
    key += (key.empty() ? "" : ", ") + postgres_keys.Text(1);
  }
  EXPECT_EQ(postgres, sqlite);
  EXPECT_EQ(sqlite["dossiers"], "province_code, code");
  EXPECT_EQ(sqlite["dossier_events"], "province_code, dossier_code, seq");
}

TEST_F(PgSchemaTest, EventsAndTheLogAreAppendOnly) {
  pg_->ExecuteScript(
      "INSERT INTO dossier_events VALUES ('15', 'H-1', 1, 'received', 'u', 'receptionist', '05152', 't', 't', 0, "
      "'', '{}', '', 'h'); INSERT INTO event_log VALUES (1, 'H-1', 1, 'c')");
  for (const char* change :
       {"UPDATE dossier_events SET actor_user = 'x'", "DELETE FROM dossier_events", "TRUNCATE dossier_events",
        "UPDATE event_log SET chain = 'x'", "DELETE FROM event_log", "TRUNCATE event_log"}) {
    try {
      pg_->ExecuteScript(change);
      ADD_FAILURE() << change << " was allowed";
    } catch (const sql::DbError& error) {
      EXPECT_EQ(error.failure(), sql::Failure::kCheck) << change;
      EXPECT_NE(std::string(error.what()).find("append-only"), std::string::npos) << error.what();
    }
  }
}

TEST_F(PgSchemaTest, AMigrationIsStampedInTheStoresTimeFormat) {
  sql::Statement stamp(*pg_, "SELECT applied_at FROM schema_migrations WHERE version = 17");
  ASSERT_TRUE(stamp.Step());
  const std::string at = stamp.Text(0);
  ASSERT_EQ(at.size(), 20u) << at;
  EXPECT_EQ(at[10], 'T') << at;
  EXPECT_EQ(at.back(), 'Z') << at;
}

TEST_F(PgSchemaTest, MigratingAgainAppliesNothing) {
  ASSERT_TRUE(MigratePostgres(*pg_).has_value());
  sql::Statement count(*pg_, "SELECT count(*) FROM schema_migrations");
  ASSERT_TRUE(count.Step());
  // The baseline and each version after it, once each.
  EXPECT_EQ(count.Int(0), static_cast<std::int64_t>(PostgresMigrationFiles().size()));
  EXPECT_GE(count.Int(0), 4) << "0017 (baseline), 0018, 0019, 0020";
}

TEST_F(PgSchemaTest, ADatabaseThatDoesNotSortTextByBytesIsRefused) {
  // The test cluster is made with the C locale; another database in it with a language's collation is not.
  pg_->ExecuteScript("DROP DATABASE IF EXISTS motcua_en_collation");
  pg_->ExecuteScript(
      "CREATE DATABASE motcua_en_collation TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' "
      "LC_CTYPE 'C.UTF-8'");
  // C.UTF-8 sorts by code point, which for UTF-8 is byte order: accepted.
  std::string url = *test_support::TestPostgresUrl();
  url.replace(url.rfind('/') + 1, std::string::npos, "motcua_en_collation");
  {
    PgConnection accepted(url);
    EXPECT_TRUE(MigratePostgres(accepted).has_value());
  }
  pg_->ExecuteScript("DROP DATABASE motcua_en_collation");
  // ICU's English collation (PostgreSQL 15 is built with ICU on Debian) sorts "a" < "B", where bytes put "B" first.
  pg_->ExecuteScript(
      "CREATE DATABASE motcua_en_collation TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8' "
      "LOCALE_PROVIDER icu ICU_LOCALE 'en-US'");
  Result<void> refused;
  {
    PgConnection other(url);
    refused = MigratePostgres(other);
  }
  pg_->ExecuteScript("DROP DATABASE motcua_en_collation");
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(refused.error().field, "db");
  EXPECT_NE(refused.error().message_en.find("collation"), std::string::npos) << refused.error().message_en;
}

}  // namespace
}  // namespace motcua::store
