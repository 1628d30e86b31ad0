#include "domain/report_counters.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <utility>

#include "domain/account.h"
#include "domain/dossier_standing.h"

namespace motcua {
namespace {

// In the order of the enumerators.
constexpr std::array<std::string_view, kMeasureCount> kMeasureNames = {
    // flows
    "received_online", "received_direct", "received_postal", "boundaryless", "resolved_early", "resolved_on_time",
    "resolved_late", "resolved_late_with_apology", "refused", "withdrawn", "cancelled", "supplement_requests",
    "extensions", "digitized_components", "digitized_results", "returned_by_post", "with_fees", "paid_online",
    "evaluations", "evaluation_score_sum", "reception_refused", "digitized_dossiers", "evaluations_dissatisfied",
    "not_supplemented", "electronic_results", "digitized_complete",
    // balances
    "open", "overdue"};
// A name left out would leave the last entry empty.
static_assert(!kMeasureNames.back().empty(), "one name per Measure");

LocalDate DayOf(Instant at) { return std::chrono::floor<std::chrono::days>(ToLocal(at)); }

CounterKey KeyOf(const DossierState& s, std::string official) {
  return CounterKey{s.competent_unit, s.receiving_unit, s.competent_agency,
                    s.procedure_code, s.channel,        std::move(official)};
}

// Received and not yet resolved: carried over (column 6) and in progress (column 11) of form II.06a.
bool IsOpen(const DossierState& s) { return s.received_at.has_value() && !s.completed_at.has_value(); }

// Open with its clock running against a statutory appointment (domain/dossier_standing.h: a dossier waiting for
// a supplement is within its deadline whatever its appointment).
bool IsRunning(const DossierState& s) { return ClockRuns(DeadlineFactsOf(s)) && s.statutory_due_at.has_value(); }

// Ended with an approved result (handed over or not), as opposed to refused, withdrawn or cancelled.
bool HasResult(const DossierState& s) {
  return s.status == DossierStatus::kResultReady || s.status == DossierStatus::kReturned;
}

// Decision 766 indicator 4.2 ("Tỷ lệ hồ sơ TTHC thực hiện số hóa hồ sơ"): a dossier counts when (1) files are
// attached to its components and (2) its result, when one is issued, is electronic (the national portal's formula
// document, docs/law/reports.md §2.2). Condition (2) can only be judged once the processing has ended, so the
// dossier counts then, or when the missing file comes later. Once true it stays true: counted once.
bool DigitizedComplete(const DossierState& s) {
  return s.received_at && s.completed_at && s.digitized_components > 0 && (!HasResult(s) || s.result_digitized);
}

Measure ReceivedMeasure(Channel channel) {
  switch (channel) {
    case Channel::kOnline:
      return Measure::kReceivedOnline;
    case Channel::kPostal:
      return Measure::kReceivedPostal;
    case Channel::kDirect:
      break;
  }
  return Measure::kReceivedDirect;
}

Measure ResolvedMeasure(Timeliness timeliness) {
  switch (timeliness) {
    case Timeliness::kEarly:
      return Measure::kResolvedEarly;
    case Timeliness::kLate:
      return Measure::kResolvedLate;
    case Timeliness::kOnTime:
      break;
  }
  return Measure::kResolvedOnTime;
}

// The flow deltas of one event, on the event's day and keyed by the state after it: one operator() per payload
// type that counts something.
class FlowDeltas {
 public:
  FlowDeltas(const DossierState& before, const DossierState& after, const DossierEvent& event,
             const DeadlinePolicy& policy, std::vector<CounterDelta>& out)
      : before_(before), after_(after), event_(event), policy_(policy), out_(out), day_(DayOf(event.occurred_at)) {}

  // Counted by reception, not submission, in the channel the dossier came by (form II.06a (4)/(5)).
  void operator()(const Received&) {
    Add(event_.actor.user, ReceivedMeasure(after_.channel));
    if (after_.receiving_unit != after_.competent_unit) Add(event_.actor.user, Measure::kBoundaryless);
  }

