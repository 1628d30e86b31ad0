#include "domain/dossier_standing.h"

namespace motcua {
namespace {

using std::chrono::days;

LocalDate DayOf(Instant at) { return std::chrono::floor<days>(ToLocal(at)); }

bool HasResult(DossierStatus status) {
  return status == DossierStatus::kResultReady || status == DossierStatus::kReturned;
}

Standing Ended(const DeadlineFacts& f, const DeadlinePolicy& policy) {
  if (!HasResult(f.status) || !f.statutory_due_at) return Standing::kOnTime;
  switch (ClassifyCompletion(*f.completed_at, *f.statutory_due_at, policy)) {
    case Timeliness::kEarly:
      return Standing::kEarly;
    case Timeliness::kLate:
      return Standing::kLate;
    case Timeliness::kOnTime:
      break;
  }
  return Standing::kOnTime;
}

// The last day of "due soon": kDueSoonWorkingDays working days after `today` (a calendar without working days
// for years, which no real one is, makes it today).
LocalDate LastDayDueSoon(const WorkCalendar& calendar, LocalDate today) {
  return calendar.WorkingDaysAfter(today, kDueSoonWorkingDays).value_or(today);
}

}  // namespace

DeadlineFacts DeadlineFactsOf(const DossierState& state) {
  return DeadlineFacts{state.status, state.received_at, state.completed_at, state.statutory_due_at};
}

bool ClockRuns(const DeadlineFacts& facts) {
  return facts.received_at && !facts.completed_at && facts.status != DossierStatus::kWaitingSupplement;
}

Standing StandingOf(const DeadlineFacts& facts, Instant at, const DeadlinePolicy& policy) {
  if (!facts.received_at) return Standing::kNotStarted;
  if (facts.completed_at) return Ended(facts, policy);
  if (facts.status == DossierStatus::kWaitingSupplement) return Standing::kPaused;
  if (facts.statutory_due_at && ClassifyCompletion(at, *facts.statutory_due_at, policy) == Timeliness::kLate) {
    return Standing::kOverdue;
  }
  return Standing::kWithinDeadline;
}

bool IsEnded(Standing standing) {
  return standing == Standing::kEarly || standing == Standing::kOnTime || standing == Standing::kLate;
}

std::optional<Timeliness> TimelinessOf(Standing standing) {
  switch (standing) {
    case Standing::kEarly:
      return Timeliness::kEarly;
    case Standing::kOnTime:
      return Timeliness::kOnTime;
    case Standing::kLate:
      return Timeliness::kLate;
    default:
      return std::nullopt;
  }
}

Urgency UrgencyOf(const DeadlineFacts& facts, Instant at, const DeadlinePolicy& policy, const WorkCalendar& calendar) {
  const Standing standing = StandingOf(facts, at, policy);
  if (standing == Standing::kOverdue) return Urgency::kOverdue;
  if (standing != Standing::kWithinDeadline || !facts.statutory_due_at) return Urgency::kNone;
  const LocalDate today = DayOf(at);
  const LocalDate due_day = DayOf(*facts.statutory_due_at);
  if (due_day <= today) return Urgency::kDueToday;
  if (due_day <= LastDayDueSoon(calendar, today)) return Urgency::kDueSoon;
  return Urgency::kLater;
}

std::optional<AppointmentWindow> WindowOf(Urgency urgency, Instant at, const DeadlinePolicy& policy,
                                          const WorkCalendar& calendar) {
  const LocalDate today = DayOf(at);
  auto start_of = [](LocalDate day) { return ToInstant(LocalTime(day)); };
  // Overdue once ending now would be late: before today's start by day, before this moment otherwise.
  const Instant overdue_before = policy.classify_by_day ? start_of(today) : at;
  const Instant tomorrow = start_of(today + days(1));
  const Instant after_soon = start_of(LastDayDueSoon(calendar, today) + days(1));
  switch (urgency) {
    case Urgency::kOverdue:
      return AppointmentWindow{std::nullopt, overdue_before};
    case Urgency::kDueToday:
      return AppointmentWindow{overdue_before, tomorrow};
    case Urgency::kDueSoon:
      return AppointmentWindow{tomorrow, after_soon};
    case Urgency::kLater:
      return AppointmentWindow{after_soon, std::nullopt};
    case Urgency::kNone:
      break;
  }
  return std::nullopt;
}

std::optional<Urgency> ParseUrgency(std::string_view name) {
  for (Urgency u : {Urgency::kNone, Urgency::kOverdue, Urgency::kDueToday, Urgency::kDueSoon, Urgency::kLater}) {
    if (UrgencyName(u) == name) return u;
  }
  return std::nullopt;
}

std::string_view StandingName(Standing standing) {
  switch (standing) {
    case Standing::kNotStarted:
      return "not_started";
    case Standing::kWithinDeadline:
      return "within_deadline";
    case Standing::kPaused:
      return "paused";
    case Standing::kOverdue:
      return "overdue";
    case Standing::kEarly:
      return "early";
    case Standing::kOnTime:
      return "on_time";
    case Standing::kLate:
      break;
  }
  return "late";
}

std::string_view UrgencyName(Urgency urgency) {
  switch (urgency) {
    case Urgency::kNone:
      return "none";
    case Urgency::kOverdue:
      return "overdue";
    case Urgency::kDueToday:
      return "due_today";
    case Urgency::kDueSoon:
      return "due_soon";
    case Urgency::kLater:
      break;
  }
  return "later";
}

}  // namespace motcua
