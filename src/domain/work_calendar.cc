#include "domain/work_calendar.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

namespace motcua {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr minutes kMidnight{0};
constexpr minutes kEndOfDay = hours(24);

// Upper bounds on a processing time, so that absurd inputs fail fast and the conversions below cannot
// overflow: about ten years, far beyond any procedure in the national catalogue.
constexpr double kMaxCalendarDays = 3660;
constexpr double kMaxMonths = 120;
constexpr double kMaxWorkingDays = 2610;  // ten years of 261 weekdays

// Tolerance for binary floating point when rounding a fraction up to whole minutes, in minutes.
constexpr double kRoundingSlack = 1e-6;

Error BadHours(std::string vi, std::string en) {
  return Error::InvalidArgument("working_hours", "giờ làm việc không hợp lệ: " + std::move(vi),
                                "invalid working hours: " + std::move(en));
}

Error AmountInvalid() {
  return Error::InvalidArgument("amount", "thời hạn giải quyết phải là một số không âm, hữu hạn",
                                "the processing time must be a finite, non-negative number");
}

Error AmountNotWhole() {
  return Error::InvalidArgument("amount", "thời hạn tính bằng ngày hoặc tháng phải là số nguyên",
                                "a processing time in calendar days or months must be a whole number");
}

Error AmountTooLong() {
  return Error::InvalidArgument("amount", "thời hạn giải quyết dài quá 10 năm",
                                "the processing time is longer than ten years");
}

Error NoWorkingDay() {
  return Error::FailedPrecondition(
      "calendar",
      "lịch làm việc không có ngày làm việc nào trong " + std::to_string(WorkCalendar::kMaxDaysWithoutWork) +
          " ngày liên tiếp; kiểm tra lại lịch",
      "the work calendar has no working day in " + std::to_string(WorkCalendar::kMaxDaysWithoutWork) +
          " consecutive days; check the calendar");
}

bool IsWeekend(LocalDate date) {
  const std::chrono::weekday weekday{date};
  return weekday == std::chrono::Saturday || weekday == std::chrono::Sunday;
}

bool IsWhole(double amount) { return amount == std::floor(amount); }

// Sorts by date; of several entries for one date keeps the last one given.
std::vector<CalendarEntry> OnePerDate(std::vector<CalendarEntry> entries) {
  std::stable_sort(entries.begin(), entries.end(),
                   [](const CalendarEntry& a, const CalendarEntry& b) { return a.date < b.date; });
  std::vector<CalendarEntry> result;
  for (auto& entry : entries) {
    if (!result.empty() && result.back().date == entry.date) {
      result.back() = std::move(entry);
    } else {
      result.push_back(std::move(entry));
    }
  }
  return result;
}

}  // namespace

WorkingHours WorkingHours::Default() {
  return {{{hours(7) + minutes(30), hours(11) + minutes(30)}, {hours(13), hours(17)}}};
}

Result<void> WorkingHours::Validate() const {
  if (periods.empty()) return Fail(BadHours("cần ít nhất một ca", "at least one period is needed"));
  minutes previous_end = kMidnight;
  for (const WorkPeriod& period : periods) {
    if (period.begin < previous_end || period.end > kEndOfDay) {
      return Fail(BadHours("các ca phải nằm trong ngày, theo thứ tự và không chồng lên nhau",
                           "periods must lie within the day, in order, without overlapping"));
    }
    if (period.end <= period.begin) {
      return Fail(BadHours("giờ kết thúc ca phải sau giờ bắt đầu", "a period must end after it begins"));
    }
    previous_end = period.end;
  }
  return {};
}

minutes WorkingHours::DayLength() const {
  minutes total{0};
  for (const WorkPeriod& period : periods) total += period.end - period.begin;
  return total;
}

WorkCalendar::WorkCalendar(WorkingHours hours, std::vector<CalendarEntry> entries)
    : hours_(std::move(hours)), day_length_(hours_.DayLength()), entries_(OnePerDate(std::move(entries))) {
  if (auto valid = hours_.Validate(); !valid) {
    throw std::invalid_argument("WorkCalendar: " + valid.error().message_en);
  }
}

