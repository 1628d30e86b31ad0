// Group commit (store/sql/sql_group_commit.h) and the nesting transactions it relies on: the writes of
// many threads share one transaction, a failing write rolls back alone, every caller returns once durable; and
// Store::InOneTransaction, where a failed append rolls back alone and a failed batch rolls back whole.
#include "store/sql/sql_group_commit.h"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "store/sql/sql_store_provider.h"
#include "store/sqlite/sqlite_store.h"
#include "support/sample_events.h"
#include "support/temp_db.h"

namespace motcua::store {
namespace {

using test_support::Event;
using test_support::SomeReceived;

DossierEvent Reception(const std::string& code) { return Event(SomeReceived(), "2026-01-12T07:45:00+07:00", code); }

Result<std::string> PrefixedCode(std::int64_t n) { return "P-" + std::to_string(n); }

// An approval of a dossier that was never received: the state machine refuses it.
DossierEvent Orphan(const std::string& code) {
  return Event(ResultApproved{"Giấy khai sinh", "Chủ tịch"}, "2026-01-12T09:00:00+07:00", code);
}

// Wait (yielding, without sleeping) until the writer holds `n` writes, or `n` more are queued.
void WaitUntilTaken(SqlStoreProvider& provider, std::uint64_t n) {
  while (provider.WriterTotals().taken < n) std::this_thread::yield();
}
void WaitUntilQueued(SqlStoreProvider& provider, std::size_t n) {
  while (provider.WriterWaiting() < n) std::this_thread::yield();
}

TEST(GroupCommitTest, WritesQueuedWhileTheWriterWaitsCommitTogetherAndAFailureRollsBackAlone) {
  const std::string path = test_support::TempDbPath();
  SqlStoreProvider provider(SqliteOpener(path));
  ASSERT_TRUE(provider.ForThisThread().has_value());  // opens the writer
  // Another connection holds the write lock, so that the writer's first group waits and the rest queue up.
  SQLite::Database blocker(path, SQLite::OPEN_READWRITE);
  blocker.exec("BEGIN IMMEDIATE");
  constexpr int kThreads = 6;
  std::vector<Result<DossierState>> results(kThreads, Fail(Error::Internal("not run", "not run")));
  std::vector<std::jthread> threads;
  threads.emplace_back([&] {
    Store* store = provider.ForThisThread().value();
    results[0] = store->AppendDossierEvents(std::vector{Reception("G-0")}, {});
  });
  WaitUntilTaken(provider, 1);  // the writer holds G-0, waiting for the lock
  for (int i = 1; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      Store* store = provider.ForThisThread().value();
      const std::string code = "G-" + std::to_string(i);
      results[static_cast<std::size_t>(i)] =
          store->AppendDossierEvents(std::vector{i == 3 ? Orphan(code) : Reception(code)}, {});
    });
  }
  WaitUntilQueued(provider, kThreads - 1);
  blocker.exec("COMMIT");
  threads.clear();  // joins

  for (int i = 0; i < kThreads; ++i) {
    EXPECT_EQ(results[static_cast<std::size_t>(i)].has_value(), i != 3) << "G-" << i;
  }
  EXPECT_EQ(results[3].error().code, ErrorCode::kFailedPrecondition);
  const auto totals = provider.WriterTotals();
  EXPECT_EQ(totals.writes, static_cast<std::uint64_t>(kThreads));
  EXPECT_EQ(totals.groups, 2u) << "one group for the write that waited, one for the five queued behind it";

  auto reader = OpenSqliteStore(path).value();
  EXPECT_EQ(reader->DossierCodes({}).value(), (std::vector<std::string>{"G-0", "G-1", "G-2", "G-4", "G-5"}));
  EXPECT_FALSE(reader->VerifyDossierChains().value().has_value());
  EXPECT_FALSE(reader->RebuildCounters({}, false).value().has_value()) << "counters written with their events";
}

