// The engine interface (store/sql/connection.h) behaves the same on SQLite and on PostgreSQL: values go in and
// come back unchanged, placeholders are numbered alike, changes are counted alike, transactions and savepoints
// nest alike, and each failure the store must tell apart arrives as the same Failure. The store's SQL is written
// once on the strength of this suite.
#include <gtest/gtest.h>

#include <limits>
#include <memory>
#include <string>

#include "store/postgresql/pg_connection.h"
#include "support/sql_engines.h"

namespace motcua::store {
namespace {

using sql::Failure;
using sql::Statement;

class SqlConnectionTest : public test_support::SqlEngineTest {
 protected:
  void SetUp() override {
    SqlEngineTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    const std::string blob = GetParam() == "postgresql" ? "BYTEA" : "BLOB";
    connection_->ExecuteScript(
        "CREATE TEMP TABLE parents (id BIGINT PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
        "CREATE TEMP TABLE children (id BIGINT PRIMARY KEY, parent BIGINT REFERENCES parents (id), "
        "amount DOUBLE PRECISION, note TEXT, data " +
        blob + ")");
  }

  void AddParent(std::int64_t id, std::string_view name) {
    Statement insert(*connection_, "INSERT INTO parents (id, name) VALUES (?, ?)");
    insert.Bind(1, id).Bind(2, name);
    EXPECT_EQ(insert.Execute(), 1);
  }

  std::int64_t CountParents() {
    Statement count(*connection_, "SELECT count(*) FROM parents");
    EXPECT_TRUE(count.Step());
    return count.Int(0);
  }

