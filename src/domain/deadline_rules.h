#pragma once
// How the law counts a dossier's processing time, on top of the work calendar (work_calendar.h).
// Every rule cites its source; the research behind them is in docs/law/deadlines.md. Where the law
// leaves a choice, DeadlinePolicy makes it a setting. Pure functions.
#include <chrono>
#include <optional>
#include <string_view>

#include "domain/civil_time.h"
#include "domain/dossier_state.h"
#include "domain/work_calendar.h"

namespace motcua {

// What a supplement does to the clock once the applicant has supplied what was missing.
enum class SupplementClock {
  kResume,   // the clock pauses and resumes: the working time left at the request is owed from the supplement
  kRestart,  // the full processing time is counted again from the supplement (some provincial practice)
};

// How a processing time in working days is read (docs/law/deadlines.md §1.j). The national portal counts N × 8
// working hours from the moment the clock starts, so a dossier received after hours on Friday with one working
// day is due on Monday at 17:00; the Civil Code (art. 147) counts whole days from the day after the one the
// dossier counts as received, which gives Tuesday at 17:00. A province's choice.
enum class WorkingDayReading {
  kWorkingHours,  // the portal's practice (Circular 03/2025/TT-VPCP systems): the default
  kCivilCode,     // Civil Code 2015 art. 147–148; a fraction of a day is still counted in working hours
};
std::string_view WorkingDayReadingName(WorkingDayReading reading);  // "working_hours", "civil_code"
std::optional<WorkingDayReading> ParseWorkingDayReading(std::string_view name);

struct DeadlinePolicy {
  // The national portal's Decision 766 computation pauses the clock during a supplement and resumes it
  // (docs/law/deadlines.md, rule 7); a province that restarts it sets kRestart.
  SupplementClock supplement_clock = SupplementClock::kResume;
  // Some sectors (civil status; the birth + residence + health-insurance package) count dossiers received
  // after this local time of day from the next working day (DESIGN.md §5, provincial practice). Unset: none.
  std::optional<std::chrono::minutes> same_day_cutoff;
  // Early/on time/late compare the completion with the appointment by calendar day (the report forms count
  // "on time" as on the appointment day) or by the exact moment.
  bool classify_by_day = true;
  WorkingDayReading working_days = WorkingDayReading::kWorkingHours;
};

struct ReceiptDeadline {
  Instant clock_started_at;  // the next working moment after receipt (or after the cut-off)
  Instant due_at;            // the appointment printed on the receipt
};

// The clock start and the appointment of a complete dossier received at `received_at`.
// Errors: those of WorkCalendar::Add (field "amount", "calendar").
Result<ReceiptDeadline> DeadlineAtReceipt(const WorkCalendar& calendar, Instant received_at, double amount,
                                          TimeUnit unit, const DeadlinePolicy& policy);

// The new appointment of a dossier that was waiting for a supplement (state.suspended_at and state.due_at
// set) when the supplement arrives at `supplemented_at`. Never earlier than the current appointment.
Result<Instant> DueAfterSupplement(const WorkCalendar& calendar, const DossierState& state, Instant supplemented_at,
                                   const DeadlinePolicy& policy);

enum class Timeliness { kEarly, kOnTime, kLate };
std::string_view TimelinessName(Timeliness timeliness);  // "early", "on_time", "late"

// A completed dossier (result approved, refused...) compared with its appointment.
Timeliness ClassifyCompletion(Instant completed_at, Instant due_at, const DeadlinePolicy& policy);

// Whether an open dossier is overdue, and how an ended one is judged: domain/dossier_standing.h.

}  // namespace motcua
