// Tests of how a CounterQuery is answered apart from its SQL (store/counter_query.h): the checks, which table
// answers, the ranges read for each figure, and the folding of the rows read into CounterTotals. Expected values
// written by hand from the rules in the header.
#include "store/counter_query.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "support/iso_date.h"

namespace motcua::store {
namespace {

using test_support::IsoDate;

TEST(CounterQueryTest, AQueryNamesOneUnitOrOneProvinceAndAPeriodThatEndsAfterItStarts) {
  struct Case {
    std::optional<std::string> unit;
    std::optional<std::string> province;
    const char* from;
    const char* to;
    const char* refused_field;  // "" when accepted
  } cases[] = {
      {"05152", std::nullopt, "2026-03-05", "2026-03-06", ""},
      {std::nullopt, "04", "2026-03-05", "2027-03-05", ""},
      {std::nullopt, std::nullopt, "2026-03-05", "2026-03-06", "unit"},
      {"05152", "04", "2026-03-05", "2026-03-06", "unit"},
      {"05152", std::nullopt, "2026-03-05", "2026-03-05", "to"},
      {"05152", std::nullopt, "2026-03-06", "2026-03-05", "to"},
      {std::nullopt, std::nullopt, "2026-03-06", "2026-03-05", "unit"},  // the unit is judged first
  };
  for (const Case& c : cases) {
    CounterQuery query;
    query.unit = c.unit;
    query.province = c.province;
    query.from = IsoDate(c.from);
    query.to = IsoDate(c.to);
    SCOPED_TRACE(std::string(c.from) + " .. " + c.to + ", expecting '" + c.refused_field + "'");
    auto checked = CheckCounterQuery(query);
    if (std::string(c.refused_field).empty()) {
      EXPECT_TRUE(checked.has_value());
    } else {
      ASSERT_FALSE(checked.has_value());
      EXPECT_EQ(checked.error().code, ErrorCode::kInvalidArgument);
      EXPECT_EQ(checked.error().field, c.refused_field);
    }
  }
}

TEST(CounterQueryTest, TheTotalsAnswerWhatNeedsNoSplitFinerThanAUnitOrACompetentAgency) {
  using G = ReportGrouping;
  struct Case {
    ReportGrouping group_by;
    ReportSide side;
    bool agency;
    bool totals;
  } cases[] = {
      {G::kNone, ReportSide::kReceiving, false, true},       {G::kNone, ReportSide::kCompetent, false, true},
      {G::kNone, ReportSide::kReceiving, true, false},       {G::kNone, ReportSide::kCompetent, true, true},
      {G::kUnit, ReportSide::kReceiving, false, true},       {G::kUnit, ReportSide::kCompetent, false, true},
      {G::kUnit, ReportSide::kReceiving, true, false},       {G::kUnit, ReportSide::kCompetent, true, true},
      {G::kAgency, ReportSide::kReceiving, false, false},    {G::kAgency, ReportSide::kCompetent, false, true},
      {G::kAgency, ReportSide::kReceiving, true, false},     {G::kAgency, ReportSide::kCompetent, true, true},
      {G::kProcedure, ReportSide::kReceiving, false, false}, {G::kProcedure, ReportSide::kCompetent, true, false},
      {G::kOfficial, ReportSide::kReceiving, false, false},  {G::kOfficial, ReportSide::kCompetent, false, false},
      {G::kChannel, ReportSide::kReceiving, false, false},   {G::kChannel, ReportSide::kCompetent, true, false},
  };
  for (const Case& c : cases) {
    CounterQuery query;
    query.group_by = c.group_by;
    query.side = c.side;
    if (c.agency) query.agency = "A";
    SCOPED_TRACE(::testing::Message() << "grouping " << static_cast<int>(c.group_by) << ", side "
                                      << static_cast<int>(c.side) << ", agency " << c.agency);
    EXPECT_EQ(TotalsAnswer(query), c.totals);
  }
}

TEST(CounterQueryTest, TheMeasureListsNameTheBalancesOrTheFlows) {
  EXPECT_EQ(MeasureList(true), "('open', 'overdue')");
  const std::string flows = MeasureList(false);
  EXPECT_TRUE(flows.starts_with("('received_online', 'received_direct', ")) << flows;
  EXPECT_TRUE(flows.ends_with(", 'digitized_complete')")) << flows;
  EXPECT_EQ(flows.find("'open'"), std::string::npos);
  EXPECT_EQ(flows.find("'overdue'"), std::string::npos);
}

TEST(CounterQueryTest, APeriodReadsItsFlowsThenTheBalancesBeforeItsStartAndItsEnd) {
  CounterQuery query;
  query.unit = "05152";
  query.from = IsoDate("2026-03-05");
  query.to = IsoDate("2026-03-06");
  using P = CounterPart;
  const std::vector<CounterRead> reads = {
      {{'d', "2026-03-05", "2026-03-06"}, P::kFlows, +1},
      {{'a', "", "~"}, P::kBeforeFrom, +1},
      {{'d', "2026-03-05", "2026-04-01"}, P::kBeforeFrom, -1},
      {{'m', "2026-04", "2027-01"}, P::kBeforeFrom, -1},
      {{'y', "2027", "9000"}, P::kBeforeFrom, -1},
      {{'a', "", "~"}, P::kBeforeTo, +1},
      {{'d', "2026-03-06", "2026-04-01"}, P::kBeforeTo, -1},
      {{'m', "2026-04", "2027-01"}, P::kBeforeTo, -1},
      {{'y', "2027", "9000"}, P::kBeforeTo, -1},
  };
  EXPECT_EQ(CounterReads(query), reads);
}

TEST(CounterQueryTest, RowsAreFoldedIntoTheirGroupsFigures) {
  CounterSums sums;
  sums.Add("1.1", "received_online", CounterPart::kFlows, 3);
  sums.Add("1.1", "received_online", CounterPart::kFlows, 2);
  sums.Add("1.1", "open", CounterPart::kBeforeFrom, 7);
  sums.Add("1.1", "open", CounterPart::kBeforeFrom, -2);
  sums.Add("1.1", "overdue", CounterPart::kBeforeFrom, 4);  // no figure keeps the overdue balance at the start
  sums.Add("1.1", "open", CounterPart::kBeforeTo, 6);
  sums.Add("1.1", "overdue", CounterPart::kBeforeTo, 1);
  sums.Add("1.0", "resolved_late", CounterPart::kFlows, 1);
  sums.Add("1.2", "received_online", CounterPart::kFlows, 1);
  sums.Add("1.2", "received_online", CounterPart::kFlows, -1);              // all 0: left out of a grouped answer
  sums.Add("9.9", "a_measure_of_a_later_version", CounterPart::kFlows, 5);  // ignored, makes no group

  const std::vector<CounterTotals> totals = std::move(sums).Totals(ReportGrouping::kProcedure);
  ASSERT_EQ(totals.size(), 2u);
  EXPECT_EQ(totals[0].group, "1.0");
  EXPECT_EQ(totals[0].flows[static_cast<std::size_t>(Measure::kResolvedLate)], 1);
  EXPECT_EQ(totals[0].open_before, 0);
  EXPECT_EQ(totals[1].group, "1.1");
  EXPECT_EQ(totals[1].flows[static_cast<std::size_t>(Measure::kReceivedOnline)], 5);
  EXPECT_EQ(totals[1].flows[static_cast<std::size_t>(Measure::kResolvedLate)], 0);
  EXPECT_EQ(totals[1].open_before, 5);
  EXPECT_EQ(totals[1].open_at_end, 6);
  EXPECT_EQ(totals[1].overdue_at_end, 1);
}

TEST(CounterQueryTest, AnUngroupedAnswerIsOneTotalEvenWhenNothingWasRead) {
  const std::vector<CounterTotals> totals = CounterSums{}.Totals(ReportGrouping::kNone);
  ASSERT_EQ(totals.size(), 1u);
  EXPECT_EQ(totals[0].group, "");
  EXPECT_TRUE(AllZero(totals[0]));
}

TEST(CounterQueryTest, AnyFigureThatIsNotZeroMakesATotalNotAllZero) {
  EXPECT_TRUE(AllZero(CounterTotals{}));
  CounterTotals flow;
  flow.flows[static_cast<std::size_t>(Measure::kDigitizedComplete)] = -1;
  EXPECT_FALSE(AllZero(flow));
  CounterTotals open_before;
  open_before.open_before = 1;
  EXPECT_FALSE(AllZero(open_before));
  CounterTotals open_at_end;
  open_at_end.open_at_end = 1;
  EXPECT_FALSE(AllZero(open_at_end));
  CounterTotals overdue;
  overdue.overdue_at_end = 1;
  EXPECT_FALSE(AllZero(overdue));
}

}  // namespace
}  // namespace motcua::store