// A reception through the server's writer: number and append in one write, from many threads at once, every
// code different and consecutive, each dossier stored with its first event.
TEST(GroupCommitTest, NewDossiersAreNumberedAndStoredInOneWrite) {
  const std::string path = test_support::TempDbPath();
  SqlStoreProvider provider(SqliteOpener(path));
  ASSERT_TRUE(provider.ForThisThread().has_value());
  const Store::DossierCodeOf code_of = [](std::int64_t n) -> Result<std::string> {
    return "R-" + std::string(n < 10 ? "0" : "") + std::to_string(n);
  };
  {
    std::vector<std::jthread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&] {
        Store* store = provider.ForThisThread().value();
        for (int i = 0; i < 10; ++i) {
          EXPECT_TRUE(store->AppendNewDossier("R", code_of, std::vector{Reception("")}, {}).has_value());
        }
      });
    }
  }
  EXPECT_EQ(provider.WriterTotals().writes, 40u) << "one trip through the writer per dossier";
  auto reader = OpenSqliteStore(path).value();
  std::vector<std::string> expected;
  for (int n = 1; n <= 40; ++n) expected.push_back(code_of(n).value());
  EXPECT_EQ(reader->DossierCodes({}).value(), expected);
  EXPECT_FALSE(reader->VerifyDossierChains().value().has_value());
}

TEST(InOneTransactionTest, AFailedAppendRollsBackAloneAndTheRestCommitsOnce) {
  const std::string path = test_support::TempDbPath();
  auto store = OpenSqliteStore(path).value();
  auto done = store->InOneTransaction([&]() -> Result<void> {
    EXPECT_TRUE(store->AppendDossierEvents(std::vector{Reception("T-1")}, {}).has_value());
    EXPECT_FALSE(store->AppendDossierEvents(std::vector{Orphan("T-2")}, {}).has_value());
    EXPECT_TRUE(store->AppendDossierEvents(std::vector{Reception("T-3")}, {}).has_value());
    // Nothing is visible to another connection before the end.
    EXPECT_TRUE(OpenSqliteStore(path).value()->DossierCodes({}).value().empty());
    return {};
  });
  ASSERT_TRUE(done.has_value()) << done.error().message_en;
  auto reader = OpenSqliteStore(path).value();
  EXPECT_EQ(reader->DossierCodes({}).value(), (std::vector<std::string>{"T-1", "T-3"}));
  EXPECT_FALSE(reader->RebuildCounters({}, false).value().has_value()) << "the batch's counters, written at its end";
}

TEST(InOneTransactionTest, AFailedBatchLeavesNothing) {
  const std::string path = test_support::TempDbPath();
  auto store = OpenSqliteStore(path).value();
  auto done = store->InOneTransaction([&]() -> Result<void> {
    EXPECT_TRUE(store->AppendDossierEvents(std::vector{Reception("T-1")}, {}).has_value());
    EXPECT_EQ(store->AppendNewDossier("P", PrefixedCode, std::vector{Reception("")}, {}).value().code, "P-1");
    return Fail(Error::Internal("stop", "stop"));
  });
  ASSERT_FALSE(done.has_value());
  EXPECT_TRUE(store->DossierCodes({}).value().empty());
  EXPECT_EQ(store->AppendNewDossier("P", PrefixedCode, std::vector{Reception("")}, {}).value().code, "P-1")
      << "the sequence rolled back too";
  EXPECT_FALSE(store->RebuildCounters({}, false).value().has_value());
}

TEST(InOneTransactionTest, AStateKeptByARolledBackAppendIsNotUsedAgain) {
  auto store = OpenSqliteStore(test_support::TempDbPath()).value();
  // The connection keeps T-1's state after its append; the batch then rolls back, so T-1 is not stored.
  (void)store->InOneTransaction([&]() -> Result<void> {
    EXPECT_TRUE(store->AppendDossierEvents(std::vector{Reception("T-1")}, {}).has_value());
    return Fail(Error::Internal("stop", "stop"));
  });
  // Approving T-1 must see that it was never received, not the kept state.
  EXPECT_EQ(store->AppendDossierEvents(std::vector{Orphan("T-1")}, {}).error().code, ErrorCode::kFailedPrecondition);
  ASSERT_TRUE(store->AppendDossierEvents(std::vector{Reception("T-1")}, {}).has_value());
  EXPECT_FALSE(store->VerifyDossierChains().value().has_value());
}

}  // namespace
}  // namespace motcua::store
