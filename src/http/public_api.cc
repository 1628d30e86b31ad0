#include "http/public_api.h"

#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "app/dossier_tracking.h"
#include "app/procedure_finder.h"
#include "app/unit_lookup.h"
#include "domain/dossier_standing.h"
#include "http/assistant_api.h"
#include "http/json_response.h"
#include "http/procedure_json.h"
#include "http/procedure_settings_api.h"
#include "http/query_params.h"
#include "http/receipt_pin_check.h"
#include "http/throttle.h"

namespace motcua::http {
namespace {

using nlohmann::json;

// ---- Mapping results to JSON -----------------------------------------------------------------------------

json ProvinceUnitsJson(const app::ProvinceUnits& units) {
  json communes = json::array();
  for (const Commune& c : units.communes) {
    communes.push_back({{"code", c.code}, {"name", c.name}, {"division_type", c.division_type}});
  }
  const Province& p = units.province;
  return {{"province", {{"code", p.code}, {"name", p.name}, {"division_type", p.division_type}}},
          {"communes", std::move(communes)}};
}

std::string_view OutcomeName(LegacyOutcome outcome) {
  switch (outcome) {
    case LegacyOutcome::kUnique:
      return "unique";
    case LegacyOutcome::kNeedsDecision:
      return "needs_decision";
    case LegacyOutcome::kUnknown:
      return "unknown";
  }
  return "unknown";
}

json LegacyLookupJson(const app::LegacyLookup& lookup) {
  json candidates = json::array();
  for (const LegacyLink& link : lookup.resolution.candidates) {
    candidates.push_back({{"commune_code", link.commune_code},
                          {"commune_name", link.commune_name},
                          {"province_code", link.province_code},
                          {"merge", link.merge == MergeKind::kWhole ? "whole" : "partial"},
                          {"note", link.note}});
  }
  const json old_unit = OrNull(lookup.old_unit, [](const LegacyCommune& u) {
    return json{{"commune_code", u.commune_code},   {"commune_name", u.commune_name},
                {"division_type", u.division_type}, {"district_code", u.district_code},
                {"district_name", u.district_name}, {"province_code", u.province_code},
                {"province_name", u.province_name}};
  });
  return {{"old_code", lookup.old_code},
          {"outcome", OutcomeName(lookup.resolution.outcome)},
          {"old_unit", old_unit},
          {"candidates", std::move(candidates)}};
}

// The status for anyone holding the code; the details only for one holding the receipt PIN too.
json TrackingJson(const app::DossierTracking& t, bool with_details) {
  json details = nullptr;
  if (with_details) {
    details = {{"procedure", {{"code", t.procedure_code}, {"name", t.procedure_name}}},
               {"received_at", TimeJson(t.received_at)},
               {"due_at", TimeJson(t.due_at)},
               {"completed_at", TimeJson(t.completed_at)},
               {"returned_at", TimeJson(t.returned_at)},
               {"standing", StandingName(t.standing)},
               {"overdue", t.overdue},
               {"timeliness", OrNull(t.timeliness, TimelinessName)},
               {"electronic_result", t.electronic_result}};
  }
  return {{"code", t.code},
          {"status", DossierStatusName(t.status)},
          {"status_label", DossierStatusLabelVi(t.status)},
          {"details", std::move(details)}};
}

// ---- Parsing requests ------------------------------------------------------------------------------------

struct SearchRequest {
  std::string q;
  SearchOptions options;
};

Result<SearchRequest> ParseSearch(const Request& request) {
  auto query = QueryParams::ParseKnown(ToStd(request.target()), {"q", "level", "prefer_level", "limit"});
  if (!query) return Fail(query.error());
  auto q = query->Require("q");
  if (!q) return Fail(q.error());
  auto limit = query->GetInt("limit", 10, 1, 100);
  if (!limit) return Fail(limit.error());
  SearchRequest parsed{std::move(*q), {}};
  parsed.options.limit = static_cast<std::size_t>(*limit);
  if (const auto level = query->Get("level")) parsed.options.level = std::string(*level);
  if (const auto level = query->Get("prefer_level")) parsed.options.preferred_level = std::string(*level);
  return parsed;
}

// ---- Handlers --------------------------------------------------------------------------------------------

// The JSON of a successful result, or the error response.
template <typename T, typename ToJson>
Response Reply(const Result<T>& result, ToJson&& to_json) {
  if (!result) return ErrorResponse(result.error());
  return JsonResponse(Status::ok, to_json(*result));
}

// Calls `use_case` with the calling thread's store, after checking that the request has no query parameters
// besides `known`.
template <typename UseCase>
Response WithStore(const PublicApiContext& context, const Request& request,
                   std::initializer_list<std::string_view> known, UseCase&& use_case) {
  auto query = QueryParams::ParseKnown(ToStd(request.target()), known);
  if (!query) return ErrorResponse(query.error());
  auto store = context.stores.ForThisThread();
  if (!store) return ErrorResponse(store.error());
  return use_case(**store, *query);
}

void AddUnitRoutes(Router& router, const PublicApiContext& c) {
  router.Add(Method::get, "/api/v1/units", Handler([c](const Request& request) {
               return WithStore(c, request, {"province"}, [](store::Store& store, const QueryParams& query) {
                 auto province = query.Require("province");
                 if (!province) return ErrorResponse(province.error());
                 return Reply(app::ListProvinceUnits(store, *province), ProvinceUnitsJson);
               });
             }));
  router.Add(Method::get, "/api/v1/units/legacy/{old_code}",
             RouteHandler([c](const Request& request, const PathParams& params) {
               return WithStore(c, request, {}, [&](store::Store& store, const QueryParams&) {
                 return Reply(app::LookUpLegacyCommune(store, params.Get("old_code")), LegacyLookupJson);
               });
             }));
}

void AddProcedureRoutes(Router& router, const PublicApiContext& c) {
  router.Add(Method::get, "/api/v1/procedures", Handler([c](const Request& request) {
               auto parsed = ParseSearch(request);
               if (!parsed) return ErrorResponse(parsed.error());
               return Reply(c.procedures.Search(parsed->q, parsed->options), SearchMatchesJson);
             }));
  router.Add(Method::get, "/api/v1/procedures/{code}",
             RouteHandler([c](const Request& request, const PathParams& params) {
               return WithStore(c, request, {}, [&](store::Store& store, const QueryParams&) {
                 auto procedure = c.procedures.Details(store, params.Get("code"));
                 if (!procedure) return ErrorResponse(procedure.error());
                 auto settings = store.FindProcedureSettings(procedure->code);
                 if (!settings) return ErrorResponse(settings.error());
                 json body = ProcedureJson(*procedure);
                 // The province's own settings (processing time, workflow), which win over the catalogue's.
                 body["settings"] = OrNull(*settings, ProcedureSettingsJson);
                 return JsonResponse(Status::ok, body);
               });
             }));
}

void AddCatalogueRoutes(Router& router, const PublicApiContext& c) {
  router.Add(Method::get, "/api/v1/catalogue/fee-contradictions", Handler([c](const Request& request) {
               if (auto query = QueryParams::ParseKnown(ToStd(request.target()), {}); !query) {
                 return ErrorResponse(query.error());
               }
               return JsonResponse(Status::ok, FeeContradictionsJson(c.procedures.fee_contradictions()));
             }));
}

void AddTrackingRoutes(Router& router, const PublicApiContext& c) {
  router.Add(Method::get, "/api/v1/track/{dossier_code}",
             RouteHandler([c](const Request& request, const PathParams& params) {
               if (auto refused = Throttle(c.tracking_limiter, request, "dossier_code", "lượt tra cứu", "lookups")) {
                 return std::move(*refused);
               }
               return WithStore(c, request, {}, [&](store::Store& store, const QueryParams&) {
                 const std::string code(params.Get("dossier_code"));
                 auto tracked = app::TrackDossier(store, code, c.clock.Now(), c.policy);
                 if (!tracked) return ErrorResponse(tracked.error());
                 if (!HasReceiptPin(request)) return JsonResponse(Status::ok, TrackingJson(*tracked, false));
                 if (auto refused = RefuseWithoutPin(c.pins, code, request)) return std::move(*refused);
                 return JsonResponse(Status::ok, TrackingJson(*tracked, true));
               });
             }));
}

}  // namespace

void AddPublicApi(Router& router, const PublicApiContext& context) {
  AddUnitRoutes(router, context);
  AddProcedureRoutes(router, context);
  AddCatalogueRoutes(router, context);
  AddAssistantApi(router, {context.stores, context.procedures, context.assistant_limiter, context.assistant_rephraser});
  AddTrackingRoutes(router, context);
}

}  // namespace motcua::http
