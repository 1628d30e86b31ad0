#pragma once
// Use cases of a dossier's life: submit online/by post, receive at a counter (or accept a submitted one),
// and every later action (assign, transfer, supplement, extend, refuse, withdraw, cancel, approve, return,
// fees, digitization, evaluation). Each checks its input, computes what the law computes (the appointment
// at receipt, the new appointment after a supplement), builds the event and appends it atomically; the
// state machine (domain/dossier_state.h) decides whether the action is allowed now.
//
// Thread-safety: one instance per thread, like the Store it uses.
#include <optional>
#include <string>
#include <vector>

#include "app/clock.h"
#include "app/lifecycle_settings.h"
#include "domain/work_calendar.h"
#include "store/store.h"

namespace motcua::app {

// A processing time stated at the counter, where the catalogue gives none (or the province sets another).
struct ProcessingTime {
  double amount = 0;
  TimeUnit unit = TimeUnit::kWorkingDay;
};

struct IntakeCommand {
  std::string procedure_code;
  Channel channel = Channel::kDirect;
  Applicant applicant;
  std::vector<SubmittedComponent> components;
  std::string receiving_unit;    // commune (5 digits) or province (2 digits) whose point receives it
  std::string receiving_point;   // the counter or center, free text for now
  std::string agency_id;         // the receiving agency's electronic ID, the first part of the dossier code
  std::string competent_agency;  // the deciding agency
  std::string competent_unit;    // its unit; empty = the receiving unit
  // The processing time; unset = the procedure's own for this channel.
  std::optional<double> processing_amount;
  std::optional<TimeUnit> processing_unit;
  // Files handed in with the dossier (component scans, an online submission's attachments), each recorded as a
  // Digitized event appended with the intake event in one transaction. The caller checks the files exist.
  std::vector<Digitized> scans;
  Actor actor;
};

class DossierLifecycle {
 public:
  DossierLifecycle(store::Store& store, const Clock& clock, const WorkCalendar& calendar,
                   const LifecycleSettings& settings)
      : store_(store), clock_(clock), calendar_(calendar), settings_(settings) {}
  // Each action below reads the clock once: every time it records (the receipt, the clock's start, the event) is
  // that one moment, however long the action waits for the store (e.g. a group commit).

  // A complete dossier received at a counter (channel direct, or online/postal checked on the spot):
  // allocates the code and starts the clock.
  Result<DossierState> Receive(const IntakeCommand& command);

  // An online or postal dossier, not yet checked: allocates the code; the clock does not run yet.
  Result<DossierState> Submit(const IntakeCommand& command);

  // Accepts a submitted dossier as complete: starts the clock from now, on the procedure's processing time
  // for the dossier's channel, or on `stated` when given.
  Result<DossierState> Accept(const std::string& code, const std::string& receiving_point, const Actor& actor,
                              std::optional<ProcessingTime> stated = std::nullopt);

  // Any other action on an existing dossier. For Supplemented, the new appointment is computed here
  // (the due_at given is ignored).
  Result<DossierState> Record(const std::string& code, EventPayload payload, const Actor& actor);

  // What the actions above would write now, without writing it: every check of the intake against the catalogue
  // and the units, and what the law computes (the clock's start and the appointment; a supplement's new
  // appointment). The import holds an imported history to these, each event at its own moment, so that it takes
  // only what the counter could have written (app/counter_replay.h). Errors as the actions'.
  Result<Received> ReceivedFor(const IntakeCommand& command) const;
  Result<Submitted> SubmittedFor(const IntakeCommand& command) const;
  Result<Received> AcceptedFor(const DossierState& state, const std::string& receiving_point,
                               std::optional<ProcessingTime> stated) const;
  // `payload` as Record completes it for a dossier in `state` (a Supplemented's due_at).
  Result<EventPayload> RecordedFor(const DossierState& state, EventPayload payload) const;

 private:
  struct ClockStart {
    double amount = 0;
    TimeUnit unit = TimeUnit::kWorkingDay;
    ReceiptDeadline deadline;
  };
  // The processing time owed (stated, else the province's setting for the channel, else the catalogue's) and
  // when it starts and ends, counted from now.
  Result<ClockStart> StartClock(const Procedure& procedure, Channel channel,
                                std::optional<ProcessingTime> stated) const;
  // The dossier's state; NotFound naming "code" when there is none.
  Result<DossierState> LoadExisting(const std::string& code);
  // The intake's procedure from the catalogue, once the whole command is checked against it.
  Result<Procedure> CheckedProcedure(const IntakeCommand& command) const;
  Result<void> CheckIntake(const IntakeCommand& command, const Procedure& procedure) const;
  // The province code of a province or commune code; NotFound naming `field` for an unknown unit.
  Result<std::string> ProvinceOfUnit(const std::string& unit, const char* field) const;
  Result<DossierState> Append(const std::string& code, EventPayload payload, const Actor& actor);
  // A new dossier: `first` then a Digitized event per scan, appended under the next code of `agency_id`'s
  // sequence for today, in one transaction (Store::AppendNewDossier).
  Result<DossierState> CreateDossier(const std::string& agency_id, EventPayload first,
                                     const std::vector<Digitized>& scans, const Actor& actor);
  // `first` then a Digitized event per scan, at this moment, by `actor`.
  std::vector<DossierEvent> EventsOf(const std::string& code, EventPayload first, const std::vector<Digitized>& scans,
                                     const Actor& actor) const;
  // A boundaryless reception (receiving unit ≠ competent unit) of a procedure the province set as not
  // boundaryless: InvalidArgument on "competent_agency".
  Result<void> CheckBoundaryless(const IntakeCommand& command) const;

  // A lifecycle on a clock stopped at `moment` (one_moment_), which the public actions run on.
  struct OneMoment {};
  DossierLifecycle(OneMoment, store::Store& store, const Clock& moment, const WorkCalendar& calendar,
                   const LifecycleSettings& settings)
      : store_(store), clock_(moment), calendar_(calendar), settings_(settings), one_moment_(true) {}
  template <typename Action>
  Result<DossierState> AtOneMoment(const Action& action) {
    const FixedClock moment(clock_.Now());
    DossierLifecycle stopped(OneMoment{}, store_, moment, calendar_, settings_);
    return action(stopped);
  }

  store::Store& store_;
  const Clock& clock_;
  const WorkCalendar& calendar_;
  const LifecycleSettings& settings_;
  const bool one_moment_ = false;
};

// The processing time a procedure promises on a channel: the province's setting for the channel when there is
// one (domain/procedure_settings.h), else the catalogue's first row of that channel with a known unit.
// NotFound naming "processing_time" when neither gives one (then the counter must state it).
Result<std::pair<double, TimeUnit>> ProcessingTimeFor(const Procedure& procedure, Channel channel,
                                                      const std::optional<ProcedureSettings>& settings = std::nullopt);

}  // namespace motcua::app
