// Two servers on one database (issue 16, "correct with many writers"): each with its own connections and its own
// group commit, as two `motcua serve` processes have, receiving dossiers at the same time. Every dossier gets a
// code of its own with no gap, every event is chained and logged once, and the report counters equal a rebuild
// from the events. On every engine a second connection can reach: a SQLite file (two processes on one file) and
// PostgreSQL (two application servers of a province).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

#include "store/sql/sql_store_provider.h"
#include "store/sql/transaction.h"
#include "support/raw_sql.h"
#include "support/sample_events.h"
#include "support/sql_store_providers.h"
#include "support/store_backends.h"

namespace motcua::store {
namespace {

using test_support::Event;
using test_support::SomeReceived;

DossierEvent Reception() { return Event(SomeReceived(), "2026-01-12T07:45:00+07:00", ""); }

Result<std::string> ReceptionCode(std::int64_t n) {
  return "000.00.04.H12-260112-" +
         std::string(n < 10     ? "000"
                     : n < 100  ? "00"
                     : n < 1000 ? "0"
                                : "") +
         std::to_string(n);
}

class ManyWritersTest : public test_support::StoreBackendTest {
 protected:
  void SetUp() override {
    test_support::StoreBackendTest::SetUp();
    if (IsSkipped()) return;
    if (!GetParam().shared) GTEST_SKIP() << test_support::kNeedsSharedDatabase;
  }

  // Receives `per_thread` dossiers from each of `threads` threads of `server`, counting failures.
  static void Receive(SqlStoreProvider& server, int threads, int per_thread, std::atomic<int>& failed) {
    std::vector<std::jthread> running;
    for (int t = 0; t < threads; ++t) {
      running.emplace_back([&] {
        auto store = server.ForThisThread();
        if (!store) {
          ++failed;
          return;
        }
        for (int i = 0; i < per_thread; ++i) {
          if (!(*store)->AppendNewDossier("H12-260112", ReceptionCode, std::vector{Reception()}, {})) ++failed;
        }
      });
    }
  }
};

TEST_P(ManyWritersTest, TwoServersReceivingAtOnceNumberEveryDossierOnceAndKeepEveryCount) {
  constexpr int kThreads = 3;
  constexpr int kEach = 15;
  auto first = test_support::ServerStores(spec_);
  auto second = test_support::ServerStores(spec_);
  std::atomic<int> failed = 0;
  {
    std::jthread a([&] { Receive(*first, kThreads, kEach, failed); });
    std::jthread b([&] { Receive(*second, kThreads, kEach, failed); });
  }
  ASSERT_EQ(failed.load(), 0);
  constexpr int kTotal = 2 * kThreads * kEach;

  auto reader = Reopen();
  std::vector<std::string> expected;
  for (int n = 1; n <= kTotal; ++n) expected.push_back(ReceptionCode(n).value());
  EXPECT_EQ(reader->DossierCodes({}).value(), expected) << "every number taken once, none skipped";
  EXPECT_FALSE(reader->VerifyDossierChains().value().has_value());
  EXPECT_EQ(reader->EventLogHead().value().position, kTotal) << "each reception logged once";
  EXPECT_FALSE(reader->VerifyEventLog(std::nullopt).value().has_value());
  EXPECT_FALSE(reader->RebuildCounters({}, false).value().has_value()) << "no counter increment lost";
  CounterQuery query;
  query.unit = "04006";
  query.from = LocalDate{std::chrono::year{2026} / 1 / 1};
  query.to = LocalDate{std::chrono::year{2026} / 2 / 1};
  const auto totals = reader->SumCounters(query).value();
  ASSERT_EQ(totals.size(), 1u);
  EXPECT_EQ(totals.front().open_at_end, kTotal) << "the unit's report counts every dossier received";

  const auto a = first->WriterTotals();
  const auto b = second->WriterTotals();
  EXPECT_EQ(a.writes + b.writes, static_cast<std::uint64_t>(kTotal));
  // Group commit keeps its effect with two writers: not asserted (it depends on timing), said.
  std::printf("groups: %llu + %llu for %d receptions\n", static_cast<unsigned long long>(a.groups),
              static_cast<unsigned long long>(b.groups), kTotal);
}

// A write that waits for another server's transaction is not lost, and does not fail: it goes through once the
// other commits (SQLite's busy wait; PostgreSQL's lock on the writers' turn).
TEST_P(ManyWritersTest, AWriteWaitsForAnotherServersTransactionAndThenGoesThrough) {
  auto server = test_support::ServerStores(spec_);
  ASSERT_TRUE(server->ForThisThread().has_value());  // opens the writer
  auto other = test_support::RawSql(spec_);
  auto blocking = std::make_unique<sql::Transaction>(*other, sql::TxMode::kWrite);
  Result<DossierState> written = Fail(Error::Internal("not run", "not run"));
  std::jthread writer([&] {
    written =
        server->ForThisThread().value()->AppendNewDossier("H12-260112", ReceptionCode, std::vector{Reception()}, {});
  });
  while (server->WriterTotals().taken < 1) std::this_thread::yield();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_EQ(server->WriterTotals().groups, 0u) << "the write is still waiting for the other transaction";
  blocking->Commit();
  writer.join();
  ASSERT_TRUE(written.has_value()) << written.error().message_en;
  EXPECT_EQ(written->code, ReceptionCode(1).value());
}

INSTANTIATE_TEST_SUITE_P(Backends, ManyWritersTest, ::testing::ValuesIn(test_support::StoreBackends()),
                         test_support::BackendName);

}  // namespace
}  // namespace motcua::store