  void operator()(const ReceptionRefused&) { Add(event_.actor.user, Measure::kReceptionRefused); }

  // Early, on time or late as domain/dossier_standing.h judges it: against the statutory appointment (an apology
  // slip labels a late dossier, it does not make it on time; docs/law/reports.md §1.4 rule 3).
  void operator()(const ResultApproved&) {
    const Timeliness timeliness = Resolution();
    Add(Resolver(), ResolvedMeasure(timeliness));
    if (timeliness == Timeliness::kLate && after_.extensions > 0) {
      Add(Resolver(), Measure::kResolvedLateWithApology);
    }
  }

  // Every refusal is "returned to the applicant"; those for want of a supplement are also counted apart.
  void operator()(const Refused& p) {
    EndedWithoutResult(Measure::kRefused);
    if (p.kind == RefusalKind::kNotSupplemented && before_.received_at) Add(Resolver(), Measure::kNotSupplemented);
  }
  void operator()(const Withdrawn&) { EndedWithoutResult(Measure::kWithdrawn); }
  void operator()(const Cancelled&) { EndedWithoutResult(Measure::kCancelled); }
  void operator()(const SupplementRequested&) { Add(event_.actor.user, Measure::kSupplementRequests); }
  void operator()(const Extended&) { Add(event_.actor.user, Measure::kExtensions); }

  void operator()(const Digitized& p) {
    Add(event_.actor.user, p.component_seq >= 0 ? Measure::kDigitizedComponents : Measure::kDigitizedResults);
    // Dossiers, not files: a dossier counts once, at its first digitized component...
    if (p.component_seq >= 0 && before_.digitized_components == 0) Add(event_.actor.user, Measure::kDigitizedDossiers);
    // ... and, for Decision 766 indicator 4.1, at the first file of its approved result (a scanned refusal letter
    // is not a result: indicator 4.1 counts "kết quả giải quyết").
    if (p.component_seq < 0 && !before_.result_digitized && HasResult(after_)) {
      Add(event_.actor.user, Measure::kElectronicResults);
    }
  }

  void operator()(const ResultReturned& p) {
    if (p.method == ReturnMethod::kPost) Add(event_.actor.user, Measure::kReturnedByPost);
  }

  // Dossiers with fees, not fee items: only the first assessment counts.
  void operator()(const FeeAssessed&) {
    if (before_.fees_assessed == Money() && after_.fees_assessed > Money()) Add(event_.actor.user, Measure::kWithFees);
  }

  // Dossiers paid online (Decision 766 indicator 3.6), not payments: only the first online payment counts.
  void operator()(const FeePaid& p) {
    if (p.method == PaymentMethod::kOnline && before_.fees_paid_online == Money()) {
      Add(event_.actor.user, Measure::kPaidOnline);
    }
  }

  void operator()(const Evaluated& p) {
    Add(event_.actor.user, Measure::kEvaluations);
    Add(event_.actor.user, Measure::kEvaluationScoreSum, p.score);
    if (p.score <= 2) Add(event_.actor.user, Measure::kEvaluationsDissatisfied);
  }

  // Submitted, StepAssigned, StepCompleted, Transferred, Supplemented: no flow (a transfer moves balances only).
  template <typename Payload>
  void operator()(const Payload&) {}

 private:
  // Officials are staff: an applicant's own act (an online payment, a rating, withdrawing a dossier nobody was
  // assigned) counts in the unit's figures under no official, so that a report by official lists the staff only
  // (with applicants as officials, a province-year had 138,000 rows, one per applicant).
  void Add(std::string official, Measure measure, std::int64_t delta = 1) {
    if (official == event_.actor.user && event_.actor.role == RoleName(Role::kCitizen)) official.clear();
    out_.push_back(CounterDelta{KeyOf(after_, std::move(official)), day_, measure, delta});
  }

  // Whose work a resolution was: the assignee the dossier had (resolving clears it), else whoever resolved it.
  std::string Resolver() const { return before_.assignee.empty() ? event_.actor.user : before_.assignee; }