  // The Failure of running `sql` with no parameters, or nullopt when it succeeds.
  std::optional<Failure> FailureOf(std::string_view sql) {
    try {
      Statement statement(*connection_, sql);
      statement.Execute();
      return std::nullopt;
    } catch (const sql::DbError& error) {
      return error.failure();
    }
  }
};

INSTANTIATE_TEST_SUITE_P(Engines, SqlConnectionTest, ::testing::ValuesIn(test_support::kSqlEngines),
                         test_support::EngineName);

TEST_P(SqlConnectionTest, NamesItsEngine) { EXPECT_EQ(connection_->engine(), GetParam()); }

TEST_P(SqlConnectionTest, ValuesComeBackAsTheyWent) {
  const std::string vietnamese = "Hồ sơ đăng ký khai sinh — Phường Tô Hiệu, Sơn La";
  const sql::Blob bytes = {std::byte{0}, std::byte{0xff}, std::byte{'\\'}, std::byte{'x'}, std::byte{0}};
  AddParent(1, "cha");
  Statement insert(*connection_, "INSERT INTO children (id, parent, amount, note, data) VALUES (?, ?, ?, ?, ?)");
  insert.Bind(1, std::numeric_limits<std::int64_t>::max()).Bind(2, 1).Bind(3, 1234567.125).Bind(4, vietnamese);
  insert.Bind(5, std::span<const std::byte>(bytes));
  ASSERT_EQ(insert.Execute(), 1);
  Statement empty(*connection_, "INSERT INTO children (id, parent, amount, note, data) VALUES (?, ?, ?, ?, ?)");
  empty.Bind(1, std::numeric_limits<std::int64_t>::min()).Bind(2, nullptr).Bind(3, nullptr).Bind(4, "");
  empty.Bind(5, nullptr);
  ASSERT_EQ(empty.Execute(), 1);

  Statement read(*connection_, "SELECT id, parent, amount, note, data FROM children ORDER BY id DESC");
  ASSERT_TRUE(read.Step());
  EXPECT_EQ(read.Int(0), std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(read.Int(1), 1);
  EXPECT_EQ(read.Real(2), 1234567.125);
  EXPECT_EQ(read.Text(3), vietnamese);
  EXPECT_EQ(read.Bytes(4), bytes);
  ASSERT_TRUE(read.Step());
  EXPECT_EQ(read.Int(0), std::numeric_limits<std::int64_t>::min());
  EXPECT_TRUE(read.Null(1));
  EXPECT_TRUE(read.Null(2));
  EXPECT_FALSE(read.Null(3)) << "an empty text is not NULL";
  EXPECT_EQ(read.Text(3), "");
  EXPECT_TRUE(read.Null(4));
  EXPECT_FALSE(read.Step());
}

// A repeated parameter must be used where one type is expected: PostgreSQL deduces one type per parameter and
// refuses "bigint versus double precision" (the store's SQL keeps to this; a CAST says it when it must).
TEST_P(SqlConnectionTest, AnyReadsAColumnAsTheTypeItIsStoredAs) {
  AddParent(1, "cha");
  Statement insert(*connection_, "INSERT INTO children (id, parent, amount, note) VALUES (?, ?, ?, ?)");
  insert.Bind(1, sql::Value(std::int64_t{5})).Bind(2, sql::Value(nullptr)).Bind(3, sql::Value(2.5));
  insert.Bind(4, sql::Value(std::string("năm")));
  ASSERT_EQ(insert.Execute(), 1);
  Statement read(*connection_, "SELECT id, parent, amount, note FROM children");
  ASSERT_TRUE(read.Step());
  EXPECT_EQ(read.Any(0), sql::Value(std::int64_t{5}));
  EXPECT_EQ(read.Any(1), sql::Value(nullptr));
  EXPECT_EQ(read.Any(2), sql::Value(2.5));
  EXPECT_EQ(read.Any(3), sql::Value(std::string("năm")));
}

TEST_P(SqlConnectionTest, NumberedPlaceholdersMayRepeat) {
  Statement insert(*connection_, "INSERT INTO children (id, parent, note) VALUES (?1, NULL, ?2)");
  insert.Bind(1, 7).Bind(2, "bảy");
  ASSERT_EQ(insert.Execute(), 1);
  Statement read(*connection_, "SELECT note FROM children WHERE id = ?1 AND id >= ?1 AND note <> ?2");
  read.Bind(1, 7).Bind(2, "tám");
  ASSERT_TRUE(read.Step());
  EXPECT_EQ(read.Text(0), "bảy");
}

TEST_P(SqlConnectionTest, QuestionMarksInLiteralsAreNotParameters) {
  AddParent(1, "ai? đâu?");
  Statement read(*connection_,
                 "SELECT count(*) FROM parents WHERE name LIKE '%?' AND id = ? -- why?\n AND name <> '?'");
  read.Bind(1, 1);
  ASSERT_TRUE(read.Step());
  EXPECT_EQ(read.Int(0), 1);
}

TEST_P(SqlConnectionTest, CountsTheRowsAStatementChanged) {
  AddParent(1, "a");
  AddParent(2, "b");
  AddParent(3, "c");
  Statement rename(*connection_, "UPDATE parents SET name = name || '!' WHERE id >= ?");
  rename.Bind(1, 2);
  EXPECT_EQ(rename.Execute(), 2);
  Statement again(*connection_, "INSERT INTO parents (id, name) VALUES (?, ?) ON CONFLICT DO NOTHING");
  again.Bind(1, 1).Bind(2, "a");
  EXPECT_EQ(again.Execute(), 0) << "a conflict that does nothing changes nothing";
  Statement returning(*connection_, "INSERT INTO parents (id, name) VALUES (?, ?) RETURNING id");
  returning.Bind(1, 9).Bind(2, "z");
  ASSERT_TRUE(returning.Step());
  EXPECT_EQ(returning.Int(0), 9);
}

TEST_P(SqlConnectionTest, ConditionsAndSumsReadAsIntegers) {
  AddParent(1, "a");
  AddParent(20, "b");
  Statement read(*connection_, "SELECT count(*) > 0, sum(id), max(id) = 20 FROM parents");
  ASSERT_TRUE(read.Step());
  EXPECT_EQ(read.Int(0), 1);
  EXPECT_EQ(read.Int(1), 21);
  EXPECT_EQ(read.Int(2), 1);
}

TEST_P(SqlConnectionTest, AStatementRunsAgainAfterItIsReturned) {
  AddParent(1, "a");
  AddParent(2, "b");
  for (int round = 0; round < 3; ++round) {
    Statement read(*connection_, "SELECT name FROM parents WHERE id = ?");
    read.Bind(1, 2);
    ASSERT_TRUE(read.Step());
    EXPECT_EQ(read.Text(0), "b");
  }  // the second and third rounds use the cached statement
}

TEST_P(SqlConnectionTest, TheSameSqlMayBeInUseTwiceAtOnce) {
  AddParent(1, "a");
  AddParent(2, "b");
  Statement outer(*connection_, "SELECT id FROM parents WHERE id >= ? ORDER BY id");
  outer.Bind(1, 1);
  ASSERT_TRUE(outer.Step());
  {
    Statement inner(*connection_, "SELECT id FROM parents WHERE id >= ? ORDER BY id");
    inner.Bind(1, 2);
    ASSERT_TRUE(inner.Step());
    EXPECT_EQ(inner.Int(0), 2);
  }
  EXPECT_EQ(outer.Int(0), 1);
  ASSERT_TRUE(outer.Step());
  EXPECT_EQ(outer.Int(0), 2);
}

TEST_P(SqlConnectionTest, SavepointsNestInsideATransaction) {
  EXPECT_FALSE(connection_->InTransaction());
  connection_->ExecuteScript(connection_->BeginSql(sql::TxMode::kWrite));
  EXPECT_TRUE(connection_->InTransaction());
  AddParent(1, "kept");
  connection_->ExecuteScript("SAVEPOINT s1");
  AddParent(2, "undone");
  connection_->ExecuteScript("ROLLBACK TO SAVEPOINT s1");
  connection_->ExecuteScript("RELEASE SAVEPOINT s1");
  connection_->ExecuteScript("SAVEPOINT s2");
  AddParent(3, "released");
  connection_->ExecuteScript("RELEASE SAVEPOINT s2");
  connection_->ExecuteScript("COMMIT");
  EXPECT_FALSE(connection_->InTransaction());
  EXPECT_EQ(CountParents(), 2);
  connection_->ExecuteScript(connection_->BeginSql(sql::TxMode::kRead));
  AddParent(4, "rolled back");
  connection_->ExecuteScript("ROLLBACK");
  EXPECT_EQ(CountParents(), 2);
}

TEST_P(SqlConnectionTest, AFailedStatementIsUndoneToItsSavepointAndTheRestCommits) {
  connection_->ExecuteScript(connection_->BeginSql(sql::TxMode::kWrite));
  AddParent(1, "a");
  connection_->ExecuteScript("SAVEPOINT s1");
  EXPECT_EQ(FailureOf("INSERT INTO parents (id, name) VALUES (1, 'again')"), Failure::kUniqueViolation);
  connection_->ExecuteScript("ROLLBACK TO SAVEPOINT s1");  // PostgreSQL needs it before the next statement
  connection_->ExecuteScript("RELEASE SAVEPOINT s1");
  AddParent(2, "b");
  connection_->ExecuteScript("COMMIT");
  EXPECT_EQ(CountParents(), 2);
}

TEST_P(SqlConnectionTest, ConstraintsFailWithTheirOwnFailure) {
  AddParent(1, "a");
  EXPECT_EQ(FailureOf("INSERT INTO parents (id, name) VALUES (2, 'a')"), Failure::kUniqueViolation);
  EXPECT_EQ(FailureOf("INSERT INTO parents (id, name) VALUES (1, 'b')"), Failure::kUniqueViolation);
  EXPECT_EQ(FailureOf("INSERT INTO children (id, parent) VALUES (1, 99)"), Failure::kForeignKey);
  EXPECT_EQ(FailureOf("INSERT INTO parents (id, name) VALUES (3, NULL)"), Failure::kCheck);
  EXPECT_EQ(FailureOf("SELECT no_such_column FROM parents"), Failure::kOther);
  EXPECT_EQ(CountParents(), 1);
}

TEST_P(SqlConnectionTest, TextWithANulByteIsRefusedNotCut) {
  Statement insert(*connection_, "INSERT INTO parents (id, name) VALUES (?, ?)");
  insert.Bind(1, 1);
  try {
    insert.Bind(2, std::string_view("ab\0cd", 5));
    insert.Execute();
    FAIL() << "stored text with a NUL byte";
  } catch (const sql::DbError& error) {
    EXPECT_EQ(error.failure(), Failure::kBadText);
  }
  EXPECT_EQ(CountParents(), 0);
}

// --- PostgreSQL only ---------------------------------------------------------------------------------------

TEST(PgConnectionTest, AServerThatCannotBeReachedIsAConnectionFailureWithoutThePassword) {
  try {
    PgConnection connection("postgresql://motcua:hunter2@127.0.0.1:1/motcua?connect_timeout=2");
    FAIL() << "connected to port 1";
  } catch (const sql::DbError& error) {
    EXPECT_EQ(error.failure(), Failure::kConnectionLost);
    EXPECT_EQ(std::string(error.what()).find("hunter2"), std::string::npos) << error.what();
  }
}

TEST(PgConnectionTest, PlaceholdersAreRewrittenOutsideQuotesAndComments) {
  const struct {
    const char* sqlite;
    const char* postgresql;
  } cases[] = {
      {"SELECT 1", "SELECT 1"},
      {"WHERE a = ? AND b = ?", "WHERE a = $1 AND b = $2"},
      {"SET x = ?1, y = ?2 WHERE z = ?1", "SET x = $1, y = $2 WHERE z = $1"},
      {"VALUES (?2, ?)", "VALUES ($2, $3)"},  // as SQLite numbers a plain '?' after ?2
      {"WHERE name = '?' AND id = ?", "WHERE name = '?' AND id = $1"},
      {"WHERE name = 'it''s ?' AND id = ?", "WHERE name = 'it''s ?' AND id = $1"},
      {"SELECT \"what?\" FROM t WHERE id = ?", "SELECT \"what?\" FROM t WHERE id = $1"},
      {"SELECT ? -- and ?\n, ?", "SELECT $1 -- and ?\n, $2"},
      {"SELECT a-b FROM t WHERE c = ?", "SELECT a-b FROM t WHERE c = $1"},
  };
  for (const auto& c : cases) EXPECT_EQ(PostgresPlaceholders(c.sqlite), c.postgresql) << c.sqlite;
}

TEST(PgConnectionTest, SqlStatesMapToFailures) {
  EXPECT_EQ(FailureOfSqlState("23505"), Failure::kUniqueViolation);
  EXPECT_EQ(FailureOfSqlState("23503"), Failure::kForeignKey);
  EXPECT_EQ(FailureOfSqlState("23502"), Failure::kCheck);
  EXPECT_EQ(FailureOfSqlState("23514"), Failure::kCheck);
  EXPECT_EQ(FailureOfSqlState("P0001"), Failure::kCheck);  // RAISE in a trigger (the append-only guards)
  EXPECT_EQ(FailureOfSqlState("40001"), Failure::kSerialization);
  EXPECT_EQ(FailureOfSqlState("40P01"), Failure::kDeadlock);
  EXPECT_EQ(FailureOfSqlState("55P03"), Failure::kBusy);
  EXPECT_EQ(FailureOfSqlState("53100"), Failure::kDiskFull);
  EXPECT_EQ(FailureOfSqlState("25006"), Failure::kReadOnly);
  EXPECT_EQ(FailureOfSqlState("08006"), Failure::kConnectionLost);
  EXPECT_EQ(FailureOfSqlState("57P01"), Failure::kConnectionLost);
  EXPECT_EQ(FailureOfSqlState("22021"), Failure::kBadText);
  EXPECT_EQ(FailureOfSqlState("42703"), Failure::kOther);
  EXPECT_EQ(FailureOfSqlState(""), Failure::kOther);
}

}  // namespace
}  // namespace motcua::store
