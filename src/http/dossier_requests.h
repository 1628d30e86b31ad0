#pragma once
// The JSON bodies of the dossier endpoints, parsed strictly into plain structs before any use case runs:
// a body that is not a JSON object, an unknown field, a missing required field, a value of the wrong type, a
// string that is too long or an array that is too big, a number out of range or not an integer where one is
// required, an unknown enumeration value, a time that does not parse — each is an InvalidArgument naming the
// path of the culprit ("applicant.citizen_id", "components[2].copies") with the reason in Vietnamese and
// English. Only the shape is checked here; what needs the store or the clock (does the procedure exist, is the
// citizen ID valid) is checked by the use case. Pure functions; thread-safe; never throw.
//
// The rules of json_body.h apply to every body: a key given twice is refused; an optional field is left out,
// not null (refused as the wrong type); integers are written without a fraction; required strings are not
// blank. An empty body is read as {} (accepted where every field is optional, else naming the first required
// field). Limits in UTF-8 bytes: short texts (names, identifiers, steps, references) 300; reasons, notes,
// comments, addresses and descriptions 2000; file references 500; component names (and the items of
// "missing") 10,000, since they may be copied from the catalogue, whose longest is 9,203. Arrays: 200 items.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/dossier_lifecycle.h"
#include "domain/dossier_access.h"
#include "domain/dossier_event.h"
#include "domain/error.h"

namespace motcua::http {

// POST /api/v1/dossiers (received complete at a counter) and POST /api/v1/submissions (online or postal):
// {
//   "procedure_code": "1.001193",                       required
//   "channel": "direct" | "online" | "postal",          optional (the endpoint's default)
//   "applicant": {"name", "citizen_id", "phone", "email", "address", "organisation"},  name required, others
//                                                        optional strings
//   "components": [{"seq": 1, "name": "...", "originals": 1, "copies": 0, "file": "<id>"}],  optional; seq
//                                                        (required) 0..999, name optional, counts optional (0)
//                                                        0..99, file optional: a file id (POST /api/v1/files)
//   "receiving_point": "05152-ttpvhcc",                  the registered point; optional here (whether it is
//                                                        needed is the use case's to say)
//   "competent_agency": "000.00.25.H52",                 the registered agency that decides; required
//   "processing_time": {"amount": 5, "unit": "working_day"}  optional: when the catalogue has none;
//                                                        0 < amount ≤ 3650, fractions allowed (0.5); unit one of
//                                                        working_day, day, working_hour, hour, month
// }
struct IntakeRequest {
  std::string procedure_code;
  std::optional<Channel> channel;
  Applicant applicant;
  std::vector<SubmittedComponent> components;
  std::string receiving_point;  // empty when not given
  std::string competent_agency;
  std::optional<app::ProcessingTime> processing_time;
  std::vector<Digitized> scans;  // the components' files, with their seq
};
Result<IntakeRequest> ParseIntakeRequest(std::string_view body);

// POST /api/v1/dossiers/{code}/accept: {"receiving_point": "...", "processing_time": {...}} both optional.
struct AcceptRequest {
  std::string receiving_point;  // empty when not given
  std::optional<app::ProcessingTime> processing_time;
};
Result<AcceptRequest> ParseAcceptRequest(std::string_view body);

// The other actions, POST /api/v1/dossiers/{code}/{action}, and the payload their body gives:
//   refuse-reception   {"reason"}                                  → ReceptionRefused
//   assign             {"step", "assignee", "role"?, "agency"?}     → StepAssigned
//   complete-step      {"step", "note"?}                           → StepCompleted
//   transfer           {"to_agency", "reason"}                     → Transferred (to_unit left empty: the
//                                                                    use case takes it from the registry)
//   request-supplement {"reason", "missing": ["..."]?}             → SupplementRequested
//   supplement         {"components": [...]?}                      → Supplemented (due_at computed later)
//   extend             {"reason", "new_due_at": "2026-12-01T17:00:00+07:00"} → Extended
//   refuse             {"reason"}                                  → Refused
//   withdraw           {"reason"}                                  → Withdrawn
//   cancel             {"reason"}                                  → Cancelled
//   approve            {"result", "signer"?}                       → ResultApproved
//   return             {"method": "counter"|"post"|"online", "note"?} → ResultReturned
//   fees               {"amount": 50000, "description"}            → FeeAssessed (integer đồng, 0..10^12)
//   payments           {"amount", "method": "counter"|"online", "reference"?} → FeePaid (1..10^12 đồng)
//   digitize           {"component_seq": 1, "file"}                → Digitized (-1 = the result, else 0..999;
//                                                                    file: a file id from POST /api/v1/files)
//   evaluate           {"score": 1..5, "comment"?}                 → Evaluated
// Reasons are required and non-blank (after trimming). ParseActionRequest is not for kView, kReceive,
// kSubmit and kAccept (InvalidArgument on "action").
Result<EventPayload> ParseActionRequest(DossierAction action, std::string_view body);

// The path segment of each action above ("refuse-reception"), and back. ActionPathSegment gives "" for the
// actions that have no segment (view, receive, submit); ActionFromPathSegment gives nullopt for a segment that
// is not one of those above (segments are matched exactly: "Accept" is unknown).
std::string_view ActionPathSegment(DossierAction action);
std::optional<DossierAction> ActionFromPathSegment(std::string_view segment);
// Every action that has a segment (accept included), in the order of DossierAction, for routing and docs.
std::vector<DossierAction> ActionsWithPathSegment();

}  // namespace motcua::http
