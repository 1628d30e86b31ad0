#pragma once
// A dossier's current state: the fold of its events (dossier_event.h). ApplyEvent() is the state machine:
// it checks that an event may happen now (sequence, status, the law's limits) and returns the new state,
// or an error that leaves the caller's state untouched. Pure; no clock, no store.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/dossier_access.h"
#include "domain/dossier_event.h"
#include "domain/error.h"

namespace motcua {

enum class DossierStatus {
  kSubmitted,          // online/postal, waiting for a receptionist to check and accept it
  kProcessing,         // received; the clock runs
  kWaitingSupplement,  // the applicant must supplement; the clock is stopped
  kResultReady,        // result approved and signed, waiting to be handed over
  kReturned,           // result handed over: closed
  kRefused,            // the competent agency refused: closed
  kWithdrawn,          // the applicant withdrew: closed
  kCancelled,          // cancelled: closed
  kReceptionRefused,   // not accepted at reception (Form 03): closed
};

std::string_view DossierStatusName(DossierStatus status);  // "processing"
// The status named `name` (DossierStatusName's spelling); nullopt for any other text.
std::optional<DossierStatus> ParseDossierStatus(std::string_view name);
std::string_view DossierStatusLabelVi(DossierStatus status);  // "Đang xử lý"
// Closed dossiers never reopen: only evaluations, digitization and the handing over of a refusal follow.
bool IsClosed(DossierStatus status);

// Limits the law sets on a dossier's life; a setting where the law leaves a choice.
struct LifecycleLimits {
  int max_supplement_requests = 1;  // the supplement is asked for once, in writing (docs/law/deadlines.md)
  int max_extensions = 1;           // the appointment may be reset once (docs/law/deadlines.md)
};

struct DossierState {
  std::string code;
  std::int64_t last_seq = 0;
  std::string last_hash;
  DossierStatus status = DossierStatus::kSubmitted;

  std::string procedure_code;
  Channel channel = Channel::kDirect;
  Applicant applicant;
  std::vector<SubmittedComponent> components;
  std::string receiving_unit;
  std::string receiving_point;
  std::string competent_agency;
  std::string competent_unit;
  std::vector<std::string> transfers;  // agencies it was transferred to, in order

  double processing_amount = 0;
  TimeUnit processing_unit = TimeUnit::kWorkingDay;
  std::optional<Instant> submitted_at;
  std::optional<Instant> received_at;
  std::optional<Instant> clock_started_at;
  std::optional<Instant> original_due_at;  // the appointment on the receipt
  std::optional<Instant> due_at;           // the current appointment (after supplements and extensions)
  // The appointment the law holds the agency to: moved by supplements, never by an extension (an apology slip
  // gives the applicant a new date, but reports still count the dossier late; docs/law/reports.md).
  std::optional<Instant> statutory_due_at;
  std::optional<Instant> suspended_at;  // set while waiting for a supplement
  int supplement_requests = 0;
  int extensions = 0;
  std::optional<Instant> completed_at;  // result approved, refused, withdrawn, cancelled or refused at reception
  std::optional<Instant> returned_at;
  std::optional<ReturnMethod> return_method;
  std::string closing_reason;
  std::string result;

  std::string current_step;
  std::string assignee;

  Money fees_assessed;
  Money fees_paid;
  Money fees_paid_online;
  int digitized_components = 0;
  bool result_digitized = false;
  std::optional<int> evaluation;  // the latest score, 1..5
  std::int64_t evaluations = 0;
};

// Applies `event` to `state`. Errors (nothing changes): FailedPrecondition when the event may not happen in
// the current status or exceeds a limit, InvalidArgument when its content is wrong (sequence, dossier code,
// score out of range, a due moment before the event...). Field names point into the event ("seq",
// "payload.new_due_at").
// Whether `action` may happen to the dossier now, whatever the event would carry: the state machine's rule of
// the status (and of the limits: supplement requests, extensions; of the fees: a payment needs something owed).
// ApplyEvent checks it first; the API lists the actions for which it holds, so that no client keeps its own
// copy (issue 15, item 11). kAccept is a Received event on a submitted dossier. An empty state (last_seq 0) is a
// dossier not yet created: only kReceive and kSubmit may happen to it. FailedPrecondition naming "type".
Result<void> CheckActionNow(const DossierState& state, DossierAction action, const LifecycleLimits& limits = {});

Result<DossierState> ApplyEvent(const DossierState& state, const DossierEvent& event,
                                const LifecycleLimits& limits = {});

// Folds a whole history, from an empty state; fails on the first event that does not apply, naming its seq.
Result<DossierState> FoldEvents(std::span<const DossierEvent> events, const LifecycleLimits& limits = {});

}  // namespace motcua