  // How the dossier's processing ended, by domain/dossier_standing.h: the one judgement the report, the pages and
  // public tracking share.
  Timeliness Resolution() const {
    return TimelinessOf(StandingOf(after_, event_.occurred_at, policy_)).value_or(Timeliness::kOnTime);
  }

  // Refused, withdrawn and cancelled dossiers are resolved (on time whatever their date: form II.06a column 9,
  // docs/law/reports.md §1.3), but only once received: a submission withdrawn or cancelled before reception never
  // entered the report.
  void EndedWithoutResult(Measure measure) {
    if (!before_.received_at) return;
    Add(Resolver(), measure);
    Add(Resolver(), ResolvedMeasure(Resolution()));
  }

  const DossierState& before_;
  const DossierState& after_;
  const DossierEvent& event_;
  const DeadlinePolicy& policy_;
  std::vector<CounterDelta>& out_;
  LocalDate day_;
};

// The first day at whose end a dossier still open counts as overdue: the day after its statutory
// appointment's day (form column (13): "appointment day < period end day"; docs/law/reports.md §1.1).
LocalDate OverdueFrom(const DossierState& s) { return DayOf(*s.statutory_due_at) + std::chrono::days(1); }

// The open balance moves on the event's day. The overdue balance holds a dossier from OverdueFrom while its
// clock runs: what `before` had put there is taken back and what `after` needs is put, never earlier than the
// event's day (the counters of past days are not rewritten).
void AddBalances(const DossierState& before, const DossierState& after, LocalDate day, std::vector<CounterDelta>& out) {
  if (IsOpen(before)) out.push_back({KeyOf(before, ""), day, Measure::kOpen, -1});
  if (IsOpen(after)) out.push_back({KeyOf(after, ""), day, Measure::kOpen, +1});
  if (IsRunning(before)) out.push_back({KeyOf(before, ""), std::max(OverdueFrom(before), day), Measure::kOverdue, -1});
  if (IsRunning(after)) out.push_back({KeyOf(after, ""), std::max(OverdueFrom(after), day), Measure::kOverdue, +1});
}

bool SameBucket(const CounterDelta& a, const CounterDelta& b) {
  return a.key == b.key && a.day == b.day && a.measure == b.measure;
}

// One delta per key, day and measure, sorted, without those that sum to zero (most events leave the balances
// where they were).
std::vector<CounterDelta> Net(std::vector<CounterDelta> deltas) {
  std::ranges::sort(deltas);
  std::vector<CounterDelta> net;
  for (CounterDelta& delta : deltas) {
    if (!net.empty() && SameBucket(net.back(), delta)) {
      net.back().delta += delta.delta;
    } else {
      net.push_back(std::move(delta));
    }
  }
  std::erase_if(net, [](const CounterDelta& delta) { return delta.delta == 0; });
  return net;
}

}  // namespace

std::string_view MeasureName(Measure measure) { return kMeasureNames[static_cast<std::size_t>(measure)]; }

std::optional<Measure> ParseMeasure(std::string_view name) {
  const auto found = std::ranges::find(kMeasureNames, name);
  if (found == kMeasureNames.end()) return std::nullopt;
  return static_cast<Measure>(found - kMeasureNames.begin());
}

bool IsBalance(Measure measure) { return measure == Measure::kOpen || measure == Measure::kOverdue; }

std::vector<CounterDelta> CounterDeltas(const DossierState& before, const DossierState& after,
                                        const DossierEvent& event, const DeadlinePolicy& policy) {
  std::vector<CounterDelta> deltas;
  std::visit(FlowDeltas(before, after, event, policy, deltas), event.payload);
  if (!DigitizedComplete(before) && DigitizedComplete(after)) {
    deltas.push_back({KeyOf(after, event.actor.user), DayOf(event.occurred_at), Measure::kDigitizedComplete, 1});
  }
  AddBalances(before, after, DayOf(event.occurred_at), deltas);
  return Net(std::move(deltas));
}

}  // namespace motcua