const CalendarEntry* WorkCalendar::EntryFor(LocalDate date) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), date,
                             [](const CalendarEntry& entry, LocalDate d) { return entry.date < d; });
  return it != entries_.end() && it->date == date ? &*it : nullptr;
}

bool WorkCalendar::IsWorkingDay(LocalDate date) const {
  const CalendarEntry* entry = EntryFor(date);
  if (entry != nullptr && entry->is_day_off.has_value()) return !*entry->is_day_off;
  return !IsWeekend(date);
}

std::optional<LocalDate> WorkCalendar::ThisOrNextWorkingDay(LocalDate date) const {
  for (int skipped = 0; skipped <= kMaxDaysWithoutWork; ++skipped, date += days(1)) {
    if (IsWorkingDay(date)) return date;
  }
  return std::nullopt;
}

LocalTime WorkCalendar::NextWorkingMoment(LocalTime t) const { return ConsumeWorkingTime(t, seconds(0)).value_or(t); }

// Consumes `amount` inside the periods of one working day from `time_of_day` on. Returns the moment the
// amount runs out (a period end if it runs out exactly there), or nullopt with `amount` reduced by what the
// day offered.
std::optional<LocalTime> WorkCalendar::ConsumeWithinDay(LocalDate day, seconds time_of_day, seconds& amount) const {
  for (const WorkPeriod& period : hours_.periods) {
    const seconds from = std::max<seconds>(time_of_day, period.begin);
    const seconds available = period.end - from;
    if (available <= seconds(0)) continue;
    if (amount <= available) return LocalTime(day) + from + amount;
    amount -= available;
  }
  return std::nullopt;
}

Result<LocalTime> WorkCalendar::ConsumeWorkingTime(LocalTime start, seconds amount) const {
  LocalDate day = std::chrono::floor<days>(start);
  seconds time_of_day = start - day;
  const seconds first_begin = hours_.periods.front().begin;
  while (true) {
    auto working_day = ThisOrNextWorkingDay(day);
    if (!working_day) return Fail(NoWorkingDay());
    if (*working_day != day) time_of_day = seconds(0);
    day = *working_day;
    // A whole working day still ahead and more than a day to consume: take the day in one step. Strictly
    // more, so that an amount ending exactly at the day's last period end returns that end.
    if (time_of_day <= first_begin && amount > day_length_) {
      amount -= day_length_;
    } else if (auto end = ConsumeWithinDay(day, time_of_day, amount)) {
      return *end;
    }
    day += days(1);
    time_of_day = seconds(0);
  }
}

// Civil Code 2015 art. 148(5): a period whose last day is a weekly rest day or a holiday ends at the end of
// the next working day. The end of a day is the end of the office's last working period (see the header).
Result<LocalTime> WorkCalendar::EndOfPeriodEndingOn(LocalDate last_day) const {
  auto working_day = ThisOrNextWorkingDay(last_day);
  if (!working_day) return Fail(NoWorkingDay());
  return LocalTime(*working_day) + hours_.periods.back().end;
}

// Civil Code 2015 art. 147(2) and 148(1): the day of receipt is not counted; n days end on receipt + n.
Result<LocalTime> WorkCalendar::AddCalendarDays(LocalTime start, double amount) const {
  if (!IsWhole(amount)) return Fail(AmountNotWhole());
  if (amount > kMaxCalendarDays) return Fail(AmountTooLong());
  auto received = ConsumeWorkingTime(start, seconds(0));
  if (!received) return Fail(received.error());
  const LocalDate receipt_day = std::chrono::floor<days>(*received);
  return EndOfPeriodEndingOn(receipt_day + days(static_cast<int>(amount)));
}

// Civil Code 2015 art. 148(3): the corresponding day of the last month, or that month's last day.
Result<LocalTime> WorkCalendar::AddMonths(LocalTime start, double amount) const {
  if (!IsWhole(amount)) return Fail(AmountNotWhole());
  if (amount > kMaxMonths) return Fail(AmountTooLong());
  auto received = ConsumeWorkingTime(start, seconds(0));
  if (!received) return Fail(received.error());
  const std::chrono::year_month_day receipt{std::chrono::floor<days>(*received)};
  const std::chrono::year_month last_month =
      receipt.year() / receipt.month() + std::chrono::months(static_cast<int>(amount));
  const std::chrono::day last_day_of_month = (last_month / std::chrono::last).day();
  const std::chrono::year_month_day last_day{last_month / std::min(receipt.day(), last_day_of_month)};
  return EndOfPeriodEndingOn(LocalDate(last_day));
}

