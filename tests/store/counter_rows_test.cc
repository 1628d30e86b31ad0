// Tests of the in-memory sums of counter rows (store/counter_rows.h): which rows a delta adds to, and how the
// levels of a transaction add up. Expected rows written by hand from the header's rule.
#include "store/counter_rows.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "support/iso_date.h"

namespace motcua::store {
namespace {

using test_support::IsoDate;

// A boundaryless dossier: received at commune 05153, decided by agency "A" of commune 05152.
const CounterKey kKey{"05152", "05153", "A", "1.000001", Channel::kOnline, "clerk"};

CounterDelta Delta(const char* day, Measure measure, std::int64_t delta) {
  return {kKey, IsoDate(day), measure, delta};
}

TEST(CounterRowsTest, AFlowCountsInItsDayMonthAndYearRowsOnBothSides) {
  PendingCounters pending;
  const std::vector<CounterDelta> deltas = {Delta("2024-02-29", Measure::kReceivedOnline, 1)};
  pending.Add(deltas);
  const std::map<CounterRowKey, std::int64_t> counters = {
      {{'d', "2024-02-29", Measure::kReceivedOnline, kKey}, 1},
      {{'m', "2024-02", Measure::kReceivedOnline, kKey}, 1},
      {{'y', "2024", Measure::kReceivedOnline, kKey}, 1},
  };
  // The receiving side adds up every agency; the competent side keeps its agency.
  const std::map<TotalsRowKey, std::int64_t> totals = {
      {{kReceivingSide, "05153", 'd', "2024-02-29", Measure::kReceivedOnline, ""}, 1},
      {{kReceivingSide, "05153", 'm', "2024-02", Measure::kReceivedOnline, ""}, 1},
      {{kReceivingSide, "05153", 'y', "2024", Measure::kReceivedOnline, ""}, 1},
      {{kCompetentSide, "05152", 'd', "2024-02-29", Measure::kReceivedOnline, "A"}, 1},
      {{kCompetentSide, "05152", 'm', "2024-02", Measure::kReceivedOnline, "A"}, 1},
      {{kCompetentSide, "05152", 'y', "2024", Measure::kReceivedOnline, "A"}, 1},
  };
  EXPECT_EQ(pending.counters, counters);
  EXPECT_EQ(pending.totals, totals);
}

TEST(CounterRowsTest, ABalanceAlsoCountsInItsAllTimeRow) {
  PendingCounters pending;
  const std::vector<CounterDelta> deltas = {Delta("2026-12-31", Measure::kOverdue, 2)};
  pending.Add(deltas);
  const std::map<CounterRowKey, std::int64_t> counters = {
      {{'a', "", Measure::kOverdue, kKey}, 2},
      {{'d', "2026-12-31", Measure::kOverdue, kKey}, 2},
      {{'m', "2026-12", Measure::kOverdue, kKey}, 2},
      {{'y', "2026", Measure::kOverdue, kKey}, 2},
  };
  EXPECT_EQ(pending.counters, counters);
  EXPECT_EQ(pending.totals.size(), 8u);  // the same four rows on each side
  EXPECT_EQ((pending.totals.at({kCompetentSide, "05152", 'a', "", Measure::kOverdue, "A"})), 2);
  EXPECT_EQ((pending.totals.at({kReceivingSide, "05153", 'a', "", Measure::kOverdue, ""})), 2);
}

TEST(CounterRowsTest, DeltasOfTheSameRowsAddUpAndThoseThatCancelLeaveZero) {
  PendingCounters pending;
  const std::vector<CounterDelta> deltas = {
      Delta("2026-03-05", Measure::kOpen, 1),
      Delta("2026-03-20", Measure::kOpen, 1),  // another day of the same month
      Delta("2026-03-20", Measure::kOpen, -1),
  };
  pending.Add(deltas);
  EXPECT_EQ((pending.counters.at({'d', "2026-03-05", Measure::kOpen, kKey})), 1);
  EXPECT_EQ((pending.counters.at({'d', "2026-03-20", Measure::kOpen, kKey})), 0);  // kept; the writer skips it
  EXPECT_EQ((pending.counters.at({'m', "2026-03", Measure::kOpen, kKey})), 1);
  EXPECT_EQ((pending.counters.at({'y', "2026", Measure::kOpen, kKey})), 1);
  EXPECT_EQ((pending.counters.at({'a', "", Measure::kOpen, kKey})), 1);
  EXPECT_EQ(pending.counters.size(), 5u);
}

TEST(CounterRowsTest, AnInnerLevelAddsItsRowsToTheOuterOne) {
  PendingCounters outer;
  PendingCounters inner;
  EXPECT_TRUE(outer.Empty());
  const std::vector<CounterDelta> first = {Delta("2026-03-05", Measure::kReceivedDirect, 1)};
  const std::vector<CounterDelta> second = {Delta("2026-04-01", Measure::kReceivedDirect, 3)};
  outer.Add(first);
  inner.Add(second);
  inner.AddTo(outer);
  EXPECT_FALSE(outer.Empty());
  EXPECT_EQ((outer.counters.at({'d', "2026-03-05", Measure::kReceivedDirect, kKey})), 1);
  EXPECT_EQ((outer.counters.at({'d', "2026-04-01", Measure::kReceivedDirect, kKey})), 3);
  EXPECT_EQ((outer.counters.at({'m', "2026-03", Measure::kReceivedDirect, kKey})), 1);
  EXPECT_EQ((outer.counters.at({'m', "2026-04", Measure::kReceivedDirect, kKey})), 3);
  EXPECT_EQ((outer.counters.at({'y', "2026", Measure::kReceivedDirect, kKey})), 4);
  EXPECT_EQ((outer.totals.at({kReceivingSide, "05153", 'y', "2026", Measure::kReceivedDirect, ""})), 4);
  EXPECT_EQ(inner.counters.size(), 3u);  // the inner level is left as it was
}

}  // namespace
}  // namespace motcua::store
