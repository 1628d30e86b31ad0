#include "app/dossier_desk.h"

#include <algorithm>

#include "app/document_access.h"
#include "app/dossier_forms.h"
#include "app/electronic_result.h"
#include "domain/allowed_actions.h"
#include "domain/unit_province.h"

namespace motcua::app {
namespace {

bool Has(const std::vector<std::string>& units, const std::string& unit) {
  return !unit.empty() && std::ranges::find(units, unit) != units.end();
}

const std::vector<DossierStatus> kOpen = {DossierStatus::kProcessing, DossierStatus::kWaitingSupplement};

Error Denied(std::string field, std::string vi, std::string en) {
  return Error::PermissionDenied(std::move(field), std::move(vi), std::move(en));
}

}  // namespace

store::DossierScope ScopeOf(const Account& account) {
  store::DossierScope scope;
  if (account.disabled) return scope;
  switch (account.role) {
    case Role::kAdministrator:
      scope.everything = true;
      break;
    case Role::kSupervisor:
      scope.provinces = account.units;
      break;
    case Role::kCitizen:
      // A citizen account without an ID sees nothing rather than every organisation's dossiers.
      if (!account.citizen_id.empty()) scope.applicant_citizen_id = account.citizen_id;
      break;
    default:
      scope.units = account.units;
      scope.agencies = account.agencies;
  }
  return scope;
}

Actor ActorFor(const Account& account, const std::string& receiving_unit, const std::string& competent_unit) {
  std::string unit;
  if (Has(account.units, competent_unit)) {
    unit = competent_unit;
  } else if (Has(account.units, receiving_unit)) {
    unit = receiving_unit;
  } else if (!account.units.empty()) {
    unit = account.units.front();
  }
  return Actor{account.login, std::string(RoleName(account.role)), unit};
}

Result<std::string> DossierDesk::ProvinceOf(const std::string& unit) {
  return UnitProvince(unit, [this](const std::string& commune_code) -> Result<std::string> {
    auto commune = store_.FindCommune(commune_code);
    if (!commune) return Fail(commune.error());
    return *commune ? (*commune)->province_code : std::string();
  });
}

Result<DossierParties> DossierDesk::PartiesOf(const std::string& receiving_unit, const std::string& competent_unit,
                                              const std::string& applicant_citizen_id) {
  auto receiving_province = ProvinceOf(receiving_unit);
  if (!receiving_province) return Fail(receiving_province.error());
  auto competent_province = ProvinceOf(competent_unit);
  if (!competent_province) return Fail(competent_province.error());
  return DossierParties{receiving_unit, *receiving_province, competent_unit, *competent_province, applicant_citizen_id};
}

Result<DossierParties> DossierDesk::PartiesOf(const DossierState& state) {
  return PartiesOf(state.receiving_unit, state.competent_unit, state.applicant.citizen_id);
}

Result<std::string> DossierDesk::ReceivingAgencyOf(const DossierState& state) {
  // A submission not yet accepted has no point: it waits for its competent agency.
  if (state.receiving_point.empty()) return state.competent_agency;
  auto point = store_.FindReceivingPoint(state.receiving_point);
  if (!point) return Fail(point.error());
  return *point ? (*point)->agency_id : std::string();
}

Result<Agency> DossierDesk::RegisteredAgency(const std::string& id, const char* field) {
  if (id.empty()) {
    return Fail(Error::InvalidArgument(field, "phải chọn cơ quan", "an agency is required"));
  }
  auto agency = store_.FindAgency(id);
  if (!agency) return Fail(agency.error());
  if (!*agency) {
    return Fail(Error::NotFound(field, "không có cơ quan mã '" + id + "'", "no agency has id '" + id + "'"));
  }
  return std::move(**agency);
}

Result<ReceivingPoint> DossierDesk::RegisteredPoint(const std::string& id, const char* field) {
  if (id.empty()) {
    return Fail(Error::InvalidArgument(field, "phải chọn nơi tiếp nhận", "a receiving point is required"));
  }
  auto point = store_.FindReceivingPoint(id);
  if (!point) return Fail(point.error());
  if (!*point) {
    return Fail(
        Error::NotFound(field, "không có nơi tiếp nhận mã '" + id + "'", "no receiving point has id '" + id + "'"));
  }
  return std::move(**point);
}

Result<ReceivingPoint> DossierDesk::FirstPointOf(const std::string& unit) {
  auto points = store_.ListReceivingPoints(unit);
  if (!points) return Fail(points.error());
  if (points->empty()) {
    return Fail(Error::FailedPrecondition("receiving_point",
                                          "đơn vị " + unit + " chưa có nơi tiếp nhận hồ sơ: hãy chọn nơi tiếp nhận",
                                          "unit " + unit + " has no receiving point registered: choose one"));
  }
  return std::move(points->front());
}

Result<ReceivingPoint> DossierDesk::PointForSubmission(const DeskIntake& intake, const Agency& agency) {
  if (!intake.receiving_point.empty()) return RegisteredPoint(intake.receiving_point, "receiving_point");
  return FirstPointOf(agency.unit);
}

IntakeCommand DossierDesk::CommandFor(const Account& account, const DeskIntake& intake, const ReceivingPoint& point,
                                      const Agency& agency) const {
  IntakeCommand command;
  command.procedure_code = intake.procedure_code;
  command.applicant = intake.applicant;
  command.components = intake.components;
  command.receiving_unit = point.unit;
  command.receiving_point = point.id;
  command.agency_id = point.agency_id;
  command.competent_agency = agency.id;
  command.competent_unit = agency.unit;
  if (intake.processing_time) {
    command.processing_amount = intake.processing_time->amount;
    command.processing_unit = intake.processing_time->unit;
  }
  command.actor = ActorFor(account, point.unit, agency.unit);
  command.scans = intake.scans;
  return command;
}

Result<void> DossierDesk::CheckScans(const Account& account, const std::vector<Digitized>& scans) {
  const DossierViewCheck may_view = [&](const std::string& code) {
    return Authorize(account, code, DossierAction::kView);
  };
  for (const Digitized& scan : scans) {
    auto readable = AuthorizeDocumentRead(store_, account, scan.file, may_view);
    if (!readable) return Fail(readable.error());
  }
  return {};
}

Result<void> DossierDesk::Authorize(const Account& account, const std::string& code, DossierAction action) {
  auto state = LoadAuthorized(account, code, action);
  if (!state) return Fail(state.error());
  return {};
}

Result<DossierState> DossierDesk::Receive(const Account& account, const DeskIntake& intake) {
  auto point = RegisteredPoint(intake.receiving_point, "receiving_point");
  if (!point) return Fail(point.error());
  auto agency = RegisteredAgency(intake.competent_agency, "competent_agency");
  if (!agency) return Fail(agency.error());
  auto parties = PartiesOf(point->unit, agency->unit, intake.applicant.citizen_id);
  if (!parties) return Fail(parties.error());
  parties->receiving_agency = point->agency_id;
  parties->competent_agency = agency->id;
  if (auto allowed = AuthorizeDossierAction(account, DossierAction::kReceive, *parties); !allowed) {
    return Fail(allowed.error());
  }
  if (auto scans = CheckScans(account, intake.scans); !scans) return Fail(scans.error());
  IntakeCommand command = CommandFor(account, intake, *point, *agency);
  command.channel = intake.channel.value_or(Channel::kDirect);
  return lifecycle_.Receive(command);
}

Result<DossierState> DossierDesk::Submit(const Account& account, const DeskIntake& intake) {
  DeskIntake own = intake;
  const bool citizen = account.role == Role::kCitizen;
  // A citizen submits for themselves: the ID of the account is the applicant's unless another is given
  // (which the access rules then refuse).
  if (citizen && own.applicant.citizen_id.empty()) own.applicant.citizen_id = account.citizen_id;
  const Channel channel = own.channel.value_or(Channel::kOnline);
  if (citizen && channel != Channel::kOnline) {
    return Fail(Error::InvalidArgument("channel", "công dân chỉ nộp hồ sơ trực tuyến qua hệ thống",
                                       "a citizen submits through the system online only"));
  }
  auto agency = RegisteredAgency(own.competent_agency, "competent_agency");
  if (!agency) return Fail(agency.error());
  auto point = PointForSubmission(own, *agency);
  if (!point) return Fail(point.error());
  auto parties = PartiesOf(point->unit, agency->unit, own.applicant.citizen_id);
  if (!parties) return Fail(parties.error());
  // Without a point named, the submission waits for its competent agency (as ReceivingAgencyOf sees it later).
  parties->receiving_agency = own.receiving_point.empty() ? agency->id : point->agency_id;
  parties->competent_agency = agency->id;
  if (auto allowed = AuthorizeDossierAction(account, DossierAction::kSubmit, *parties); !allowed) {
    return Fail(allowed.error());
  }
  if (auto scans = CheckScans(account, own.scans); !scans) return Fail(scans.error());
  IntakeCommand command = CommandFor(account, own, *point, *agency);
  command.channel = channel;
  return lifecycle_.Submit(command);
}

Result<DossierState> DossierDesk::LoadExisting(const std::string& code) {
  auto state = store_.LoadDossier(code);
  if (!state) return Fail(state.error());
  if (!*state) return Fail(Error::NotFound("code", "không có hồ sơ '" + code + "'", "no dossier '" + code + "'"));
  return std::move(**state);
}

Result<DossierState> DossierDesk::LoadAuthorized(const Account& account, const std::string& code,
                                                 DossierAction action) {
  auto state = LoadExisting(code);
  if (!state) return Fail(state.error());
  if (auto allowed = Authorize(account, *state, action); !allowed) return Fail(allowed.error());
  return state;
}

Result<DossierParties> DossierDesk::PartiesFor(const Account& account, const DossierState& state) {
  auto parties = PartiesOf(state);
  if (!parties) return Fail(parties.error());
  parties->competent_agency = state.competent_agency;
  // Only an account limited to agencies needs the point's agency: the others are spared the read.
  if (!account.agencies.empty()) {
    auto receiving = ReceivingAgencyOf(state);
    if (!receiving) return Fail(receiving.error());
    parties->receiving_agency = std::move(*receiving);
  }
  return parties;
}

Result<void> DossierDesk::Authorize(const Account& account, const DossierState& state, DossierAction action) {
  auto parties = PartiesFor(account, state);
  if (!parties) return Fail(parties.error());
  return AuthorizeDossierAction(account, action, *parties);
}

Result<DossierState> DossierDesk::Accept(const Account& account, const std::string& code,
                                         const std::string& receiving_point, std::optional<ProcessingTime> stated) {
  auto state = LoadAuthorized(account, code, DossierAction::kAccept);
  if (!state) return Fail(state.error());
  // A submission names its unit, not a point (the Submitted event has none): the receptionist's point, or
  // else the unit's first.
  auto point = receiving_point.empty() ? FirstPointOf(state->receiving_unit)
                                       : RegisteredPoint(receiving_point, "receiving_point");
  if (!point) return Fail(point.error());
  if (point->unit != state->receiving_unit) {
    return Fail(Error::InvalidArgument("receiving_point",
                                       "nơi tiếp nhận " + point->id + " không thuộc đơn vị " + state->receiving_unit,
                                       "receiving point " + point->id + " is not of unit " + state->receiving_unit));
  }
  return lifecycle_.Accept(code, point->id, ActorFor(account, state->receiving_unit, state->competent_unit), stated);
}

Result<void> DossierDesk::CheckAssignee(const DossierState& state, StepAssigned& step) {
  auto assignee = store_.FindAccount(step.assignee);
  if (!assignee) return Fail(assignee.error());
  const bool works_there =
      *assignee && !(*assignee)->account.disabled && Has((*assignee)->account.units, state.competent_unit);
  if (!works_there) {
    return Fail(Error::InvalidArgument(
        "assignee", "'" + step.assignee + "' không phải cán bộ đang làm việc tại đơn vị " + state.competent_unit,
        "'" + step.assignee + "' is not an active official of unit " + state.competent_unit));
  }
  if (step.role.empty()) step.role = std::string(RoleName((*assignee)->account.role));
  if (step.agency.empty()) step.agency = state.competent_agency;
  return {};
}

Result<void> DossierDesk::CompletePayload(const Account& account, const DossierState& state, EventPayload& payload) {
  if (auto* transfer = std::get_if<Transferred>(&payload)) {
    auto agency = RegisteredAgency(transfer->to_agency, "to_agency");
    if (!agency) return Fail(agency.error());
    transfer->to_unit = agency->unit;
  } else if (auto* step = std::get_if<StepAssigned>(&payload)) {
    return CheckAssignee(state, *step);
  } else if (auto* approval = std::get_if<ResultApproved>(&payload)) {
    if (approval->signer.empty())
      approval->signer = account.display_name.empty() ? account.login : account.display_name;
  } else if (const auto* digitized = std::get_if<Digitized>(&payload)) {
    return CheckScans(account, {*digitized});
  } else if (auto* paid = std::get_if<FeePaid>(&payload)) {
    if (account.role == Role::kCitizen && paid->method != PaymentMethod::kOnline) {
      return Fail(Denied("method", "công dân chỉ thanh toán trực tuyến; nộp tại quầy do cán bộ tiếp nhận ghi nhận",
                         "a citizen pays online; a payment at the counter is recorded by the receptionist"));
    }
  }
  return {};
}

Result<DossierState> DossierDesk::Act(const Account& account, const std::string& code, EventPayload payload) {
  auto state = LoadAuthorized(account, code, ActionOf(payload));
  if (!state) return Fail(state.error());
  if (auto completed = CompletePayload(account, *state, payload); !completed) return Fail(completed.error());
  return lifecycle_.Record(code, std::move(payload), ActorFor(account, state->receiving_unit, state->competent_unit));
}

Result<DossierView> DossierDesk::Show(const Account& account, const std::string& code) {
  // The history is read and folded once, for the permission and for the page.
  const Instant now = clock_.Now();
  auto view = ShowDossier(store_, code, now, settings_.deadline);
  if (!view) return Fail(view.error());
  view->urgency = UrgencyOf(DeadlineFactsOf(view->state), now, settings_.deadline, calendar_);
  auto parties = PartiesFor(account, view->state);
  if (!parties) return Fail(parties.error());
  if (auto allowed = AuthorizeDossierAction(account, DossierAction::kView, *parties); !allowed) {
    return Fail(allowed.error());
  }
  view->allowed_actions = AllowedActions(account, *parties, view->state, settings_.limits);
  view->forms = FormsOf(*view, settings_);
  view->may_sign_result = AuthorizeDossierAction(account, DossierAction::kApproveResult, *parties).has_value() &&
                          !LastResultFile(view->history).empty();
  return view;
}

Result<store::DossierPage> DossierDesk::List(const Account& account, const DeskListRequest& request) {
  store::DossierQuery query;
  query.scope = ScopeOf(account);
  query.unit = request.unit;
  query.agency = request.agency;
  query.statuses = request.statuses;
  query.procedure_code = request.procedure_code;
  query.due_from = request.due_from;
  query.due_to = request.due_to;
  query.assignee = request.assignee;
  query.applicant_citizen_id = request.applicant_citizen_id;
  query.order = request.order;
  query.after = request.after;
  query.limit = request.limit;
  if (request.urgency) {
    // Only a dossier in processing has a running clock: with a status filter that leaves it out, nothing matches.
    if (!query.statuses.empty() &&
        std::ranges::find(query.statuses, DossierStatus::kProcessing) == query.statuses.end()) {
      return store::DossierPage{};
    }
    const auto window = WindowOf(*request.urgency, clock_.Now(), settings_.deadline, calendar_);
    if (!window) return store::DossierPage{};
    query.statuses = {DossierStatus::kProcessing};
    query.statutory_due_from = window->from;
    query.statutory_due_to = window->to;
  }
  return store_.ListDossiers(query);
}

Result<store::DossierPage> DossierDesk::Inbox(const Account& account, std::optional<std::string> after,
                                              std::size_t limit) {
  store::DossierQuery query;
  query.scope = ScopeOf(account);
  query.order = store::DossierOrder::kByDueAt;
  query.after = std::move(after);
  query.limit = limit;
  switch (account.role) {
    case Role::kReceptionist:
      query.receiving_units = account.units;
      query.statuses = {DossierStatus::kSubmitted, DossierStatus::kResultReady};
      break;
    case Role::kSpecialist:
      query.assignee = account.login;
      query.statuses = kOpen;
      break;
    case Role::kLeader:
      query.competent_units = account.units;
      query.statuses = kOpen;
      break;
    case Role::kCitizen:
      query.statuses = kOpen;
      query.statuses.insert(query.statuses.end(), {DossierStatus::kSubmitted, DossierStatus::kResultReady});
      break;
    default:
      query.statuses = kOpen;
  }
  return store_.ListDossiers(query);
}

}  // namespace motcua::app
