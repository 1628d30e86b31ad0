#include "http/registry_api.h"

#include <nlohmann/json.hpp>

#include "app/agency_registry.h"
#include "http/json_body.h"
#include "http/json_response.h"
#include "http/query_params.h"
#include "http/request_account.h"

namespace motcua::http {
namespace {

using nlohmann::json;

json AgencyJson(const Agency& a) { return {{"id", a.id}, {"name", a.name}, {"unit", a.unit}}; }

json PointJson(const ReceivingPoint& p) {
  return {{"id", p.id}, {"name", p.name}, {"unit", p.unit}, {"agency_id", p.agency_id}, {"address", p.address}};
}

template <typename T, typename ToJson>
json ItemsJson(const std::vector<T>& items, ToJson&& to_json) {
  json array = json::array();
  for (const T& item : items) array.push_back(to_json(item));
  return {{"items", std::move(array)}};
}

// Field limits are those of domain/agency.h; the domain validates the characters.
Result<Agency> ParseAgency(std::string_view text) {
  auto body = JsonBody::Parse(text);
  if (!body) return Fail(body.error());
  JsonObject root = body->Root();
  Agency agency{root.RequiredString("id", 40), root.RequiredString("name", 300), root.RequiredString("unit", 5)};
  if (auto done = body->Finish(); !done) return Fail(done.error());
  return agency;
}

Result<ReceivingPoint> ParsePoint(std::string_view text) {
  auto body = JsonBody::Parse(text);
  if (!body) return Fail(body.error());
  JsonObject root = body->Root();
  ReceivingPoint point{root.RequiredString("id", 64), root.RequiredString("name", 300), root.RequiredString("unit", 5),
                       root.RequiredString("agency_id", 40), root.OptionalString("address", 300)};
  if (auto done = body->Finish(); !done) return Fail(done.error());
  return point;
}

// GET: public, an optional "unit" filter.
template <typename List, typename ToJson>
Handler ListHandler(const SessionApiContext& c, List list, ToJson to_json) {
  return [c, list, to_json](const Request& request) {
    auto query = QueryParams::ParseKnown(ToStd(request.target()), {"unit"});
    if (!query) return ErrorResponse(query.error());
    auto store = c.stores.ForThisThread();
    if (!store) return ErrorResponse(store.error());
    app::AgencyRegistry registry(**store);
    const auto unit = query->Get("unit");
    auto items = list(registry, unit ? std::optional<std::string>(*unit) : std::nullopt);
    if (!items) return ErrorResponse(items.error());
    return JsonResponse(Status::ok, ItemsJson(*items, to_json));
  };
}

// POST: the administrator saves one entry.
template <typename Parse, typename Save, typename ToJson>
Handler SaveHandler(const SessionApiContext& c, Parse parse, Save save, ToJson to_json) {
  return [c, parse, save, to_json](const Request& request) {
    auto account = RequestAccount(c, request);
    if (!account) return ErrorResponse(account.error());
    if (auto query = QueryParams::ParseKnown(ToStd(request.target()), {}); !query) return ErrorResponse(query.error());
    auto entry = parse(request.body());
    if (!entry) return ErrorResponse(entry.error());
    auto store = c.stores.ForThisThread();
    if (!store) return ErrorResponse(store.error());
    app::AgencyRegistry registry(**store);
    auto saved = save(registry, *account, *entry);
    if (!saved) {
      if (saved.error().code == ErrorCode::kPermissionDenied) LogDenial(*account, request, saved.error());
      return ErrorResponse(saved.error());
    }
    return JsonResponse(Status::ok, to_json(*saved));
  };
}

}  // namespace

void AddRegistryApi(Router& router, const SessionApiContext& context) {
  router.Add(Method::get, "/api/v1/agencies",
             ListHandler(
                 context, [](app::AgencyRegistry& r, const auto& unit) { return r.Agencies(unit); }, AgencyJson));
  router.Add(
      Method::post, "/api/v1/agencies",
      SaveHandler(
          context, ParseAgency,
          [](app::AgencyRegistry& r, const Account& by, const Agency& a) { return r.SaveAgency(by, a); }, AgencyJson));
  router.Add(Method::get, "/api/v1/receiving-points",
             ListHandler(
                 context, [](app::AgencyRegistry& r, const auto& unit) { return r.Points(unit); }, PointJson));
  router.Add(Method::post, "/api/v1/receiving-points",
             SaveHandler(
                 context, ParsePoint,
                 [](app::AgencyRegistry& r, const Account& by, const ReceivingPoint& p) { return r.SavePoint(by, p); },
                 PointJson));
}

}  // namespace motcua::http
