#pragma once
// Where a dossier stands against the time the law gives it: one answer for the periodic reports, the staff's
// lists and pages, and public tracking (issue 15, item 11). Before this, each judged on its own and they
// disagreed: pages called a dossier refused for want of a supplement "late" while the report counted it on time.
//
// The rules (docs/law/reports.md, docs/law/deadlines.md):
//  - A dossier not (yet) received — a submission waiting to be checked, one refused at reception, one withdrawn
//    before reception — has no clock: kNotStarted.
//  - An open dossier waiting for a supplement is within its deadline whatever the date (form II.06a column 12):
//    kPaused.
//  - An open dossier whose clock runs is overdue when, ended now, it would be late: against its *statutory*
//    appointment (an apology slip gives the applicant a new date but the report still counts the dossier late),
//    by calendar day or by the moment as the policy says (DeadlinePolicy::classify_by_day).
//  - A result approved (handed over or not) is early, on time or late by ClassifyCompletion against the statutory
//    appointment; one without an appointment is on time (column 9).
//  - A dossier refused, withdrawn or cancelled after reception is counted on time whatever its date (column 9).
// Pure.
#include <optional>
#include <string_view>

#include "domain/deadline_rules.h"
#include "domain/dossier_state.h"
#include "domain/work_calendar.h"

namespace motcua {

enum class Standing {
  kNotStarted,
  kWithinDeadline,
  kPaused,
  kOverdue,
  kEarly,
  kOnTime,
  kLate,
};

// "not_started", "within_deadline", "paused", "overdue", "early", "on_time", "late".
std::string_view StandingName(Standing standing);
bool IsEnded(Standing standing);  // early, on time or late

// The facts a standing depends on, which a dossier list row carries as well as a folded state.
struct DeadlineFacts {
  DossierStatus status = DossierStatus::kSubmitted;
  std::optional<Instant> received_at;
  std::optional<Instant> completed_at;
  std::optional<Instant> statutory_due_at;
};

DeadlineFacts DeadlineFactsOf(const DossierState& state);

// Received, not ended, and not waiting for a supplement: the dossier's time is being spent.
bool ClockRuns(const DeadlineFacts& facts);

// Where the dossier stands at moment `at` (for an ended dossier, `at` does not matter).
Standing StandingOf(const DeadlineFacts& facts, Instant at, const DeadlinePolicy& policy);
inline Standing StandingOf(const DossierState& state, Instant at, const DeadlinePolicy& policy) {
  return StandingOf(DeadlineFactsOf(state), at, policy);
}

// The timeliness of an ended dossier, as the report counts it; nullopt while it has not ended.
std::optional<Timeliness> TimelinessOf(Standing standing);

// How soon a dossier whose clock runs must be done, for the colours of a list: overdue, due today (its statutory
// appointment falls today), due soon (within the next two working days of the calendar), or later. kNone for a
// dossier whose clock does not run (not started, paused, ended).
enum class Urgency { kNone, kOverdue, kDueToday, kDueSoon, kLater };
std::string_view UrgencyName(Urgency urgency);  // "none", "overdue", "due_today", "due_soon", "later"

inline constexpr int kDueSoonWorkingDays = 2;

Urgency UrgencyOf(const DeadlineFacts& facts, Instant at, const DeadlinePolicy& policy, const WorkCalendar& calendar);

// The statutory appointments [from, to) of the dossiers in processing (the one status whose clock runs) that have
// urgency `urgency` at `at` — for a list filtered by urgency, which a store answers with a range. kNone has no
// window (nullopt); an unset end is open.
struct AppointmentWindow {
  std::optional<Instant> from;
  std::optional<Instant> to;
};
std::optional<AppointmentWindow> WindowOf(Urgency urgency, Instant at, const DeadlinePolicy& policy,
                                          const WorkCalendar& calendar);
std::optional<Urgency> ParseUrgency(std::string_view name);

}  // namespace motcua
