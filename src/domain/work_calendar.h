#pragma once
// The work calendar of a public office: which days it is open, its working hours, and how a processing time
// stated by law (working days, calendar days, working hours, months) turns into an appointment time.
//
// Everything here is local civil time in Viet Nam (LocalTime, see civil_time.h); convert an Instant with
// ToLocal() first. A WorkCalendar is an immutable value: build it once from the working hours and the
// calendar entries (days off, make-up days), then share it freely between threads (all methods are const and
// touch no shared mutable state). Lookups are O(log entries) per day; processing times are consumed period
// by period, whole working days in one step, never minute by minute.
#include <chrono>
#include <optional>
#include <vector>

#include "domain/calendar_entry.h"
#include "domain/civil_time.h"
#include "domain/error.h"
#include "domain/time_unit.h"

namespace motcua {

// One stretch of work inside a day, in minutes since local midnight: [begin, end).
struct WorkPeriod {
  std::chrono::minutes begin{0};  // inclusive
  std::chrono::minutes end{0};    // exclusive
};

// The same periods apply to every working day (including make-up Saturdays).
struct WorkingHours {
  std::vector<WorkPeriod> periods;  // sorted, non-overlapping, within [00:00, 24:00], at least one

  // 07:30–11:30 and 13:00–17:00: the office hours of state agencies (DESIGN.md §2).
  static WorkingHours Default();

  // Ok if the periods meet the invariant above; otherwise InvalidArgument on field "working_hours".
  // Check a schedule an administrator entered with this before building a WorkCalendar from it.
  Result<void> Validate() const;

  // The length of one working day: the sum of the period lengths (8 h for the default hours).
  std::chrono::minutes DayLength() const;
};

class WorkCalendar {
 public:
  // How many consecutive days without work the calendar may contain before a search gives up: a guard
  // against a misconfigured calendar (no working day for years), never reached by a real one.
  static constexpr int kMaxDaysWithoutWork = 3660;

  // Precondition: hours.Validate() succeeds; otherwise throws std::invalid_argument (a bug in the caller).
  // `entries` may come in any order; at most one per date is expected, and if a date appears twice the
  // later entry wins (an administrator's correction appended to the list).
  WorkCalendar(WorkingHours hours, std::vector<CalendarEntry> entries);

  const WorkingHours& hours() const { return hours_; }

  // A working day is Monday–Friday unless an entry for that date says otherwise: is_day_off = true closes
  // the office (holiday, compensatory or swapped day off), is_day_off = false opens it (a make-up Saturday).
  // An entry with is_day_off = nullopt (a proposed holiday not in force) changes nothing.
  bool IsWorkingDay(LocalDate date) const;

  // The entry for `date`, or nullptr. Valid as long as this calendar lives.
  const CalendarEntry* EntryFor(LocalDate date) const;

  // `t` itself if it lies inside a working period of a working day (begin inclusive, end exclusive),
  // otherwise the begin of the next working period: a dossier received at 12:00 counts from 13:00, one
  // received at 17:00 or on a holiday from 07:30 of the next working day (DESIGN.md §5 "Time").
  // Returns `t` unchanged if no working day follows within kMaxDaysWithoutWork days (Add reports that case
  // as an error).
  LocalTime NextWorkingMoment(LocalTime t) const;

  // The appointment time for a processing time of `amount` `unit`s starting at `start` (the receipt of a
  // complete dossier). Rules per unit:
  //
  // kWorkingHour: from NextWorkingMoment(start), consume amount × 60 working minutes across working periods
  //   and working days. Fractions are allowed and rounded up to whole minutes (0.5 h = 30 min); the seconds
  //   of `start` are kept. An end that falls exactly on the end of a period is that period end (11:30,
  //   17:00), not the begin of the next one.
  // kWorkingDay: as kWorkingHour with one working day = hours().DayLength() (8 h by default). Electronic
  //   one-stop systems budget processing time in working hours at 8 h per working day (Circular
  //   01/2018/TT-VPCP, replaced by Circular 03/2025/TT-VPCP). So Mon 16:59 + 1 = Tue 16:59;
  //   Mon 17:01 + 1 = Tue 17:00; Sunday 22:00 + 1 = Mon 17:00.
  // kDay, kMonth: Civil Code 2015 (Law 91/2015/QH13). The day of receipt is the local date of
  //   NextWorkingMoment(start) (a dossier sent online on Saturday is received on Monday). Art. 147(2): that
  //   first day is not counted. Art. 148(1): a period in days ends at the end of its last day; art. 148(3):
  //   a period in months ends at the end of the corresponding day of the last month, or of that month's last
  //   day if it has no such day (31 Jan + 1 month = 28/29 Feb); art. 148(5): if the last day is a weekly
  //   rest day or a holiday, the period ends at the end of the next working day. Art. 148(6) puts the end of
  //   a day at 24:00; for an office the end of the day is the end of its last working period (17:00 by
  //   default), the last moment a result can be handed over. The amount must be a whole number.
  //
  // amount == 0 returns NextWorkingMoment(start). Errors: InvalidArgument on field "amount" if amount is
  // negative, not finite, not whole for kDay/kMonth, or longer than about ten years (3660 days, 120 months,
  // 2610 working days of working time); FailedPrecondition on field "calendar" if the calendar has a run of
  // more than kMaxDaysWithoutWork days without work in the way.
  Result<LocalTime> Add(LocalTime start, double amount, TimeUnit unit) const;

  // The `count`-th working day after `day` (`day` itself not counted; `count` 0 is `day`). Errors:
  // FailedPrecondition on "calendar" if a run of more than kMaxDaysWithoutWork days without work is in the way.
  Result<LocalDate> WorkingDaysAfter(LocalDate day, int count) const;

  // A processing time of `amount` working days read as the Civil Code counts days (art. 147(2), 148(1); the
  // other reading is Add(kWorkingDay), the portal's amount × 8 working hours): the day the dossier counts as
  // received (the local date of NextWorkingMoment(start)) is not counted, and the period ends at the end of the
  // `amount`-th working day after it, at the end of its last working period. Monday 09:00 + 1 = Tuesday 17:00;
  // Friday 17:30 + 1 = Tuesday 17:00 (received on Monday). Errors as Add's; the amount must be whole.
  Result<LocalTime> AddWorkingDaysByCivilCode(LocalTime start, double amount) const;

  // The working time elapsed in [from, to): the part of it inside working periods of working days, in whole
  // minutes (seconds are truncated). Zero if to <= from. Used to stop the clock while a dossier waits for
  // the applicant.
  std::chrono::minutes WorkingMinutesBetween(LocalTime from, LocalTime to) const;

 private:
  std::optional<LocalDate> ThisOrNextWorkingDay(LocalDate date) const;
  Result<LocalTime> ConsumeWorkingTime(LocalTime start, std::chrono::seconds amount) const;
  std::optional<LocalTime> ConsumeWithinDay(LocalDate day, std::chrono::seconds time_of_day,
                                            std::chrono::seconds& amount) const;
  std::chrono::seconds WorkingTimeWithin(std::chrono::seconds from, std::chrono::seconds to) const;
  Result<LocalTime> EndOfPeriodEndingOn(LocalDate last_day) const;
  Result<LocalTime> AddWorkingMinutes(LocalTime start, double working_minutes) const;
  Result<LocalTime> AddCalendarDays(LocalTime start, double amount) const;
  Result<LocalTime> AddMonths(LocalTime start, double amount) const;

  WorkingHours hours_;
  std::chrono::seconds day_length_;
  std::vector<CalendarEntry> entries_;  // sorted by date, one per date
};

}  // namespace motcua
