#pragma once
// Use case: the dossier work of a logged-in account — receiving, submitting, accepting, every later action,
// showing, listing and the inbox — with the access rules of domain/dossier_access.h applied first. The HTTP
// API calls this; the lower DossierLifecycle trusts its caller and knows nothing of accounts.
//
// What it adds to the lifecycle:
//  - the receiving point and the competent agency are registered ids (domain/agency.h): the point gives the
//    receiving unit and the agency ID that starts the dossier code, the agency gives the competent unit;
//  - the account's scope: every action is authorized against the dossier's parties before anything is
//    written; lists and inboxes are restricted to what the account may see, before any filter;
//  - what the account implies: a citizen submits online for themselves, pays online, and the actor of each
//    event is the account (login, role, and the unit it acted for).
// Denials are PermissionDenied with the reason (field "role", "unit" or "applicant"); the caller logs them.
// Thread-safety: one instance per thread, like the Store it uses.
#include <optional>
#include <string>
#include <vector>

#include "app/clock.h"
#include "app/dossier_lifecycle.h"
#include "app/dossier_view.h"
#include "app/lifecycle_settings.h"
#include "domain/account.h"
#include "domain/dossier_access.h"
#include "domain/work_calendar.h"
#include "store/store.h"

namespace motcua::app {

// A new dossier as the counter or the citizen describes it.
struct DeskIntake {
  std::string procedure_code;
  std::optional<Channel> channel;  // unset: direct at a counter, online for a submission
  Applicant applicant;
  std::vector<SubmittedComponent> components;
  std::string receiving_point;   // a registered point; for a submission, empty = the first point of the
                                 // competent agency's unit
  std::string competent_agency;  // a registered agency
  std::optional<ProcessingTime> processing_time;  // when the catalogue has none for the channel
  // Stored document files handed in with the dossier (component_seq ≥ 0, file = a file id the account may read:
  // app/document_access.h), attached by Digitized events appended with the intake.
  std::vector<Digitized> scans;
};

// What a list asks for; the scope comes from the account.
struct DeskListRequest {
  std::optional<std::string> unit;
  std::optional<std::string> agency;
  std::vector<DossierStatus> statuses;
  std::optional<std::string> procedure_code;
  std::optional<Instant> due_from;
  std::optional<Instant> due_to;
  // Only dossiers in processing with this urgency now (domain/dossier_standing.h: overdue, due today...).
  std::optional<Urgency> urgency;
  std::optional<std::string> assignee;  // "" = not assigned to anyone
  std::optional<std::string> applicant_citizen_id;
  store::DossierOrder order = store::DossierOrder::kByCode;
  std::optional<std::string> after;
  std::size_t limit = 50;
};

// The dossiers an account may see (DossierScope): everything for an administrator, the provinces of a
// supervisor, the units of other staff, the citizen's own.
store::DossierScope ScopeOf(const Account& account);

class DossierDesk {
 public:
  DossierDesk(store::Store& store, const Clock& clock, const WorkCalendar& calendar, const LifecycleSettings& settings)
      : store_(store),
        clock_(clock),
        calendar_(calendar),
        settings_(settings),
        lifecycle_(store, clock, calendar, settings) {}

  // Received complete at a counter (channel direct unless stated): the clock starts.
  Result<DossierState> Receive(const Account& account, const DeskIntake& intake);
  // Submitted online (a citizen for themselves; a receptionist registering one) or by post (a receptionist).
  Result<DossierState> Submit(const Account& account, const DeskIntake& intake);
  // A submitted dossier checked complete; `receiving_point` empty = the first point of its receiving unit.
  Result<DossierState> Accept(const Account& account, const std::string& code, const std::string& receiving_point,
                              std::optional<ProcessingTime> stated);
  // Any later action. The payload is completed from the registry and the account where the request leaves
  // it open: a transfer's unit from the agency, the signer of a result, the agency and role of a step. A
  // Digitized payload must name a stored file the account may read (app/document_access.h).
  Result<DossierState> Act(const Account& account, const std::string& code, EventPayload payload);

  // Allowed when the account may take `action` on the dossier now as far as access goes; NotFound on "code"
  // when there is no such dossier, else the access rules' PermissionDenied.
  Result<void> Authorize(const Account& account, const std::string& code, DossierAction action);

  // The dossier with its history, when the account may see it.
  Result<DossierView> Show(const Account& account, const std::string& code);
  // A page of the dossiers the account may see, filtered.
  Result<store::DossierPage> List(const Account& account, const DeskListRequest& request);
  // What waits for the account, soonest appointment first: for a receptionist, submissions to check and
  // results to hand over at the units' points; for a specialist, the open dossiers assigned to them; for a
  // leader, director or supervisor, the open dossiers of their units; for a citizen, their dossiers not yet
  // closed; for an administrator, every open dossier.
  Result<store::DossierPage> Inbox(const Account& account, std::optional<std::string> after, std::size_t limit);

 private:
  Result<DossierParties> PartiesOf(const std::string& receiving_unit, const std::string& competent_unit,
                                   const std::string& applicant_citizen_id);
  Result<DossierParties> PartiesOf(const DossierState& state);
  // The agency `state` was received through (dossier_access.h, "Agencies").
  Result<std::string> ReceivingAgencyOf(const DossierState& state);
  Result<std::string> ProvinceOf(const std::string& unit);  // domain/unit_province.h, from the catalogue
  Result<Agency> RegisteredAgency(const std::string& id, const char* field);
  Result<ReceivingPoint> RegisteredPoint(const std::string& id, const char* field);
  // The unit's first registered point; FailedPrecondition on "receiving_point" when it has none.
  Result<ReceivingPoint> FirstPointOf(const std::string& unit);
  Result<ReceivingPoint> PointForSubmission(const DeskIntake& intake, const Agency& agency);
  Result<DossierState> LoadExisting(const std::string& code);
  // Loads the dossier and authorizes `action` on it.
  Result<DossierState> LoadAuthorized(const Account& account, const std::string& code, DossierAction action);
  // Forbidden unless `account` may take `action` on the dossier in `state`.
  Result<void> Authorize(const Account& account, const DossierState& state, DossierAction action);
  // The parties of `state` as access needs them for `account` (the receiving agency only when it is limited).
  Result<DossierParties> PartiesFor(const Account& account, const DossierState& state);
  Result<void> CompletePayload(const Account& account, const DossierState& state, EventPayload& payload);
  Result<void> CheckAssignee(const DossierState& state, StepAssigned& step);
  // Each scan's file must be one the account may read (AuthorizeDocumentRead's errors otherwise).
  Result<void> CheckScans(const Account& account, const std::vector<Digitized>& scans);
  IntakeCommand CommandFor(const Account& account, const DeskIntake& intake, const ReceivingPoint& point,
                           const Agency& agency) const;

  store::Store& store_;
  const Clock& clock_;
  const WorkCalendar& calendar_;
  const LifecycleSettings& settings_;
  DossierLifecycle lifecycle_;
};

// The actor of an event done by `account` on a dossier of these units: the account, its role, and the unit
// it acted for (the competent unit if it is one of the account's, else the receiving unit if it is, else
// the account's first unit).
Actor ActorFor(const Account& account, const std::string& receiving_unit, const std::string& competent_unit);

}  // namespace motcua::app