Result<LocalDate> WorkCalendar::WorkingDaysAfter(LocalDate day, int count) const {
  LocalDate current = day;
  for (int left = count; left > 0; --left) {
    auto next = ThisOrNextWorkingDay(current + days(1));
    if (!next) return Fail(NoWorkingDay());
    current = *next;
  }
  return current;
}

Result<LocalTime> WorkCalendar::AddWorkingDaysByCivilCode(LocalTime start, double amount) const {
  if (!std::isfinite(amount) || amount < 0) return Fail(AmountInvalid());
  if (!IsWhole(amount)) return Fail(AmountNotWhole());
  if (amount > kMaxWorkingDays) return Fail(AmountTooLong());
  auto received = ConsumeWorkingTime(start, seconds(0));
  if (!received) return Fail(received.error());
  if (amount == 0) return *received;
  auto last_day = WorkingDaysAfter(std::chrono::floor<days>(*received), static_cast<int>(amount));
  if (!last_day) return Fail(last_day.error());
  return EndOfPeriodEndingOn(*last_day);
}

// Fractions are rounded up to whole minutes; the slack keeps a binary artefact (249.00000000000003) from
// adding a minute.
Result<LocalTime> WorkCalendar::AddWorkingMinutes(LocalTime start, double working_minutes) const {
  if (working_minutes > kMaxWorkingDays * static_cast<double>(hours_.DayLength().count())) {
    return Fail(AmountTooLong());
  }
  const auto rounded_up = static_cast<minutes::rep>(std::ceil(working_minutes - kRoundingSlack));
  return ConsumeWorkingTime(start, minutes(std::max<minutes::rep>(rounded_up, 0)));
}

Result<LocalTime> WorkCalendar::Add(LocalTime start, double amount, TimeUnit unit) const {
  if (!std::isfinite(amount) || amount < 0) return Fail(AmountInvalid());
  if (amount == 0) return ConsumeWorkingTime(start, seconds(0));
  const auto minutes_per_working_day = static_cast<double>(hours_.DayLength().count());
  switch (unit) {
    case TimeUnit::kWorkingHour:
      return AddWorkingMinutes(start, amount * 60);
    case TimeUnit::kWorkingDay:
      return AddWorkingMinutes(start, amount * minutes_per_working_day);
    case TimeUnit::kDay:
      return AddCalendarDays(start, amount);
    case TimeUnit::kMonth:
      return AddMonths(start, amount);
  }
  return Fail(Error::InvalidArgument("unit", "đơn vị thời gian không hợp lệ", "unknown time unit"));
}

// The part of [from, to) (times of day) that lies inside working periods.
seconds WorkCalendar::WorkingTimeWithin(seconds from, seconds to) const {
  seconds total{0};
  for (const WorkPeriod& period : hours_.periods) {
    const seconds overlap = std::min<seconds>(to, period.end) - std::max<seconds>(from, period.begin);
    if (overlap > seconds(0)) total += overlap;
  }
  return total;
}

minutes WorkCalendar::WorkingMinutesBetween(LocalTime from, LocalTime to) const {
  if (to <= from) return minutes(0);
  const LocalDate first_day = std::chrono::floor<days>(from);
  const LocalDate last_day = std::chrono::floor<days>(to);
  seconds total{0};
  for (LocalDate day = first_day; day <= last_day; day += days(1)) {
    if (!IsWorkingDay(day)) continue;
    const seconds from_time = day == first_day ? from - day : seconds(0);
    const seconds to_time = day == last_day ? to - day : seconds(kEndOfDay);
    total += WorkingTimeWithin(from_time, to_time);
  }
  return std::chrono::floor<minutes>(total);
}

}  // namespace motcua
