// Nested transactions over the engine interface (store/sql/transaction.h), the same on SQLite and PostgreSQL:
// the outermost level is a transaction, inner levels are savepoints; a level that is not committed is undone
// alone; a failed statement inside a savepoint does not spoil the enclosing transaction; and the observer hears
// every level open and end in order.
#include "store/sql/transaction.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "support/sql_engines.h"

namespace motcua::store::sql {
namespace {

class RecordingObserver final : public TransactionObserver {
 public:
  void Opened() override { heard.push_back("opened"); }
  void Released() override { heard.push_back("released"); }
  void Committing() override { heard.push_back("committing"); }
  void Closed() override { heard.push_back("closed"); }
  std::vector<std::string> heard;
};

class SqlTransactionTest : public test_support::SqlEngineTest {
 protected:
  void SetUp() override {
    SqlEngineTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    connection_->ExecuteScript("CREATE TEMP TABLE rows (id BIGINT PRIMARY KEY)");
    connection_->set_observer(&observer_);
  }
  void TearDown() override {
    if (connection_) connection_->set_observer(nullptr);
  }

  void Add(std::int64_t id) {
    Statement insert(*connection_, "INSERT INTO rows (id) VALUES (?)");
    insert.Bind(1, id);
    insert.Execute();
  }
  std::vector<std::int64_t> Ids() {
    std::vector<std::int64_t> ids;
    Statement read(*connection_, "SELECT id FROM rows ORDER BY id");
    while (read.Step()) ids.push_back(read.Int(0));
    return ids;
  }

  RecordingObserver observer_;
};

INSTANTIATE_TEST_SUITE_P(Engines, SqlTransactionTest, ::testing::ValuesIn(test_support::kSqlEngines),
                         test_support::EngineName);

TEST_P(SqlTransactionTest, ACommittedTransactionKeepsItsRows) {
  {
    Transaction transaction(*connection_, TxMode::kWrite);
    EXPECT_TRUE(connection_->InTransaction());
    Add(1);
    transaction.Commit();
  }
  EXPECT_FALSE(connection_->InTransaction());
  EXPECT_EQ(Ids(), (std::vector<std::int64_t>{1}));
  EXPECT_EQ(observer_.heard, (std::vector<std::string>{"opened", "committing", "closed"}));
}

TEST_P(SqlTransactionTest, AnUncommittedTransactionLeavesNothing) {
  {
    Transaction transaction(*connection_, TxMode::kWrite);
    Add(1);
  }
  EXPECT_FALSE(connection_->InTransaction());
  EXPECT_TRUE(Ids().empty());
  EXPECT_EQ(observer_.heard, (std::vector<std::string>{"opened", "closed"}));
}

TEST_P(SqlTransactionTest, AnInnerLevelThatIsNotCommittedIsUndoneAlone) {
  {
    Transaction outer(*connection_, TxMode::kWrite);
    Add(1);
    {
      Transaction kept(*connection_, TxMode::kWrite);
      Add(2);
      kept.Commit();
    }
    {
      Transaction dropped(*connection_, TxMode::kWrite);
      Add(3);
    }
    outer.Commit();
  }
  EXPECT_EQ(Ids(), (std::vector<std::int64_t>{1, 2}));
  EXPECT_EQ(observer_.heard,
            (std::vector<std::string>{"opened", "opened", "released", "opened", "closed", "committing", "closed"}));
}

TEST_P(SqlTransactionTest, AFailedStatementInsideASavepointSpoilsOnlyThatLevel) {
  {
    Transaction outer(*connection_, TxMode::kWrite);
    Add(1);
    try {
      Transaction inner(*connection_, TxMode::kWrite);
      Add(2);
      Add(1);  // a duplicate key: on PostgreSQL the whole transaction is in error until the savepoint is undone
      inner.Commit();
      FAIL() << "a duplicate key was accepted";
    } catch (const DbError& error) {
      EXPECT_EQ(error.failure(), Failure::kUniqueViolation);
    }
    Add(4);
    outer.Commit();
  }
  EXPECT_EQ(Ids(), (std::vector<std::int64_t>{1, 4}));
}

TEST_P(SqlTransactionTest, ThreeLevelsDeepEachLevelAnswersForItself) {
  {
    Transaction first(*connection_, TxMode::kWrite);
    Add(1);
    {
      Transaction second(*connection_, TxMode::kWrite);
      Add(2);
      {
        Transaction third(*connection_, TxMode::kWrite);
        Add(3);
        third.Commit();
      }
      // second is not committed: 2 and 3 (released into it) go together
    }
    first.Commit();
  }
  EXPECT_EQ(Ids(), (std::vector<std::int64_t>{1}));
}

TEST_P(SqlTransactionTest, AReadTransactionSeesOneSnapshotAndMayEnd) {
  Add(1);
  {
    Transaction read(*connection_, TxMode::kRead);
    EXPECT_EQ(Ids(), (std::vector<std::int64_t>{1}));
    read.Commit();
  }
  EXPECT_FALSE(connection_->InTransaction());
}

}  // namespace
}  // namespace motcua::store::sql
