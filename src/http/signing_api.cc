#include "http/signing_api.h"

#include <nlohmann/json.hpp>

#include "app/certificate_standing.h"
#include "app/document_files.h"
#include "app/dossier_desk.h"
#include "app/electronic_result.h"
#include "app/remote_result_signing.h"
#include "app/result_signing.h"
#include "domain/civil_time.h"
#include "http/dossier_json.h"
#include "http/json_body.h"
#include "http/json_response.h"
#include "http/path_id.h"
#include "http/query_params.h"
#include "http/receipt_pin_check.h"
#include "http/request_account.h"
#include "http/throttle.h"

namespace motcua::http {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxPinBytes = 64;

Instant AtSecond(long long unix_seconds) { return Instant{std::chrono::seconds{unix_seconds}}; }

json CertificateJson(const app::CertificateFacts& c) {
  return {{"common_name", c.common_name},
          {"subject", c.subject},
          {"issuer", c.issuer},
          {"issuer_common_name", c.issuer_common_name},
          {"serial", c.serial},
          {"not_before", FormatIsoLocal(AtSecond(c.not_before))},
          {"not_after", FormatIsoLocal(AtSecond(c.not_after))},
          {"sha256", c.sha256}};
}

std::string_view TrustName(app::ChainTrust trust) {
  switch (trust) {
    case app::ChainTrust::kTrusted:
      return "trusted";
    case app::ChainTrust::kUnknownRoot:
      return "unknown_root";
    case app::ChainTrust::kInvalid:
      break;
  }
  return "invalid";
}

json ReportJson(const app::SignatureReport& r) {
  json chain = json::array();
  for (const app::CertificateFacts& c : r.chain) chain.push_back(CertificateJson(c));
  return {{"field", r.field_name},
          {"verdict", app::SignatureVerdict(r)},
          {"sub_filter", r.sub_filter},
          {"signer_name", r.signer_name},
          {"reason", r.reason},
          {"location", r.location},
          {"signing_time", r.signing_time ? json(FormatIsoLocal(AtSecond(*r.signing_time))) : json(nullptr)},
          {"intact", r.intact},
          {"covers_whole_file", r.covers_whole_file},
          {"certificate_bound", r.certificate_bound},
          {"certificate_valid_at_signing", r.certificate_valid_at_signing},
          {"trust", TrustName(r.trust)},
          {"trust_problem", r.trust_problem},
          {"chain", std::move(chain)},
          {"has_timestamp", r.has_timestamp},
          {"has_revocation_data", r.has_revocation_data},
          {"problem", r.problem}};
}

// The file's verdict: its signatures' when they agree ("valid" only when every one is), "unsigned" with none.
std::string_view FileVerdict(const std::vector<app::SignatureReport>& reports) {
  if (reports.empty()) return "unsigned";
  std::string_view verdict = "valid";
  for (const app::SignatureReport& report : reports) {
    const std::string_view one = app::SignatureVerdict(report);
    if (one == "invalid") return "invalid";
    if (one == "unknown_root") verdict = one;
  }
  return verdict;
}

template <typename F>
Response AsAccount(const SigningApiContext& c, const Request& request, F&& body) {
  auto account = RequestAccount(c.dossiers.sessions, request);
  if (!account) return ErrorResponse(account.error());
  if (auto query = QueryParams::ParseKnown(ToStd(request.target()), {}); !query) return ErrorResponse(query.error());
  auto store = c.dossiers.stores.ForThisThread();
  if (!store) return ErrorResponse(store.error());
  const auto calendar = c.dossiers.calendar.Current();
  app::DossierDesk desk(**store, c.dossiers.clock, *calendar, c.dossiers.settings);
  return body(*account, **store, desk);
}

Response Methods(const SigningApiContext& c, const Request& request) {
  return AsAccount(c, request, [&](const Account&, store::Store&, app::DossierDesk&) {
    json items = json::array();
    for (const app::SigningMethodInfo& m : c.signer.Methods()) {
      json item = {{"method", app::SigningMethodName(m.method)}, {"needs_pin", m.needs_pin}};
      if (m.certificate) {
        item["certificate"] = CertificateJson(*m.certificate);
        item["standing"] = app::CertificateStandingName(app::StandingAt(*m.certificate, c.dossiers.clock.Now()));
      }
      items.push_back(std::move(item));
    }
    if (c.remote_signing != nullptr) items.push_back({{"method", "remote"}, {"needs_pin", false}});
    return JsonResponse(Status::ok, {{"items", std::move(items)}});
  });
}

// The name of the remote method: not an app::SigningMethod (those sign at once), a request that ends later.
constexpr std::string_view kRemoteMethod = "remote";

struct SignRequest {
  app::SigningMethod method = app::SigningMethod::kSeal;
  bool remote = false;
  std::string pin;
};

Result<SignRequest> ParseSignRequest(const std::string& text) {
  auto body = JsonBody::Parse(text);
  if (!body) return Fail(body.error());
  JsonObject root = body->Root();
  const std::string method = root.RequiredString("method", 16);
  SignRequest parsed{.pin = root.OptionalString("pin", kMaxPinBytes)};
  if (auto done = body->Finish(); !done) return Fail(done.error());
  if (method == kRemoteMethod) {
    parsed.remote = true;
    return parsed;
  }
  const auto known = app::ParseSigningMethod(method);
  if (!known) {
    return Fail(Error::InvalidArgument("method", "cách ký là 'seal' (con dấu), 'token' hoặc 'remote' (ký số từ xa)",
                                       "method is 'seal' (the seal), 'token' or 'remote' (remote signing)"));
  }
  parsed.method = *known;
  return parsed;
}

json SigningRequestJson(const SigningRequest& r) {
  return {{"id", r.id},
          {"dossier_code", r.dossier_code},
          {"login", r.login},
          {"state", SigningRequestStateName(r.state)},
          {"requested_at", FormatIsoLocal(r.requested_at)},
          {"expires_at", FormatIsoLocal(r.expires_at)},
          {"settled_at", r.settled_at ? json(FormatIsoLocal(*r.settled_at)) : json(nullptr)},
          {"signed_file", r.signed_file.empty() ? json(nullptr) : json(r.signed_file)},
          {"problem", r.problem}};
}

Error NoRemoteSigning() {
  return Error::FailedPrecondition("method", "Máy chủ chưa được cấu hình dịch vụ ký số từ xa.",
                                   "No remote signing service is configured on this server.");
}

Response SignRemotely(const SigningApiContext& c, const Request& request, const Account& account, store::Store& store,
                      app::DossierDesk& desk, const std::string& code) {
  if (c.remote_signing == nullptr) return ErrorResponse(NoRemoteSigning());
  app::RemoteResultSigning signing(store, c.blobs, c.dossiers.clock, desk, *c.remote_signing, c.steps);
  auto asked = signing.Request(account, code);
  if (!asked) return AccountFailure(account, request, asked.error());
  return JsonResponse(Status::accepted, SigningRequestJson(*asked));
}

Response ShowSigningRequest(const SigningApiContext& c, const Request& request, const PathParams& params) {
  return AsAccount(c, request, [&](const Account& account, store::Store& store, app::DossierDesk& desk) {
    auto id = PositiveIdParam(params, "id");
    if (!id) return ErrorResponse(id.error());
    if (c.remote_signing == nullptr) return ErrorResponse(NoRemoteSigning());
    app::RemoteResultSigning signing(store, c.blobs, c.dossiers.clock, desk, *c.remote_signing, c.steps);
    auto shown = signing.Show(account, *id);
    if (!shown) return AccountFailure(account, request, shown.error());
    return JsonResponse(Status::ok, SigningRequestJson(*shown));
  });
}

Response DossierSigningRequests(const SigningApiContext& c, const Request& request, const PathParams& params) {
  return AsAccount(c, request, [&](const Account& account, store::Store& store, app::DossierDesk& desk) {
    json items = json::array();
    if (c.remote_signing != nullptr) {
      app::RemoteResultSigning signing(store, c.blobs, c.dossiers.clock, desk, *c.remote_signing, c.steps);
      auto requests = signing.OfDossier(account, std::string(params.Get("code")));
      if (!requests) return AccountFailure(account, request, requests.error());
      for (const SigningRequest& r : *requests) items.push_back(SigningRequestJson(r));
    } else if (auto allowed = desk.Authorize(account, std::string(params.Get("code")), DossierAction::kView);
               !allowed) {
      return AccountFailure(account, request, allowed.error());
    }
    return JsonResponse(Status::ok, {{"items", std::move(items)}});
  });
}

Response SignResult(const SigningApiContext& c, const Request& request, const PathParams& params) {
  return AsAccount(c, request, [&](const Account& account, store::Store& store, app::DossierDesk& desk) {
    auto parsed = ParseSignRequest(request.body());
    if (!parsed) return ErrorResponse(parsed.error());
    if (parsed->remote) return SignRemotely(c, request, account, store, desk, std::string(params.Get("code")));
    app::ResultSigning signing(store, c.blobs, c.dossiers.clock, desk, c.signer);
    auto state = signing.Sign(account, std::string(params.Get("code")), parsed->method, parsed->pin);
    if (!state) return AccountFailure(account, request, state.error());
    return JsonResponse(Status::ok, DossierStateJson(*state));
  });
}

// The JSON of a file's signatures: its verdict and each signature's report.
Result<json> SignaturesJson(const SigningApiContext& c, const app::DocumentContent& content) {
  std::vector<app::SignatureReport> reports;
  if (content.upload.media_type == MediaType::kPdf) {
    auto verified = c.verifier.Verify(content.bytes);
    if (!verified) return Fail(verified.error());
    reports = std::move(*verified);
  }
  json items = json::array();
  for (const app::SignatureReport& r : reports) items.push_back(ReportJson(r));
  return json{{"file", content.upload.id}, {"verdict", FileVerdict(reports)}, {"items", std::move(items)}};
}

Response Signatures(const SigningApiContext& c, const Request& request, const PathParams& params) {
  return AsAccount(c, request, [&](const Account& account, store::Store& store, app::DossierDesk& desk) {
    app::DocumentFiles files(store, c.blobs, c.dossiers.clock);
    auto content = files.Read(account, params.Get("id"), [&](const std::string& code) {
      return desk.Authorize(account, code, DossierAction::kView);
    });
    if (!content) return AccountFailure(account, request, content.error());
    auto report = SignaturesJson(c, *content);
    if (!report) return ErrorResponse(report.error());
    return JsonResponse(Status::ok, std::move(*report));
  });
}

// The electronic result of a dossier for whoever holds its receipt: `reply` with the file once the PIN matches.
template <typename F>
Response ForReceiptHolder(const SigningApiContext& c, const Request& request, const PathParams& params, F&& reply) {
  if (auto refused = Throttle(c.tracking_limiter, request, "dossier_code", "lượt tra cứu", "lookups")) {
    return std::move(*refused);
  }
  if (auto query = QueryParams::ParseKnown(ToStd(request.target()), {}); !query) return ErrorResponse(query.error());
  const std::string code(params.Get("dossier_code"));
  if (auto refused = RefuseWithoutPin(c.dossiers.pins, code, request)) return std::move(*refused);
  auto store = c.dossiers.stores.ForThisThread();
  if (!store) return ErrorResponse(store.error());
  auto result = app::ElectronicResult(**store, c.blobs, code);
  if (!result) return ErrorResponse(result.error());
  return reply(*result);
}

Response TrackedResult(const SigningApiContext& c, const Request& request, const PathParams& params) {
  return ForReceiptHolder(c, request, params, [&](const app::DocumentContent& content) {
    Response response{Status::ok, request.version()};
    response.set(boost::beast::http::field::content_type, std::string(MediaTypeName(content.upload.media_type)));
    const std::string_view type = MediaTypeName(content.upload.media_type);
    const std::string extension(type.substr(type.find('/') + 1));  // pdf, jpeg, png
    response.set(boost::beast::http::field::content_disposition,
                 "inline; filename=\"ket-qua-" + std::string(params.Get("dossier_code")) + "." + extension + "\"");
    // Personal data behind a PIN: never kept by a cache.
    response.set(boost::beast::http::field::cache_control, "no-store");
    response.set("X-Content-Type-Options", "nosniff");
    response.body() = content.bytes;
    response.prepare_payload();
    return response;
  });
}

Response TrackedResultSignatures(const SigningApiContext& c, const Request& request, const PathParams& params) {
  return ForReceiptHolder(c, request, params, [&](const app::DocumentContent& content) {
    auto report = SignaturesJson(c, content);
    if (!report) return ErrorResponse(report.error());
    return JsonResponse(Status::ok, std::move(*report));
  });
}

}  // namespace

