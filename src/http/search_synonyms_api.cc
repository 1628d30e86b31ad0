#include "http/search_synonyms_api.h"

#include <string>

#include "app/agency_registry.h"
#include "app/province_synonym_admin.h"
#include "http/json_body.h"
#include "http/json_response.h"
#include "http/path_id.h"
#include "http/query_params.h"
#include "http/request_account.h"

namespace motcua::http {
namespace {

using nlohmann::json;

json SynonymJson(const ProvinceSynonym& s) {
  return {{"id", s.id},
          {"phrase", s.phrase},
          {"expansion", s.expansion},
          {"added_by", s.added_by},
          {"added_at", FormatIsoLocal(s.added_at)},
          {"retired_by", s.retired_by ? json(*s.retired_by) : json(nullptr)},
          {"retired_at", s.retired_at ? json(FormatIsoLocal(*s.retired_at)) : json(nullptr)},
          {"active", s.active()}};
}

// The administrator behind the request, checked before anything else is read; the error response otherwise.
Result<Account> Administrator(const SearchSynonymsApiContext& c, const Request& request) {
  auto account = RequestAccount(c.sessions, request);
  if (!account) return Fail(account.error());
  if (auto query = QueryParams::ParseKnown(ToStd(request.target()), {}); !query) return Fail(query.error());
  if (auto allowed = app::RequireAdministrator(*account); !allowed) {
    LogDenial(*account, request, allowed.error());
    return Fail(allowed.error());
  }
  return account;
}

Response List(const SearchSynonymsApiContext& c, const Request& request) {
  auto account = Administrator(c, request);
  if (!account) return ErrorResponse(account.error());
  auto store = c.sessions.stores.ForThisThread();
  if (!store) return ErrorResponse(store.error());
  auto synonyms = app::ProvinceSynonymAdmin(**store, c.sessions.clock, c.catalogue).List();
  if (!synonyms) return ErrorResponse(synonyms.error());
  json items = json::array();
  for (const ProvinceSynonym& s : *synonyms) items.push_back(SynonymJson(s));
  return JsonResponse(Status::ok, {{"items", std::move(items)}});
}

Response Add(const SearchSynonymsApiContext& c, const Request& request) {
  auto account = Administrator(c, request);
  if (!account) return ErrorResponse(account.error());
  auto body = JsonBody::Parse(request.body());
  if (!body) return ErrorResponse(body.error());
  JsonObject root = body->Root();
  const std::string phrase = root.RequiredString("phrase", kMaxSynonymBytes);
  const std::string expansion = root.RequiredString("expansion", kMaxSynonymBytes);
  if (auto done = body->Finish(); !done) return ErrorResponse(done.error());
  auto store = c.sessions.stores.ForThisThread();
  if (!store) return ErrorResponse(store.error());
  auto added = app::ProvinceSynonymAdmin(**store, c.sessions.clock, c.catalogue).Add(account->login, phrase, expansion);
  if (!added) return ErrorResponse(added.error());
  return JsonResponse(Status::created, SynonymJson(*added));
}

Response Retire(const SearchSynonymsApiContext& c, const Request& request, const PathParams& params) {
  auto account = Administrator(c, request);
  if (!account) return ErrorResponse(account.error());
  // Retiring takes no fields: an empty body or {}.
  auto body = JsonBody::Parse(request.body(), EmptyBody::kIsEmptyObject);
  if (!body) return ErrorResponse(body.error());
  body->Root();
  if (auto done = body->Finish(); !done) return ErrorResponse(done.error());
  auto id = PositiveIdParam(params, "id");
  if (!id) return ErrorResponse(id.error());
  auto store = c.sessions.stores.ForThisThread();
  if (!store) return ErrorResponse(store.error());
  auto retired = app::ProvinceSynonymAdmin(**store, c.sessions.clock, c.catalogue).Retire(account->login, *id);
  if (!retired) return ErrorResponse(retired.error());
  return JsonResponse(Status::ok, SynonymJson(*retired));
}

}  // namespace

void AddSearchSynonymsApi(Router& router, const SearchSynonymsApiContext& context) {
  router.Add(Method::get, "/api/v1/search/synonyms",
             RouteHandler([context](const Request& request, const PathParams&) { return List(context, request); }));
  router.Add(Method::post, "/api/v1/search/synonyms",
             RouteHandler([context](const Request& request, const PathParams&) { return Add(context, request); }));
  router.Add(Method::post, "/api/v1/search/synonyms/{id}/retire",
             RouteHandler([context](const Request& request, const PathParams& params) {
               return Retire(context, request, params);
             }));
}

}  // namespace motcua::http
