#pragma once
// Who may see a dossier and who may do what to it (issue 4, DESIGN.md §1). Pure: the caller gives the
// account and the dossier's parties; the answer is allowed, or PermissionDenied with the reason in
// Vietnamese and English, naming "role" (the role never does this), "unit" (not a unit of the account),
// "agency" (a unit of the account, but not one of the agencies it is limited to) or "applicant" (a citizen
// acting on someone else's dossier).
//
// The rules:
//  - administrator: sees every dossier, acts on none (the system is administered, dossiers are processed);
//  - supervisor (units = province codes): sees dossiers received or decided in the province; acts on none;
//  - director (of a center; units = communes or a province): sees dossiers received or decided in the units;
//    may cancel one received in the units (a duplicate, a mistake);
//  - receptionist: the counter's work on dossiers *received* in the units (receive, register a dossier that
//    came by post for checking, accept or refuse a submission, take a supplement, withdraw, cancel, assess and collect
//    fees, digitize, hand over the result, record an evaluation made at the counter); sees dossiers received or decided
//    in the units, so that a boundaryless dossier is seen by both sides;
//  - specialist: the processing of dossiers *decided* in the units (assign and complete steps, transfer,
//    ask for a supplement, extend, assess fees, digitize); sees dossiers received or decided in the units;
//  - leader: as a specialist, plus approve the result and refuse;
//  - citizen: their own dossiers only (the applicant's citizen ID is theirs, and not empty: an organisation's
//    dossier is no citizen's): see, submit online, supplement, withdraw, pay online, evaluate.
// Agencies: a director, receptionist, specialist or leader may be limited to some agencies of its units
// (Account::agencies, e.g. the commune police's officers, who handle only the police's procedures). Such an
// account is on a dossier's competent side only when the competent agency is one of them, and on its receiving
// side only when the dossier was received through one of them (at a receiving point of that agency; a
// submission not yet at a point is waiting for its competent agency). An account without agencies works for
// every agency of its units.
// A submission (kSubmit) is not yet checked and does not start the clock: a citizen's online one, or a postal
// one registered by a receptionist; a dossier checked complete at the counter is received (kReceive).
#include <string>
#include <string_view>

#include "domain/account.h"
#include "domain/dossier_event.h"
#include "domain/error.h"

namespace motcua {

enum class DossierAction {
  kView,
  kReceive,  // at a counter, complete: the clock starts
  kSubmit,   // online or postal, not yet checked
  kAccept,   // a submitted dossier checked complete
  kRefuseReception,
  kAssignStep,
  kCompleteStep,
  kTransfer,
  kRequestSupplement,
  kSupplement,
  kExtend,
  kRefuse,
  kWithdraw,
  kCancel,
  kApproveResult,
  kReturnResult,
  kAssessFee,
  kPayFee,
  kDigitize,
  kEvaluate,
};

// "view", "receive", ..., "evaluate" (snake_case), for logs and errors.
std::string_view DossierActionName(DossierAction action);

// The action an event payload records (Received → kReceive, Submitted → kSubmit, FeePaid → kPayFee...).
DossierAction ActionOf(const EventPayload& payload);

// What access depends on. Province codes are those of the units (a province's own code for a province-level
// unit); the applicant's citizen ID may be empty (an organisation). The receiving agency is the agency of the
// receiving point (the competent agency while a submission has no point).
struct DossierParties {
  std::string receiving_unit;
  std::string receiving_province;
  std::string competent_unit;
  std::string competent_province;
  std::string applicant_citizen_id;
  std::string receiving_agency = {};
  std::string competent_agency = {};
};

// Whether the role is granted the action on some dossiers (on its side of them): what a role can do at all, for
// questions that are not about one dossier ("which officials approve results, and so must be able to sign?").
bool RoleMay(Role role, DossierAction action);

// Allowed, or PermissionDenied (see above). A disabled account is refused everything ("role").
Result<void> AuthorizeDossierAction(const Account& account, DossierAction action, const DossierParties& parties);

}  // namespace motcua
