// The dossier endpoints' bodies (dossier_requests.h), read with the strict JsonBody: one reading function per
// payload, each a plain list of the fields the endpoint accepts, with the limits below.
#include "http/dossier_requests.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "domain/civil_time.h"
#include "domain/procedure.h"
#include "domain/time_unit.h"
#include "http/json_body.h"

namespace motcua::http {
namespace {

// Limits, in UTF-8 bytes: texts are stored with every event forever, so none is unbounded.
constexpr std::size_t kShortText = 300;      // names, identifiers, steps, references
constexpr std::size_t kLongText = 2000;      // reasons, notes, comments, addresses, descriptions
constexpr std::size_t kFileReference = 500;  // a stored file's reference
// A component's name may be copied from the catalogue, whose longest document name is 9,203 bytes
// (procedure_documents.csv); the same holds for the components a supplement request lists as missing.
constexpr std::size_t kComponentName = 10000;
constexpr std::size_t kMaxItems = 200;
constexpr std::int64_t kMaxComponentSeq = 999;  // the catalogue's highest is 111
constexpr std::int64_t kMaxCopies = 99;
constexpr std::int64_t kMaxDong = 1'000'000'000'000;
constexpr double kMaxProcessingAmount = 3650;  // ten years of days; no procedure comes close

constexpr std::string_view kChannels = "direct, online, postal";
constexpr std::string_view kTimeUnits = "working_day, day, working_hour, hour, month";
constexpr std::string_view kReturnMethods = "counter, post, online";
constexpr std::string_view kPaymentMethods = "counter, online";
constexpr std::string_view kRefusalKinds = "refused, not_supplemented";

// --- Reading fields --------------------------------------------------------------------------------------------

// The enumeration value named by the required string `name`; nullopt after an error.
template <typename E>
std::optional<E> RequiredEnum(JsonObject& object, std::string_view name, std::optional<E> (*parse)(std::string_view),
                              std::string_view allowed) {
  const std::string text = object.RequiredString(name, kShortText);
  if (text.empty()) return std::nullopt;  // the error is recorded
  std::optional<E> value = parse(text);
  if (!value)
    object.Reject(name, "phải là một trong: " + std::string(allowed), "must be one of: " + std::string(allowed));
  return value;
}

// As RequiredEnum, but nullopt without an error when the field is absent (and only then: "" is refused).
template <typename E>
std::optional<E> OptionalEnum(JsonObject& object, std::string_view name, std::optional<E> (*parse)(std::string_view),
                              std::string_view allowed) {
  if (!object.Has(name)) return std::nullopt;
  return RequiredEnum(object, name, parse, allowed);
}

Instant RequiredInstant(JsonObject& object, std::string_view name) {
  const std::string text = object.RequiredString(name, kShortText);
  if (text.empty()) return {};
  Result<Instant> instant = ParseIsoInstant(text, object.PathOf(name));
  if (!instant) object.Reject(instant.error());
  return instant.value_or(Instant{});
}

std::string RequiredReason(JsonObject& object) { return object.RequiredString("reason", kLongText); }

Money RequiredDong(JsonObject& object, std::int64_t min) {
  return Money::Dong(object.RequiredInt("amount", min, kMaxDong));
}

Applicant ReadApplicant(JsonObject applicant) {
  return Applicant{.name = applicant.RequiredString("name", kShortText),
                   .citizen_id = applicant.OptionalString("citizen_id", kShortText),
                   .phone = applicant.OptionalString("phone", kShortText),
                   .email = applicant.OptionalString("email", kShortText),
                   .address = applicant.OptionalString("address", kLongText),
                   .organisation = applicant.OptionalString("organisation", kShortText)};
}

SubmittedComponent ReadComponent(JsonObject component) {
  return SubmittedComponent{
      .seq = static_cast<int>(component.RequiredInt("seq", 0, kMaxComponentSeq)),
      .name = component.OptionalString("name", kComponentName),
      .originals = static_cast<int>(component.OptionalInt("originals", 0, kMaxCopies).value_or(0)),
      .copies = static_cast<int>(component.OptionalInt("copies", 0, kMaxCopies).value_or(0))};
}

std::vector<SubmittedComponent> ReadComponents(JsonObject& object) {
  std::vector<SubmittedComponent> components;
  for (JsonObject component : object.OptionalObjectArray("components", kMaxItems)) {
    components.push_back(ReadComponent(component));
  }
  return components;
}

// An intake's components, each of which may name the stored file of its scan ("file", a file id from
// POST /api/v1/files): those become the request's scans.
void ReadIntakeComponents(JsonObject& object, IntakeRequest& request) {
  for (JsonObject component : object.OptionalObjectArray("components", kMaxItems)) {
    request.components.push_back(ReadComponent(component));
    std::string file = component.OptionalString("file", kFileReference);
    if (!file.empty()) request.scans.push_back(Digitized{.component_seq = request.components.back().seq, .file = file});
  }
}

std::optional<app::ProcessingTime> ReadProcessingTime(JsonObject& object) {
  std::optional<JsonObject> time = object.OptionalObject("processing_time");
  if (!time) return std::nullopt;
  app::ProcessingTime processing{.amount = time->RequiredNumber("amount", 0, kMaxProcessingAmount)};
  processing.unit = RequiredEnum(*time, "unit", ParseTimeUnit, kTimeUnits).value_or(TimeUnit::kWorkingDay);
  return processing;
}

// --- Reading bodies --------------------------------------------------------------------------------------------

// Reads `text` with `read`, which takes every field it knows from the body's object. An empty body is read as
// {}, so that a body with only optional fields may be left out and a missing one names the first required field.
template <typename T, typename Read>
Result<T> ParseBody(std::string_view text, Read read) {
  auto body = JsonBody::Parse(text, EmptyBody::kIsEmptyObject);
  if (!body) return Fail(body.error());
  JsonObject root = body->Root();
  T value = read(root);
  if (auto done = body->Finish(); !done) return Fail(done.error());
  return value;
}

IntakeRequest ReadIntake(JsonObject& root) {
  IntakeRequest request;
  request.procedure_code = root.RequiredString("procedure_code", kShortText);
  request.channel = OptionalEnum(root, "channel", ParseChannel, kChannels);
  request.applicant = ReadApplicant(root.RequiredObject("applicant"));
  ReadIntakeComponents(root, request);
  request.receiving_point = root.OptionalString("receiving_point", kShortText);
  request.competent_agency = root.RequiredString("competent_agency", kShortText);
  request.processing_time = ReadProcessingTime(root);
  return request;
}

AcceptRequest ReadAccept(JsonObject& root) {
  AcceptRequest request;
  request.receiving_point = root.OptionalString("receiving_point", kShortText);
  request.processing_time = ReadProcessingTime(root);
  return request;
}

// The payloads whose body is only a reason.
template <typename Payload>
Payload ReadReasonOnly(JsonObject& root) {
  return Payload{.reason = RequiredReason(root)};
}

// A refusal, and why the dossier goes back: refused on its merits (the default) or not supplemented in time
// (counted apart in the reports, inside "returned to the applicant").
Refused ReadRefused(JsonObject& root) {
  Refused refused{.reason = RequiredReason(root)};
  refused.kind = OptionalEnum(root, "kind", ParseRefusalKind, kRefusalKinds).value_or(RefusalKind::kRefused);
  return refused;
}

StepAssigned ReadStepAssigned(JsonObject& root) {
  return StepAssigned{.step = root.RequiredString("step", kShortText),
                      .role = root.OptionalString("role", kShortText),
                      .agency = root.OptionalString("agency", kShortText),
                      .assignee = root.RequiredString("assignee", kShortText)};
}

StepCompleted ReadStepCompleted(JsonObject& root) {
  return StepCompleted{.step = root.RequiredString("step", kShortText), .note = root.OptionalString("note", kLongText)};
}

Transferred ReadTransferred(JsonObject& root) {
  Transferred transferred;
  transferred.to_agency = root.RequiredString("to_agency", kShortText);
  transferred.reason = RequiredReason(root);
  return transferred;  // to_unit is the use case's: it knows the agency's unit
}

SupplementRequested ReadSupplementRequested(JsonObject& root) {
  return SupplementRequested{.reason = RequiredReason(root),
                             .missing = root.OptionalStringArray("missing", kMaxItems, kComponentName)};
}

Supplemented ReadSupplemented(JsonObject& root) {
  Supplemented supplemented;
  supplemented.components = ReadComponents(root);
  return supplemented;  // due_at is computed when the event is recorded
}

Extended ReadExtended(JsonObject& root) {
  return Extended{.reason = RequiredReason(root), .new_due_at = RequiredInstant(root, "new_due_at")};
}

ResultApproved ReadResultApproved(JsonObject& root) {
  return ResultApproved{.result = root.RequiredString("result", kLongText),
                        .signer = root.OptionalString("signer", kShortText)};
}

ResultReturned ReadResultReturned(JsonObject& root) {
  ResultReturned returned;
  returned.method = RequiredEnum(root, "method", ParseReturnMethod, kReturnMethods).value_or(ReturnMethod::kCounter);
  returned.note = root.OptionalString("note", kLongText);
  return returned;
}

FeeAssessed ReadFeeAssessed(JsonObject& root) {
  return FeeAssessed{.amount = RequiredDong(root, 0), .description = root.RequiredString("description", kLongText)};
}

FeePaid ReadFeePaid(JsonObject& root) {
  FeePaid paid;
  paid.amount = RequiredDong(root, 1);
  paid.method = RequiredEnum(root, "method", ParsePaymentMethod, kPaymentMethods).value_or(PaymentMethod::kCounter);
  paid.reference = root.OptionalString("reference", kShortText);
  return paid;
}

Digitized ReadDigitized(JsonObject& root) {
  return Digitized{.component_seq = static_cast<int>(root.RequiredInt("component_seq", -1, kMaxComponentSeq)),
                   .file = root.RequiredString("file", kFileReference)};
}

Evaluated ReadEvaluated(JsonObject& root) {
  return Evaluated{.score = static_cast<int>(root.RequiredInt("score", 1, 5)),
                   .comment = root.OptionalString("comment", kLongText)};
}

template <typename Payload>
Result<EventPayload> ParsePayload(std::string_view body, Payload (*read)(JsonObject&)) {
  Result<Payload> payload = ParseBody<Payload>(body, read);
  if (!payload) return Fail(payload.error());
  return EventPayload(std::move(*payload));
}

// --- Path segments ---------------------------------------------------------------------------------------------

struct ActionSegment {
  DossierAction action;
  std::string_view segment;
};

// In the order of DossierAction.
constexpr ActionSegment kActionSegments[] = {
    {DossierAction::kAccept, "accept"},         {DossierAction::kRefuseReception, "refuse-reception"},
    {DossierAction::kAssignStep, "assign"},     {DossierAction::kCompleteStep, "complete-step"},
    {DossierAction::kTransfer, "transfer"},     {DossierAction::kRequestSupplement, "request-supplement"},
    {DossierAction::kSupplement, "supplement"}, {DossierAction::kExtend, "extend"},
    {DossierAction::kRefuse, "refuse"},         {DossierAction::kWithdraw, "withdraw"},
    {DossierAction::kCancel, "cancel"},         {DossierAction::kApproveResult, "approve"},
    {DossierAction::kReturnResult, "return"},   {DossierAction::kAssessFee, "fees"},
    {DossierAction::kPayFee, "payments"},       {DossierAction::kDigitize, "digitize"},
    {DossierAction::kEvaluate, "evaluate"},
};

}  // namespace

Result<IntakeRequest> ParseIntakeRequest(std::string_view body) { return ParseBody<IntakeRequest>(body, ReadIntake); }

Result<AcceptRequest> ParseAcceptRequest(std::string_view body) { return ParseBody<AcceptRequest>(body, ReadAccept); }

Result<EventPayload> ParseActionRequest(DossierAction action, std::string_view body) {
  switch (action) {
    case DossierAction::kRefuseReception:
      return ParsePayload(body, ReadReasonOnly<ReceptionRefused>);
    case DossierAction::kAssignStep:
      return ParsePayload(body, ReadStepAssigned);
    case DossierAction::kCompleteStep:
      return ParsePayload(body, ReadStepCompleted);
    case DossierAction::kTransfer:
      return ParsePayload(body, ReadTransferred);
    case DossierAction::kRequestSupplement:
      return ParsePayload(body, ReadSupplementRequested);
    case DossierAction::kSupplement:
      return ParsePayload(body, ReadSupplemented);
    case DossierAction::kExtend:
      return ParsePayload(body, ReadExtended);
    case DossierAction::kRefuse:
      return ParsePayload(body, ReadRefused);
    case DossierAction::kWithdraw:
      return ParsePayload(body, ReadReasonOnly<Withdrawn>);
    case DossierAction::kCancel:
      return ParsePayload(body, ReadReasonOnly<Cancelled>);
    case DossierAction::kApproveResult:
      return ParsePayload(body, ReadResultApproved);
    case DossierAction::kReturnResult:
      return ParsePayload(body, ReadResultReturned);
    case DossierAction::kAssessFee:
      return ParsePayload(body, ReadFeeAssessed);
    case DossierAction::kPayFee:
      return ParsePayload(body, ReadFeePaid);
    case DossierAction::kDigitize:
      return ParsePayload(body, ReadDigitized);
    case DossierAction::kEvaluate:
      return ParsePayload(body, ReadEvaluated);
    case DossierAction::kView:
    case DossierAction::kReceive:
    case DossierAction::kSubmit:
    case DossierAction::kAccept:
      break;
  }
  return Fail(Error::InvalidArgument("action", "không đọc nội dung cho thao tác này ở đây",
                                     "this action's body is not read here"));
}

std::string_view ActionPathSegment(DossierAction action) {
  const auto* found = std::ranges::find(kActionSegments, action, &ActionSegment::action);
  return found == std::ranges::end(kActionSegments) ? std::string_view() : found->segment;
}

std::optional<DossierAction> ActionFromPathSegment(std::string_view segment) {
  const auto* found = std::ranges::find(kActionSegments, segment, &ActionSegment::segment);
  if (found == std::ranges::end(kActionSegments)) return std::nullopt;
  return found->action;
}

std::vector<DossierAction> ActionsWithPathSegment() {
  std::vector<DossierAction> actions;
  for (const ActionSegment& entry : kActionSegments) actions.push_back(entry.action);
  return actions;
}

}  // namespace motcua::http
