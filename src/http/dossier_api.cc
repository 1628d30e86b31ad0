#include "http/dossier_api.h"

#include <functional>
#include <string>

#include "app/dossier_desk.h"
#include "app/idempotent_requests.h"
#include "http/dossier_json.h"
#include "http/dossier_requests.h"
#include "http/json_response.h"
#include "http/query_params.h"
#include "http/request_account.h"

namespace motcua::http {
namespace {

constexpr const char* kIdempotencyKey = "Idempotency-Key";
constexpr int kStillRunningRetrySeconds = 1;  // a request runs in milliseconds; a retry a second later finds it done

Response DossierReply(const Account& account, const Request& request, const Result<DossierState>& result,
                      Status success) {
  if (!result) return AccountFailure(account, request, result.error());
  Response response = JsonResponse(success, DossierStateJson(*result));
  if (success == Status::created) {
    response.set(boost::beast::http::field::location, "/api/v1/dossiers/" + result->code);
  }
  return response;
}

// What a handler gets once the caller is known: the account, the thread's store and the use case on it.
struct Desk {
  const Account& account;
  store::Store& store;
  app::DossierDesk& desk;
  const WorkCalendar& calendar;  // this request's (app/live_calendar.h)
};

// Authenticates the request, then runs `body` with the account and the calling thread's store.
template <typename F>
Response AsAccount(const DossierApiContext& c, const Request& request, F&& body) {
  auto account = RequestAccount(c.sessions, request);
  if (!account) return ErrorResponse(account.error());
  auto store = c.stores.ForThisThread();
  if (!store) return ErrorResponse(store.error());
  const auto calendar = c.calendar.Current();  // one calendar for the whole request
  app::DossierDesk desk(**store, c.clock, *calendar, c.settings);
  return body(Desk{*account, **store, desk, *calendar});
}

Response Replay(const Request& request, const store::IdempotentResponse& stored) {
  Response response{static_cast<Status>(stored.status), request.version()};
  response.set(boost::beast::http::field::content_type, "application/json");
  response.set("Idempotent-Replayed", "true");
  response.body() = stored.body;
  response.prepare_payload();
  return response;
}

// The answer to a retry whose first request wrote `code` and died before answering: the dossier as it is now,
// with the status the route answers a success with, stored as the key's answer for later retries.
Response WrittenBefore(const Desk& d, const Request& request, app::IdempotentRequests& requests, std::string_view key,
                       const std::string& code, Status success) {
  auto stored = d.store.LoadDossier(code);
  if (!stored) return AccountFailure(d.account, request, stored.error());
  if (!*stored) {
    return AccountFailure(
        d.account, request,
        Error::Internal("hồ sơ " + code + " của khóa này không còn", "dossier " + code + " of this key is gone"));
  }
  Response response = DossierReply(d.account, request, **stored, success);
  if (auto answered = requests.Answer(d.account.login, key, {static_cast<int>(response.result_int()), response.body()});
      !answered) {
    return AccountFailure(d.account, request, answered.error());
  }
  response.set("Idempotent-Replayed", "true");
  return response;
}

// The first request with the key is still running: the same key must be sent again later.
Response StillRunning(const Account& account, const Request& request) {
  Response response =
      AccountFailure(account, request,
                     Error::Conflict("idempotency_key", "yêu cầu với khóa này đang được xử lý; hãy gửi lại sau",
                                     "a request with this key is still being processed; send it again later"));
  response.set(boost::beast::http::field::retry_after, std::to_string(kStillRunningRetrySeconds));
  return response;
}

// Runs a POST at most once per Idempotency-Key (when the request has one); a retry gets the stored answer, or
// the dossier an earlier attempt wrote before its process died.
Response Once(const DossierApiContext& c, const Desk& d, const Request& request, Status success,
              const std::function<Response()>& run) {
  const auto header = request.find(kIdempotencyKey);
  if (header == request.end()) return run();
  app::IdempotentRequests requests(d.store, c.clock);
  const std::string fingerprint =
      std::string(ToStd(request.method_string())) + " " + std::string(ToStd(request.target())) + "\n" + request.body();
  const std::string_view key = ToStd(header->value());
  Response fresh;
  auto outcome = requests.Run(d.account.login, key, fingerprint, [&] {
    fresh = run();
    return store::IdempotentResponse{static_cast<int>(fresh.result_int()), fresh.body()};
  });
  if (!outcome) return AccountFailure(d.account, request, outcome.error());
  using Kind = app::IdempotentOutcome::Kind;
  switch (outcome->kind) {
    case Kind::kRan:
      return fresh;
    case Kind::kReplayed:
      return Replay(request, outcome->response);
    case Kind::kWrittenBefore:
      return WrittenBefore(d, request, requests, key, outcome->dossier_code, success);
    case Kind::kStillRunning:
      break;
  }
  return StillRunning(d.account, request);
}

// A POST: no query parameters, the body parsed by `parse`, then `act` on the parsed value, at most once;
// `success` is the status `act` answers a success with.
template <typename Parse, typename Act>
Response Post(const DossierApiContext& c, const Request& request, Status success, Parse&& parse, Act&& act) {
  return AsAccount(c, request, [&](const Desk& d) {
    if (auto query = QueryParams::ParseKnown(ToStd(request.target()), {}); !query) return ErrorResponse(query.error());
    auto parsed = parse(request.body());
    if (!parsed) return ErrorResponse(parsed.error());
    return Once(c, d, request, success, [&] { return act(d, *parsed); });
  });
}

app::DeskIntake IntakeOf(const IntakeRequest& r) {
  return {r.procedure_code,  r.channel,          r.applicant,       r.components,
          r.receiving_point, r.competent_agency, r.processing_time, r.scans};
}

// ---- Lists -----------------------------------------------------------------------------------------------

Result<std::vector<DossierStatus>> ParseStatuses(std::string_view text) {
  std::vector<DossierStatus> statuses;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    const std::string_view name = text.substr(start, comma - start);
    const auto status = ParseDossierStatus(name);
    if (!status) {
      return Fail(Error::InvalidArgument(
          "status", "trạng thái '" + std::string(name) + "' không tồn tại",
          "unknown status '" + std::string(name) +
              "' (known: submitted, processing, waiting_supplement, result_ready, returned, refused, withdrawn, "
              "cancelled, reception_refused)"));
    }
    statuses.push_back(*status);
    start = comma + 1;
  }
  return statuses;
}

std::optional<std::string> Text(const QueryParams& query, std::string_view name) {
  const auto value = query.Get(name);
  return value ? std::optional<std::string>(std::string(*value)) : std::nullopt;
}

Result<std::optional<Instant>> OptionalInstant(const QueryParams& query, std::string_view name) {
  const auto value = query.Get(name);
  if (!value) return std::nullopt;
  auto instant = ParseIsoInstant(*value, name);
  if (!instant) return Fail(instant.error());
  return *instant;
}

Result<store::DossierOrder> ParseOrder(const QueryParams& query) {
  const auto order = query.Get("order");
  if (!order || *order == "code") return store::DossierOrder::kByCode;
  if (*order == "due") return store::DossierOrder::kByDueAt;
  return Fail(Error::InvalidArgument("order", "thứ tự là 'code' hoặc 'due'", "order is 'code' or 'due'"));
}

Result<app::DeskListRequest> ParseListRequest(const Request& request) {
  auto query = QueryParams::ParseKnown(
      ToStd(request.target()), {"unit", "agency", "status", "procedure", "due_from", "due_to", "urgency", "assignee",
                                "applicant_id", "order", "cursor", "limit"});
  if (!query) return Fail(query.error());
  app::DeskListRequest list;
  list.unit = Text(*query, "unit");
  list.agency = Text(*query, "agency");
  list.procedure_code = Text(*query, "procedure");
  list.assignee = Text(*query, "assignee");
  list.applicant_citizen_id = Text(*query, "applicant_id");
  list.after = Text(*query, "cursor");
  if (const auto status = query->Get("status")) {
    auto statuses = ParseStatuses(*status);
    if (!statuses) return Fail(statuses.error());
    list.statuses = std::move(*statuses);
  }
  auto due_from = OptionalInstant(*query, "due_from");
  if (!due_from) return Fail(due_from.error());
  auto due_to = OptionalInstant(*query, "due_to");
  if (!due_to) return Fail(due_to.error());
  if (const auto urgency = query->Get("urgency")) {
    list.urgency = ParseUrgency(*urgency);
    if (!list.urgency || *list.urgency == Urgency::kNone) {
      return Fail(Error::InvalidArgument("urgency", "mức khẩn là overdue, due_today, due_soon hoặc later",
                                         "urgency is overdue, due_today, due_soon or later"));
    }
  }
  auto order = ParseOrder(*query);
  if (!order) return Fail(order.error());
  auto limit = query->GetInt("limit", 50, 1, 500);
  if (!limit) return Fail(limit.error());
  list.due_from = *due_from;
  list.due_to = *due_to;
  list.order = *order;
  list.limit = static_cast<std::size_t>(*limit);
  return list;
}

Response PageReply(const DossierApiContext& c, const Desk& d, const Request& request,
                   const Result<store::DossierPage>& page) {
  if (!page) return AccountFailure(d.account, request, page.error());
  return JsonResponse(Status::ok, DossierPageJson(*page, {c.clock.Now(), c.settings.deadline, d.calendar}));
}

// ---- Routes ----------------------------------------------------------------------------------------------

void AddIntakeRoutes(Router& router, const DossierApiContext& c) {
  router.Add(
      Method::post, "/api/v1/dossiers", Handler([c](const Request& request) {
        return Post(c, request, Status::created, ParseIntakeRequest, [&](const Desk& d, const IntakeRequest& intake) {
          return DossierReply(d.account, request, d.desk.Receive(d.account, IntakeOf(intake)), Status::created);
        });
      }));
  router.Add(
      Method::post, "/api/v1/submissions", Handler([c](const Request& request) {
        return Post(c, request, Status::created, ParseIntakeRequest, [&](const Desk& d, const IntakeRequest& intake) {
          return DossierReply(d.account, request, d.desk.Submit(d.account, IntakeOf(intake)), Status::created);
        });
      }));
}

void AddReadRoutes(Router& router, const DossierApiContext& c) {
  router.Add(Method::get, "/api/v1/dossiers", Handler([c](const Request& request) {
               return AsAccount(c, request, [&](const Desk& d) {
                 auto list = ParseListRequest(request);
                 if (!list) return ErrorResponse(list.error());
                 return PageReply(c, d, request, d.desk.List(d.account, *list));
               });
             }));
  router.Add(Method::get, "/api/v1/dossiers/{code}",
             RouteHandler([c](const Request& request, const PathParams& params) {
               return AsAccount(c, request, [&](const Desk& d) {
                 if (auto query = QueryParams::ParseKnown(ToStd(request.target()), {}); !query) {
                   return ErrorResponse(query.error());
                 }
                 auto view = d.desk.Show(d.account, std::string(params.Get("code")));
                 if (!view) return AccountFailure(d.account, request, view.error());
                 return JsonResponse(Status::ok, DossierViewJson(*view, c.pins.PinOf(view->state.code)));
               });
             }));
  router.Add(Method::get, "/api/v1/inbox", Handler([c](const Request& request) {
               return AsAccount(c, request, [&](const Desk& d) {
                 auto query = QueryParams::ParseKnown(ToStd(request.target()), {"cursor", "limit"});
                 if (!query) return ErrorResponse(query.error());
                 auto limit = query->GetInt("limit", 50, 1, 500);
                 if (!limit) return ErrorResponse(limit.error());
                 return PageReply(c, d, request,
                                  d.desk.Inbox(d.account, Text(*query, "cursor"), static_cast<std::size_t>(*limit)));
               });
             }));
}

void AddActionRoute(Router& router, const DossierApiContext& c, DossierAction action) {
  const std::string pattern = "/api/v1/dossiers/{code}/" + std::string(ActionPathSegment(action));
  if (action == DossierAction::kAccept) {
    router.Add(
        Method::post, pattern, RouteHandler([c](const Request& request, const PathParams& params) {
          const std::string code(params.Get("code"));
          return Post(c, request, Status::ok, ParseAcceptRequest, [&](const Desk& d, const AcceptRequest& accept) {
            return DossierReply(d.account, request,
                                d.desk.Accept(d.account, code, accept.receiving_point, accept.processing_time),
                                Status::ok);
          });
        }));
    return;
  }
  router.Add(Method::post, pattern, RouteHandler([c, action](const Request& request, const PathParams& params) {
               const std::string code(params.Get("code"));
               auto parse = [action](std::string_view body) { return ParseActionRequest(action, body); };
               return Post(c, request, Status::ok, parse, [&](const Desk& d, const EventPayload& payload) {
                 return DossierReply(d.account, request, d.desk.Act(d.account, code, payload), Status::ok);
               });
             }));
}

}  // namespace

void AddDossierApi(Router& router, const DossierApiContext& context) {
  AddIntakeRoutes(router, context);
  AddReadRoutes(router, context);
  for (DossierAction action : ActionsWithPathSegment()) AddActionRoute(router, context, action);
}

}  // namespace motcua::http
