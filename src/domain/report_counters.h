#pragma once
// What each dossier event adds to the report counters (DESIGN.md §4: "reports never scan history"). The store
// keeps, per key and day, the sum of these deltas, in the same transaction as the events; a report adds up the
// days (and month and year roll-ups) of its period. Pure: the same events always give the same deltas, so the
// counters can be rebuilt from the history and compared with the maintained ones.
//
// Two kinds of measure:
//  - flows: how many things happened on a day (received by channel, resolved early / on time / late, supplement
//    requests, payments...). A period's figure is the sum over its days.
//  - balances (kOpen, kOverdue): deltas whose running sum up to the end of a day is a count at that moment —
//    dossiers open (received, not resolved) and, of them, those overdue. "Carried over" into a period is the
//    open balance before its first day; "in progress" at its end, the open and overdue balances after its last.
//
// The periodic report form counts (docs/law/reports.md; DESIGN.md §5): a dossier is *received* when it is
// received complete (the Received event: at the counter, or an online/postal submission accepted), in the
// channel it came by; it is *resolved* when the processing ends — a result approved (early, on time or late by
// ClassifyCompletion under the policy, against the *statutory* appointment: an apology slip's new date does not
// make a late dossier on time), or refused, withdrawn or cancelled (which the form counts as on time, and which
// are also counted on their own). A dossier waiting for a supplement is within its deadline. An open dossier is
// overdue at the end of a day when its statutory appointment fell on an earlier day (form column (13):
// "appointment day < period end day"; day granularity: the balances are read at day boundaries).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/civil_time.h"
#include "domain/deadline_rules.h"
#include "domain/dossier_event.h"
#include "domain/dossier_state.h"

namespace motcua {

enum class Measure {
  // flows
  kReceivedOnline,
  kReceivedDirect,
  kReceivedPostal,
  kBoundaryless,  // received at a point of another unit than the competent one
  kResolvedEarly,
  kResolvedOnTime,
  kResolvedLate,
  kResolvedLateWithApology,  // of the late ones, those that had an apology slip (an extension)
  kRefused,                  // resolved by a refusal: the dossier goes back to the applicant with the reasons
  kWithdrawn,                // resolved by the applicant withdrawing it
  kCancelled,                // resolved by a cancellation
  kSupplementRequests,
  kExtensions,  // apology slips with a new appointment
  kDigitizedComponents,
  kDigitizedResults,
  kReturnedByPost,  // results handed over by post
  kWithFees,        // dossiers whose first fee was assessed that day
  kPaidOnline,      // dossiers whose first online payment was made that day
  kEvaluations,
  kEvaluationScoreSum,
  kReceptionRefused,         // not accepted at reception (never received)
  kDigitizedDossiers,        // dossiers whose first component was digitized that day
  kEvaluationsDissatisfied,  // evaluations scoring 1 or 2 (Decision 766 indicator 5.4)
  kNotSupplemented,          // of the refused, those given back because the applicant did not supplement
  kElectronicResults,        // dossiers whose approved result got its first electronic file (766 indicator 4.1)
  kDigitizedComplete,        // dossiers ended with their components digitized and, when a result was approved,
                             // an electronic result (766 indicator 4.2), counted when the last of these is done
  // balances
  kOpen,
  kOverdue,
};

inline constexpr int kMeasureCount = static_cast<int>(Measure::kOverdue) + 1;

std::string_view MeasureName(Measure measure);  // "received_online", ..., "overdue"
std::optional<Measure> ParseMeasure(std::string_view name);
bool IsBalance(Measure measure);

// Whose figure a delta is: the dossier's units, agency, procedure and channel as they are after the event (for
// balances that move, the state before for the minus and after for the plus), and the official whose work it
// was (the receptionist for a reception; for a resolution, the assignee the dossier had before it, since resolving
// clears the assignee, when there was one; else the actor; empty for balances, which are not split by official,
// and for an applicant's own act, which is no official's work).
struct CounterKey {
  std::string competent_unit;
  std::string receiving_unit;
  std::string agency;  // the competent agency
  std::string procedure_code;
  Channel channel = Channel::kDirect;
  std::string official;
  auto operator<=>(const CounterKey&) const = default;
};

struct CounterDelta {
  CounterKey key;
  LocalDate day;  // Viet Nam local date the delta counts from
  Measure measure = Measure::kOpen;
  std::int64_t delta = 0;
  auto operator<=>(const CounterDelta&) const = default;
};

// The deltas of `event`, which took `before` to `after` (before = an empty DossierState for a dossier's first
// event). Deltas with the same key, day and measure are summed into one, those that cancel out are left out, and
// the rest come sorted (CounterDelta's order). The day of a flow is the local date of event.occurred_at; a
// balance delta may fall on a later day (an overdue dossier counts from its statutory appointment's day).
std::vector<CounterDelta> CounterDeltas(const DossierState& before, const DossierState& after,
                                        const DossierEvent& event, const DeadlinePolicy& policy);

}  // namespace motcua
