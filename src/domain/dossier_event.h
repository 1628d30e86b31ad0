#pragma once
// The events of a dossier's life (DESIGN.md §2). A dossier is nothing but the ordered list of its events:
// nothing is updated in place and nothing is deleted; its state is the fold of the events (dossier_state.h).
// Each event carries what happened (the payload, one struct per type), who did it, when it happened
// (occurred_at: for an offline backfill, the original time) and when the system recorded it, and links to
// the previous event by hash so that any later edit of the stored history is detectable.
// Plain values; hashing and serialization live in the store.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/civil_time.h"
#include "domain/money.h"
#include "domain/procedure.h"

namespace motcua {

// The applicant (người nộp hồ sơ): a citizen or the representative of an organisation.
struct Applicant {
  std::string name;
  std::string citizen_id;  // 12 digits (validated by ParseCitizenId) or empty for an organisation
  std::string phone;
  std::string email;
  std::string address;
  std::string organisation;  // name of the business or organisation, empty for a citizen
};

// A dossier component as handed in: which item of the procedure's list, as original or copy.
struct SubmittedComponent {
  int seq = 0;  // DossierComponent::seq of the procedure, 0 for an extra document
  std::string name;
  int originals = 0;
  int copies = 0;
};

// Who acted: a user account, with the role and unit it acted in.
struct Actor {
  std::string user;  // login name, or "system", or "import:<user>"
  std::string role;  // receptionist, specialist, leader, citizen, system...
  std::string unit;  // commune or province code the actor works for, may be empty
};

// --- Payloads, one per event type -------------------------------------------------------------------

// Submitted online or by post; not yet checked by a receptionist, so the clock does not run.
struct Submitted {
  std::string procedure_code;
  Channel channel = Channel::kOnline;  // kOnline or kPostal
  Applicant applicant;
  std::vector<SubmittedComponent> components;
  std::string receiving_unit;    // the commune/province whose point receives it
  std::string competent_agency;  // the agency that decides
  std::string competent_unit;    // the unit of that agency (differs from receiving_unit when boundaryless)
};

// Checked complete and accepted: the processing time starts (Decree 118/2025/ND-CP; docs/law/deadlines.md).
struct Received {
  std::string procedure_code;
  Channel channel = Channel::kDirect;
  Applicant applicant;
  std::vector<SubmittedComponent> components;
  std::string receiving_unit;
  std::string receiving_point;  // the counter or center that received it
  std::string competent_agency;
  std::string competent_unit;
  double processing_amount = 0;  // the processing time this dossier is owed, fixed at receipt
  TimeUnit processing_unit = TimeUnit::kWorkingDay;
  Instant clock_started_at;  // the next working moment after receipt
  Instant due_at;            // the appointment printed on the receipt (Form 01)
};

// Refused at reception (Form 03): the dossier is not accepted; closes a submitted dossier.
struct ReceptionRefused {
  std::string reason;
};

// A step of the internal workflow is given to a person.
struct StepAssigned {
  std::string step;  // e.g. "thẩm định", "phê duyệt"
  std::string role;
  std::string agency;
  std::string assignee;
};

struct StepCompleted {
  std::string step;
  std::string note;
};

// Sent to another agency for its part (liên thông).
struct Transferred {
  std::string to_agency;
  std::string to_unit;
  std::string reason;
};

// The applicant must supplement the dossier (Form 02): the clock stops.
struct SupplementRequested {
  std::string reason;
  std::vector<std::string> missing;  // the components or information asked for
};

// The applicant supplied what was missing: the clock goes on, with a new due moment.
struct Supplemented {
  std::vector<SubmittedComponent> components;
  Instant due_at;  // the new appointment, computed by the deadline rules at the time of the event
};

// The processing is extended with an apology slip (phiếu xin lỗi và hẹn lại ngày trả kết quả).
struct Extended {
  std::string reason;
  Instant new_due_at;
};

// Why a dossier is given back to the applicant without a result. Both end the processing, count on time in form
// II.06a (column 9) and are "returned to the applicant"; the second is also counted on its own, for the reports
// that show it (docs/law/reports.md §1.6).
enum class RefusalKind {
  kRefused,          // the request does not meet the conditions (the default)
  kNotSupplemented,  // the applicant did not supplement the dossier within the time given (Form 02)
};
std::string_view RefusalKindName(RefusalKind kind);  // "refused", "not_supplemented"
std::optional<RefusalKind> ParseRefusalKind(std::string_view text);

// The competent agency refuses the request (with reasons) and gives the dossier back: the processing ends.
struct Refused {
  std::string reason;
  RefusalKind kind = RefusalKind::kRefused;
};

// The applicant withdraws the dossier before a decision is issued.
struct Withdrawn {
  std::string reason;
};

// Cancelled (e.g. duplicate, entered by mistake, the applicant did not supplement in time).
struct Cancelled {
  std::string reason;
};

// The result is approved and signed: the processing is complete.
struct ResultApproved {
  std::string result;  // what the result is (the decision, the certificate number...)
  std::string signer;
};

enum class ReturnMethod { kCounter, kPost, kOnline };
std::string_view ReturnMethodName(ReturnMethod method);  // "counter", "post", "online"
std::optional<ReturnMethod> ParseReturnMethod(std::string_view text);

struct ResultReturned {
  ReturnMethod method = ReturnMethod::kCounter;
  std::string note;
};

struct FeeAssessed {
  Money amount;
  std::string description;
};

enum class PaymentMethod { kCounter, kOnline };
std::string_view PaymentMethodName(PaymentMethod method);  // "counter", "online"
std::optional<PaymentMethod> ParsePaymentMethod(std::string_view text);

struct FeePaid {
  Money amount;
  PaymentMethod method = PaymentMethod::kCounter;
  std::string reference;  // receipt number or payment transaction id
};

// A component (or the result, with seq = -1) was scanned or signed into the electronic record.
// Digitized::component_seq of the result.
inline constexpr int kResultComponentSeq = -1;

struct Digitized {
  int component_seq = 0;  // kResultComponentSeq for the result
  std::string file;       // reference to the stored file
};

// The applicant rated the service.
struct Evaluated {
  int score = 0;  // 1 (very dissatisfied) .. 5 (very satisfied)
  std::string comment;
};

using EventPayload = std::variant<Submitted, Received, ReceptionRefused, StepAssigned, StepCompleted, Transferred,
                                  SupplementRequested, Supplemented, Extended, Refused, Withdrawn, Cancelled,
                                  ResultApproved, ResultReturned, FeeAssessed, FeePaid, Digitized, Evaluated>;

// The snake_case name of a payload's type ("supplement_requested"), used in storage and exports.
std::string_view EventTypeName(const EventPayload& payload);
// Vietnamese description for history views ("Yêu cầu bổ sung hồ sơ").
std::string_view EventTypeLabelVi(const EventPayload& payload);

struct DossierEvent {
  std::string dossier_code;
  std::int64_t seq = 0;  // 1, 2, 3... within the dossier
  EventPayload payload;
  Actor actor;
  Instant occurred_at;
  Instant recorded_at;
  bool imported = false;    // backfilled from outside (offline or migration), original times kept
  std::string imported_by;  // the user who imported it, when imported
  std::string prev_hash;    // hash of event seq-1 ("" for the first)
  std::string hash;         // hash of this event, over everything above
};

}  // namespace motcua
