#include "http/certificates_api.h"

#include <string>

#include <nlohmann/json.hpp>

#include "app/certificate_register.h"
#include "domain/civil_time.h"
#include "http/json_body.h"
#include "http/json_response.h"
#include "http/path_id.h"
#include "http/query_params.h"
#include "http/request_account.h"

namespace motcua::http {
namespace {

using nlohmann::json;

// A PEM certificate is 1–3 KB; a chain pasted whole is refused by the reader, not here.
constexpr std::size_t kMaxCertificateTextBytes = 16 * 1024;
constexpr std::size_t kMaxLoginBytes = 64;

json OptionalText(const std::optional<std::string>& text) { return text ? json(*text) : json(nullptr); }

json CertificateJson(const app::RegisteredCertificate& entry) {
  const OfficialCertificate& c = entry.record;
  return {{"id", c.id},
          {"login", c.login},
          {"holding", CertificateHoldingName(c.holding)},
          {"remote_user", c.remote_user},
          {"common_name", c.common_name},
          {"issuer", c.issuer},
          {"serial", c.serial},
          {"sha256", c.sha256},
          {"not_before", FormatIsoLocal(c.not_before)},
          {"not_after", FormatIsoLocal(c.not_after)},
          {"standing", app::CertificateStandingName(entry.standing)},
          {"needs_renewal", entry.needs_renewal},
          {"added_by", c.added_by},
          {"added_at", FormatIsoLocal(c.added_at)},
          {"retired_by", OptionalText(c.retired_by)},
          {"retired_at", c.retired_at ? json(FormatIsoLocal(*c.retired_at)) : json(nullptr)},
          {"active", c.active()}};
}

json RosterJson(const app::CertificateRoster& roster) {
  json items = json::array();
  for (const app::RegisteredCertificate& entry : roster.certificates) items.push_back(CertificateJson(entry));
  json cannot_sign = json::array();
  for (const app::OfficialUnableToSign& o : roster.cannot_sign) {
    cannot_sign.push_back({{"login", o.login},
                           {"display_name", o.display_name},
                           {"units", o.units},
                           {"gap", app::SigningGapName(o.gap)}});
  }
  json may_register_for = json::array();
  for (const app::RegistrableOfficial& o : roster.may_register_for) {
    may_register_for.push_back({{"login", o.login}, {"display_name", o.display_name}});
  }
  return {{"items", std::move(items)},
          {"cannot_sign", std::move(cannot_sign)},
          {"may_register_for", std::move(may_register_for)}};
}

// The account behind the request, once its query string is checked (these routes take none).
Result<Account> Caller(const CertificatesApiContext& c, const Request& request) {
  auto account = RequestAccount(c.sessions, request);
  if (!account) return Fail(account.error());
  if (auto query = QueryParams::ParseKnown(ToStd(request.target()), {}); !query) return Fail(query.error());
  return account;
}

template <typename Work>
Response WithRegister(const CertificatesApiContext& c, const Request& request, Work&& work) {
  auto account = Caller(c, request);
  if (!account) return ErrorResponse(account.error());
  auto store = c.sessions.stores.ForThisThread();
  if (!store) return ErrorResponse(store.error());
  app::CertificateRegister register_of_certificates(**store, c.sessions.clock, c.reader);
  return work(*account, register_of_certificates);
}

Response List(const CertificatesApiContext& c, const Request& request) {
  return WithRegister(c, request, [&](const Account& account, app::CertificateRegister& certificates) {
    auto roster = certificates.Roster(account);
    if (!roster) return AccountFailure(account, request, roster.error());
    return JsonResponse(Status::ok, RosterJson(*roster));
  });
}

Result<app::CertificateRegistration> ParseRegistration(const Request& request) {
  auto body = JsonBody::Parse(request.body());
  if (!body) return Fail(body.error());
  JsonObject root = body->Root();
  app::CertificateRegistration registration;
  registration.login = root.RequiredString("login", kMaxLoginBytes);
  const std::string holding = root.RequiredString("holding", 16);
  registration.remote_user = root.OptionalString("remote_user", kMaxRemoteUserBytes);
  registration.certificate = root.RequiredString("certificate", kMaxCertificateTextBytes);
  if (auto done = body->Finish(); !done) return Fail(done.error());
  const auto parsed = ParseCertificateHolding(holding);
  if (!parsed) {
    return Fail(Error::InvalidArgument("holding", "phải là 'token' hoặc 'remote'", "must be 'token' or 'remote'"));
  }
  registration.holding = *parsed;
  return registration;
}

Response Register(const CertificatesApiContext& c, const Request& request) {
  return WithRegister(c, request, [&](const Account& account, app::CertificateRegister& certificates) {
    auto registration = ParseRegistration(request);
    if (!registration) return ErrorResponse(registration.error());
    auto added = certificates.Register(account, *registration);
    if (!added) return AccountFailure(account, request, added.error());
    return JsonResponse(Status::created, CertificateJson(*added));
  });
}

Response Retire(const CertificatesApiContext& c, const Request& request, const PathParams& params) {
  return WithRegister(c, request, [&](const Account& account, app::CertificateRegister& certificates) {
    // Retiring takes no fields: an empty body or {}.
    auto body = JsonBody::Parse(request.body(), EmptyBody::kIsEmptyObject);
    if (!body) return ErrorResponse(body.error());
    body->Root();
    if (auto done = body->Finish(); !done) return ErrorResponse(done.error());
    auto id = PositiveIdParam(params, "id");
    if (!id) return ErrorResponse(id.error());
    auto retired = certificates.Retire(account, *id);
    if (!retired) return AccountFailure(account, request, retired.error());
    return JsonResponse(Status::ok, CertificateJson(*retired));
  });
}

}  // namespace

void AddCertificatesApi(Router& router, const CertificatesApiContext& context) {
  router.Add(Method::get, "/api/v1/signing/certificates",
             RouteHandler([context](const Request& request, const PathParams&) { return List(context, request); }));
  router.Add(Method::post, "/api/v1/signing/certificates",
             RouteHandler([context](const Request& request, const PathParams&) { return Register(context, request); }));
  router.Add(Method::post, "/api/v1/signing/certificates/{id}/retire",
             RouteHandler([context](const Request& request, const PathParams& params) {
               return Retire(context, request, params);
             }));
}

}  // namespace motcua::http
