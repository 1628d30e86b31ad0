// Tests of the counter buckets (store/counter_buckets.h): the period texts, the month and year boundaries, and
// the rows a period or a balance is read from. Every expected range was worked out by hand from the rule in the
// header (days to the first month boundary, months to the first year boundary, whole years, then months and days
// up to the end), never by running the code.
#include "store/counter_buckets.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "support/iso_date.h"

namespace motcua::store {
namespace {

using test_support::IsoDate;

TEST(CounterBucketsTest, PeriodTextsNameTheDayMonthAndYearHoldingADay) {
  struct Case {
    const char* day;
    const char* d;
    const char* m;
    const char* y;
    const char* why;
  } cases[] = {
      {"2026-03-05", "2026-03-05", "2026-03", "2026", "an ordinary day"},
      {"2024-02-29", "2024-02-29", "2024-02", "2024", "a leap day"},
      {"2025-12-31", "2025-12-31", "2025-12", "2025", "the last day of a year"},
      {"2026-01-01", "2026-01-01", "2026-01", "2026", "the first day of a year"},
      {"0999-07-04", "0999-07-04", "0999-07", "0999", "a year below 1000 keeps 4 digits, so text order is time order"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.why);
    EXPECT_EQ(DayText(IsoDate(c.day)), c.d);
    EXPECT_EQ(MonthText(IsoDate(c.day)), c.m);
    EXPECT_EQ(YearText(IsoDate(c.day)), c.y);
    EXPECT_EQ(PeriodText('d', IsoDate(c.day)), c.d);
    EXPECT_EQ(PeriodText('m', IsoDate(c.day)), c.m);
    EXPECT_EQ(PeriodText('y', IsoDate(c.day)), c.y);
  }
}

TEST(CounterBucketsTest, BoundariesAreTheFirstDaysOfMonthsAndYears) {
  struct Case {
    const char* day;
    const char* first_of_month;
    const char* first_of_year;
    const char* next_month;
    const char* next_year;
    const char* why;
  } cases[] = {
      {"2026-03-05", "2026-03-01", "2026-01-01", "2026-04-01", "2027-01-01", "mid-month"},
      {"2026-03-01", "2026-03-01", "2026-01-01", "2026-04-01", "2027-01-01", "a first of month is its own first"},
      {"2026-01-01", "2026-01-01", "2026-01-01", "2026-02-01", "2027-01-01", "a first of year is its own first"},
      {"2026-12-05", "2026-12-01", "2026-01-01", "2027-01-01", "2027-01-01", "December's next month is next year"},
      {"2024-02-29", "2024-02-01", "2024-01-01", "2024-03-01", "2025-01-01", "a leap day"},
      {"2024-01-31", "2024-01-01", "2024-01-01", "2024-02-01", "2025-01-01", "a 31st before a short month"},
      {"2025-12-31", "2025-12-01", "2025-01-01", "2026-01-01", "2026-01-01", "the last day of a year"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.why);
    EXPECT_EQ(FirstOfMonth(IsoDate(c.day)), IsoDate(c.first_of_month));
    EXPECT_EQ(FirstOfYear(IsoDate(c.day)), IsoDate(c.first_of_year));
    EXPECT_EQ(NextMonth(IsoDate(c.day)), IsoDate(c.next_month));
    EXPECT_EQ(NextYear(IsoDate(c.day)), IsoDate(c.next_year));
  }
}

TEST(CounterBucketsTest, APeriodIsReadAsDaysThenMonthsThenYearsThenMonthsThenDays) {
  struct Case {
    const char* from;
    const char* to;
    std::vector<PeriodRange> ranges;
    const char* why;
  } cases[] = {
      {"2025-11-20",
       "2027-03-05",
       {{'d', "2025-11-20", "2025-12-01"},
        {'m', "2025-12", "2026-01"},
        {'y', "2026", "2027"},
        {'m', "2027-01", "2027-03"},
        {'d', "2027-03-01", "2027-03-05"}},
       "every kind of range: the header's example"},
      {"2026-03-05", "2026-03-06", {{'d', "2026-03-05", "2026-03-06"}}, "a range of one day"},
      {"2026-03-05", "2026-03-05", {}, "an empty range reads nothing"},
      {"2026-03-06", "2026-03-05", {}, "a range that ends before it starts reads nothing"},
      {"2026-03-05", "2026-03-20", {{'d', "2026-03-05", "2026-03-20"}}, "days within one month"},
      {"2026-03-01", "2026-03-10", {{'d', "2026-03-01", "2026-03-10"}}, "from a first of month, not to the next"},
      {"2026-12-20", "2027-01-01", {{'d', "2026-12-20", "2027-01-01"}}, "days up to a year boundary"},
      {"2026-02-01", "2026-03-01", {{'m', "2026-02", "2026-03"}}, "one whole month"},
      {"2026-01-01", "2027-01-01", {{'y', "2026", "2027"}}, "one whole year"},
      {"2026-01-01", "2029-01-01", {{'y', "2026", "2029"}}, "three whole years"},
      {"2024-02-29", "2024-03-01", {{'d', "2024-02-29", "2024-03-01"}}, "the leap day alone"},
      {"2024-02-28",
       "2024-03-02",
       {{'d', "2024-02-28", "2024-03-01"}, {'d', "2024-03-01", "2024-03-02"}},
       "across a leap day: the days to the month boundary, then the days of March"},
      {"2026-03-15",
       "2026-08-10",
       {{'d', "2026-03-15", "2026-04-01"}, {'m', "2026-04", "2026-08"}, {'d', "2026-08-01", "2026-08-10"}},
       "from mid-month to mid-year, within one year"},
      {"2025-11-20",
       "2026-02-10",
       {{'d', "2025-11-20", "2025-12-01"},
        {'m', "2025-12", "2026-01"},
        {'m', "2026-01", "2026-02"},
        {'d', "2026-02-01", "2026-02-10"}},
       "across a year end but shorter than a year: no year row"},
      {"2026-01-01",
       "2026-06-15",
       {{'m', "2026-01", "2026-06"}, {'d', "2026-06-01", "2026-06-15"}},
       "from a first of year to mid-year"},
      {"2025-12-01",
       "2027-01-01",
       {{'m', "2025-12", "2026-01"}, {'y', "2026", "2027"}},
       "from a first of month to a year boundary"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.from) + " .. " + c.to + ": " + c.why);
    EXPECT_EQ(Decompose(IsoDate(c.from), IsoDate(c.to)), c.ranges);
  }
}

TEST(CounterBucketsTest, ABalanceIsTheAllTimeRowLessEverythingFromItsDayOn) {
  struct Case {
    const char* day;
    std::vector<SignedRange> ranges;
    const char* why;
  } cases[] = {
      {"2026-03-05",
       {{{'a', "", "~"}, +1},
        {{'d', "2026-03-05", "2026-04-01"}, -1},
        {{'m', "2026-04", "2027-01"}, -1},
        {{'y', "2027", "9000"}, -1}},
       "mid-month: the rest of its month by day, of its year by month, then the years"},
      {"2026-03-01",
       {{{'a', "", "~"}, +1}, {{'m', "2026-03", "2027-01"}, -1}, {{'y', "2027", "9000"}, -1}},
       "at the first day of a month: no day rows"},
      {"2026-01-01",
       {{{'a', "", "~"}, +1}, {{'y', "2026", "9000"}, -1}},
       "at the first day of a year: whole years only"},
      {"1970-01-01",
       {{{'a', "", "~"}, +1}, {{'y', "1970", "9000"}, -1}},
       "at the first day of the epoch: as cheap as any first of year"},
      {"2026-12-31",
       {{{'a', "", "~"}, +1}, {{'d', "2026-12-31", "2027-01-01"}, -1}, {{'y', "2027", "9000"}, -1}},
       "at the last day of a year: one day row, no month rows"},
      {"2024-02-29",
       {{{'a', "", "~"}, +1},
        {{'d', "2024-02-29", "2024-03-01"}, -1},
        {{'m', "2024-03", "2025-01"}, -1},
        {{'y', "2025", "9000"}, -1}},
       "at a leap day"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.day) + ": " + c.why);
    EXPECT_EQ(Before(IsoDate(c.day)), c.ranges);
  }
}

}  // namespace
}  // namespace motcua::store
