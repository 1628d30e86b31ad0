#pragma once
// The buckets the report counters are kept in, and the rows a period or a balance is read from. Each delta is
// added to a day row, a month row and a year row ('d' "2026-03-05", 'm' "2026-03", 'y' "2026"), and a balance
// also to one all-time running row ('a' ""), so that a period is read from as few rows as its boundaries allow and
// a balance never sums the whole history. Pure date arithmetic shared by every engine's report counters (the
// SQL that reads the rows is the engine's); the tables are migrations 0005 and 0009. Thread-safe (no state).
#include <string>
#include <vector>

#include "domain/civil_time.h"

namespace motcua::store {

// A period's text in its bucket: "2026-03-05" (day), "2026-03" (month), "2026" (year). Within one bucket, text
// order is time order.
std::string DayText(LocalDate day);
std::string MonthText(LocalDate day);
std::string YearText(LocalDate day);
// The text of the day, month or year holding `day` in `bucket` ('d', 'm', anything else: 'y').
std::string PeriodText(char bucket, LocalDate day);

LocalDate FirstOfMonth(LocalDate day);  // 2026-03-05 -> 2026-03-01
LocalDate FirstOfYear(LocalDate day);   // 2026-03-05 -> 2026-01-01
LocalDate NextMonth(LocalDate day);     // the first of the month after: 2026-12-05 -> 2027-01-01
LocalDate NextYear(LocalDate day);      // the first of the year after: 2026-03-05 -> 2027-01-01

// The rows of one bucket whose period is in [from, to) (text order is time order within a bucket).
struct PeriodRange {
  char bucket = 'd';
  std::string from, to;
  bool operator==(const PeriodRange&) const = default;
};

// [from, to) as single days up to the first month boundary, whole months up to the first year boundary, whole
// years, then whole months and single days up to `to`: 2025-11-20 .. 2027-03-05 is the days 2025-11-20..30, the
// month 2025-12, the year 2026, the months 2027-01..02 and the days 2027-03-01..04. Empty ranges are left out, so
// nothing when from >= to.
std::vector<PeriodRange> Decompose(LocalDate from, LocalDate to);

// A range of rows whose sum is added (sign +1) or taken away (sign -1).
struct SignedRange {
  PeriodRange range;
  int sign = 1;
  bool operator==(const SignedRange&) const = default;
};

// The balance at the start of `day` is the all-time running row ('a', kept for balances only) less every
// delta counted from `day` on (Decompose from `day` to the end of time, the first of 9000: days to a month
// boundary, months to a year boundary, whole years). The rows read depend on how far `day` is from today, never on
// how many years of history lie before it (deltas may be dated in the future: an overdue balance starts the day
// after an appointment).
std::vector<SignedRange> Before(LocalDate day);

}  // namespace motcua::store