void AddSigningApi(Router& router, const SigningApiContext& context) {
  router.Add(Method::get, "/api/v1/signing/methods",
             [context](const Request& request) { return Methods(context, request); });
  router.Add(
      Method::post, "/api/v1/dossiers/{code}/sign-result",
      RouteHandler([context](const Request& request, const PathParams& p) { return SignResult(context, request, p); }));
  router.Add(Method::get, "/api/v1/signing/requests/{id}",
             RouteHandler([context](const Request& request, const PathParams& p) {
               return ShowSigningRequest(context, request, p);
             }));
  router.Add(Method::get, "/api/v1/dossiers/{code}/signing-requests",
             RouteHandler([context](const Request& request, const PathParams& p) {
               return DossierSigningRequests(context, request, p);
             }));
  router.Add(
      Method::get, "/api/v1/files/{id}/signatures",
      RouteHandler([context](const Request& request, const PathParams& p) { return Signatures(context, request, p); }));
  router.Add(Method::get, "/api/v1/track/{dossier_code}/result",
             RouteHandler([context](const Request& request, const PathParams& p) {
               return TrackedResult(context, request, p);
             }));
  router.Add(Method::get, "/api/v1/track/{dossier_code}/result/signatures",
             RouteHandler([context](const Request& request, const PathParams& p) {
               return TrackedResultSignatures(context, request, p);
             }));
}

}  // namespace motcua::http
