#include "store/counter_buckets.h"

#include <chrono>
#include <cstdio>

namespace motcua::store {
namespace {

using std::chrono::year_month_day;

// The rows of `bucket` for [from, to), both on that bucket's boundaries; nothing when it is empty.
void AddRange(std::vector<PeriodRange>& ranges, char bucket, LocalDate from, LocalDate to) {
  if (from < to) ranges.push_back({bucket, PeriodText(bucket, from), PeriodText(bucket, to)});
}

}  // namespace

std::string DayText(LocalDate day) { return FormatIsoDate(day); }

std::string MonthText(LocalDate day) {
  const year_month_day ymd{day};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()));
  return buffer;
}

std::string YearText(LocalDate day) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d", static_cast<int>(year_month_day{day}.year()));
  return buffer;
}

std::string PeriodText(char bucket, LocalDate day) {
  return bucket == 'd' ? DayText(day) : bucket == 'm' ? MonthText(day) : YearText(day);
}

LocalDate FirstOfMonth(LocalDate day) {
  const year_month_day ymd{day};
  return LocalDate{ymd.year() / ymd.month() / 1};
}

LocalDate FirstOfYear(LocalDate day) { return LocalDate{year_month_day{day}.year() / std::chrono::January / 1}; }

LocalDate NextMonth(LocalDate day) {
  const year_month_day ymd{day};
  return LocalDate{(ymd.year() / ymd.month() + std::chrono::months{1}) / 1};
}

LocalDate NextYear(LocalDate day) {
  return LocalDate{(year_month_day{day}.year() + std::chrono::years{1}) / std::chrono::January / 1};
}

std::vector<PeriodRange> Decompose(LocalDate from, LocalDate to) {
  std::vector<PeriodRange> ranges;
  LocalDate at = from;
  const LocalDate month = FirstOfMonth(at) == at ? at : NextMonth(at);
  if (month >= to) {
    AddRange(ranges, 'd', at, to);
    return ranges;
  }
  AddRange(ranges, 'd', at, month);
  at = month;
  const LocalDate year = FirstOfYear(at) == at ? at : NextYear(at);
  if (year >= to) {
    AddRange(ranges, 'm', at, FirstOfMonth(to));
    AddRange(ranges, 'd', FirstOfMonth(to), to);
    return ranges;
  }
  AddRange(ranges, 'm', at, year);
  at = year;
  AddRange(ranges, 'y', at, FirstOfYear(to));
  AddRange(ranges, 'm', FirstOfYear(to), FirstOfMonth(to));
  AddRange(ranges, 'd', FirstOfMonth(to), to);
  return ranges;
}

std::vector<SignedRange> Before(LocalDate day) {
  // Far enough that no counter is dated after it; Decompose then reads whole years from the first year boundary.
  constexpr LocalDate kEndOfTime{std::chrono::year{9000} / std::chrono::January / 1};
  std::vector<SignedRange> ranges = {{{'a', "", "~"}, +1}};
  for (const PeriodRange& range : Decompose(day, kEndOfTime)) ranges.push_back({range, -1});
  return ranges;
}

}  // namespace motcua::store
