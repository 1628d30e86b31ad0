#include "domain/deadline_rules.h"

#include <algorithm>
#include <cmath>

namespace motcua {
namespace {

using std::chrono::days;
using std::chrono::minutes;

// A dossier received after the sector's cut-off counts from the next working day's first period.
LocalTime ApplyCutoff(const WorkCalendar& calendar, LocalTime received, const DeadlinePolicy& policy) {
  if (!policy.same_day_cutoff) return received;
  const LocalDate day = std::chrono::floor<days>(received);
  if (received - day < *policy.same_day_cutoff) return received;
  return calendar.NextWorkingMoment(LocalTime(day + days(1)));
}

// The appointment of a processing time counted from `start`, with working days read as the policy says.
Result<LocalTime> AddProcessingTime(const WorkCalendar& calendar, LocalTime start, double amount, TimeUnit unit,
                                    const DeadlinePolicy& policy) {
  const bool whole = amount == std::floor(amount);
  if (unit == TimeUnit::kWorkingDay && policy.working_days == WorkingDayReading::kCivilCode && whole) {
    return calendar.AddWorkingDaysByCivilCode(start, amount);
  }
  return calendar.Add(start, amount, unit);
}

// The appointment after a supplement, before it is held to be no earlier than the current one.
Result<LocalTime> RawDueAfterSupplement(const WorkCalendar& calendar, const DossierState& state,
                                        Instant supplemented_at, const DeadlinePolicy& policy) {
  if (policy.supplement_clock == SupplementClock::kRestart) {
    return AddProcessingTime(calendar, calendar.NextWorkingMoment(ToLocal(supplemented_at)), state.processing_amount,
                             state.processing_unit, policy);
  }
  // The working time that was left when the clock stopped is owed from the supplement on.
  const minutes left = calendar.WorkingMinutesBetween(ToLocal(*state.suspended_at), ToLocal(*state.due_at));
  return calendar.Add(ToLocal(supplemented_at), static_cast<double>(left.count()) / 60.0, TimeUnit::kWorkingHour);
}

}  // namespace

Result<ReceiptDeadline> DeadlineAtReceipt(const WorkCalendar& calendar, Instant received_at, double amount,
                                          TimeUnit unit, const DeadlinePolicy& policy) {
  const LocalTime counted_from = ApplyCutoff(calendar, ToLocal(received_at), policy);
  const LocalTime clock_start = calendar.NextWorkingMoment(counted_from);
  auto due = AddProcessingTime(calendar, clock_start, amount, unit, policy);
  if (!due) return Fail(due.error());
  return ReceiptDeadline{ToInstant(clock_start), ToInstant(*due)};
}

Result<Instant> DueAfterSupplement(const WorkCalendar& calendar, const DossierState& state, Instant supplemented_at,
                                   const DeadlinePolicy& policy) {
  if (!state.suspended_at || !state.due_at) {
    return Fail(Error::FailedPrecondition("status", "hồ sơ không ở trạng thái chờ bổ sung",
                                          "the dossier is not waiting for a supplement"));
  }
  auto due = RawDueAfterSupplement(calendar, state, supplemented_at, policy);
  if (!due) return Fail(due.error());
  return std::max(ToInstant(*due), *state.due_at);
}

Timeliness ClassifyCompletion(Instant completed_at, Instant due_at, const DeadlinePolicy& policy) {
  if (!policy.classify_by_day) {
    return completed_at < due_at    ? Timeliness::kEarly
           : completed_at == due_at ? Timeliness::kOnTime
                                    : Timeliness::kLate;
  }
  const LocalDate completed_day = std::chrono::floor<days>(ToLocal(completed_at));
  const LocalDate due_day = std::chrono::floor<days>(ToLocal(due_at));
  if (completed_day < due_day) return Timeliness::kEarly;
  if (completed_day == due_day) return Timeliness::kOnTime;
  return Timeliness::kLate;
}

std::string_view WorkingDayReadingName(WorkingDayReading reading) {
  return reading == WorkingDayReading::kCivilCode ? "civil_code" : "working_hours";
}

std::optional<WorkingDayReading> ParseWorkingDayReading(std::string_view name) {
  for (WorkingDayReading r : {WorkingDayReading::kWorkingHours, WorkingDayReading::kCivilCode}) {
    if (WorkingDayReadingName(r) == name) return r;
  }
  return std::nullopt;
}

std::string_view TimelinessName(Timeliness timeliness) {
  switch (timeliness) {
    case Timeliness::kEarly:
      return "early";
    case Timeliness::kOnTime:
      return "on_time";
    case Timeliness::kLate:
      break;
  }
  return "late";
}

}  // namespace motcua
