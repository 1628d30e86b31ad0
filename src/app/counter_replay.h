#pragma once
// Whether an imported history is one the counter could have written (issue 15, item 10: "import as strict as the
// counter"). Each event is held, at its own moment, to the checks the lifecycle's use cases make when they write
// it (app/dossier_lifecycle.h, on a clock stopped at the event's occurred_at) and to the state machine
// (domain/dossier_state.h), so that the import has no rules of its own to drift apart:
//  - a reception or submission: the procedure is in the catalogue and offered on the channel, the applicant is
//    valid (citizen ID for the year of the event), the units exist and the competent unit is in the receiving
//    unit's province, the province's boundaryless setting; the clock's start and the appointment are what the
//    deadline rules compute from the processing time and the moment of receipt on the work calendar (a time the
//    calendar cannot count, such as 1.5 calendar days, is refused as it is at the counter). The processing time
//    is the catalogue's (or the province's setting) for the channel: in its time unit, and not longer — a
//    province may only shorten the national time (docs/law/deadlines.md); where neither gives one, the counter
//    states it, and so may the file;
//  - an acceptance copies the submission as the counter does; a supplement's new appointment is the one the
//    deadline rules give;
//  - every event happens after the one before it and not after now (the counter's clock does not go back), and
//    is done in a known role (domain/account.h); a step is given to a known role;
//  - a digitized file is one stored in this database (app/document_access.h), unless the import is told the
//    files stay in the system the history comes from (then only a reference shaped as a file id must be one).
// Thread-safety: one instance per thread, like the Store it uses.
#include <optional>

#include "app/lifecycle_settings.h"
#include "domain/dossier_state.h"
#include "domain/work_calendar.h"
#include "store/store.h"

namespace motcua::app {

struct ReplayRules {
  LifecycleSettings settings;  // the province's, as the counter uses them
  Instant now{};               // no event may happen after it
  bool outside_files = false;  // accept file references that are not files of this database
};

class CounterReplay {
 public:
  // Replays from `state` (empty for a new dossier; the stored state for one being continued), whose last event
  // happened at `last_moment`.
  CounterReplay(store::Store& store, const WorkCalendar& calendar, const ReplayRules& rules, DossierState state,
                std::optional<Instant> last_moment)
      : store_(store), calendar_(calendar), rules_(rules), state_(std::move(state)), last_moment_(last_moment) {}

  // Checks `event` and moves the state past it. InvalidArgument, NotFound or FailedPrecondition naming the
  // field of the event at fault ("occurred_at", "actor.role", "payload.due_at", "payload.file"...); the state is
  // then unchanged. Unavailable when the store fails.
  Result<void> Apply(const DossierEvent& event);

  const DossierState& state() const { return state_; }

 private:
  Result<void> CheckMoment(const DossierEvent& event) const;
  // The payload the counter would have written in place of the event's, at the event's moment.
  Result<EventPayload> CounterPayload(const DossierEvent& event) const;
  Result<void> CheckProcessingTime(const Received& received) const;
  Result<void> CheckFile(const Digitized& digitized) const;

  store::Store& store_;
  const WorkCalendar& calendar_;
  const ReplayRules& rules_;
  DossierState state_;
  std::optional<Instant> last_moment_;
};

}  // namespace motcua::app
