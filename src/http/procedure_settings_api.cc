#include "http/procedure_settings_api.h"

#include <string>

#include "app/agency_registry.h"
#include "app/procedure_settings_admin.h"
#include "http/json_body.h"
#include "http/json_response.h"
#include "http/query_params.h"
#include "http/request_account.h"

namespace motcua::http {
namespace {

using nlohmann::json;

constexpr std::size_t kShortText = 300;
constexpr std::string_view kChannels = "direct, online, postal";
constexpr std::string_view kTimeUnits = "working_day, day, working_hour, hour, month";

ChannelTime ReadTime(JsonObject item) {
  ChannelTime time;
  const std::string channel = item.RequiredString("channel", kShortText);
  if (auto parsed = ParseChannel(channel)) {
    time.channel = *parsed;
  } else if (!channel.empty()) {
    item.Reject("channel", "phải là một trong: " + std::string(kChannels), "must be one of: " + std::string(kChannels));
  }
  time.amount = item.RequiredNumber("amount", 0, kMaxSettingAmount);
  const std::string unit = item.RequiredString("unit", kShortText);
  if (auto parsed = ParseTimeUnit(unit)) {
    time.unit = *parsed;
  } else if (!unit.empty()) {
    item.Reject("unit", "phải là một trong: " + std::string(kTimeUnits), "must be one of: " + std::string(kTimeUnits));
  }
  return time;
}

WorkflowStep ReadStep(JsonObject item) {
  WorkflowStep step;
  step.name = item.RequiredString("name", kMaxStepNameBytes);
  const std::string role = item.RequiredString("role", kShortText);
  if (auto parsed = ParseRole(role)) {
    step.role = *parsed;
  } else if (!role.empty()) {
    item.Reject("role", "phải là receptionist, specialist hoặc leader", "must be receptionist, specialist or leader");
  }
  step.share_percent = static_cast<int>(item.RequiredInt("share_percent", 0, 100));
  return step;
}

Result<ProcedureSettings> ParseSettings(std::string_view text, std::string code) {
  auto body = JsonBody::Parse(text, EmptyBody::kIsEmptyObject);
  if (!body) return Fail(body.error());
  JsonObject root = body->Root();
  ProcedureSettings settings;
  settings.procedure_code = std::move(code);
  for (JsonObject item : root.OptionalObjectArray("processing_times", 3))
    settings.processing_times.push_back(ReadTime(item));
  for (JsonObject item : root.OptionalObjectArray("steps", kMaxWorkflowSteps)) settings.steps.push_back(ReadStep(item));
  settings.boundaryless = root.OptionalBool("boundaryless");
  if (auto done = body->Finish(); !done) return Fail(done.error());
  return settings;
}

Response SaveSettings(const SessionApiContext& c, const Request& request, const PathParams& params) {
  auto account = RequestAccount(c, request);
  if (!account) return ErrorResponse(account.error());
  if (auto query = QueryParams::ParseKnown(ToStd(request.target()), {}); !query) return ErrorResponse(query.error());
  // The role is checked before the body is looked at, like the other administrator routes.
  if (auto allowed = app::RequireAdministrator(*account); !allowed) {
    LogDenial(*account, request, allowed.error());
    return ErrorResponse(allowed.error());
  }
  auto settings = ParseSettings(request.body(), std::string(params.Get("code")));
  if (!settings) return ErrorResponse(settings.error());
  auto store = c.stores.ForThisThread();
  if (!store) return ErrorResponse(store.error());
  auto saved = app::ProcedureSettingsAdmin(**store, c.clock).Save(*account, std::move(*settings));
  if (!saved) return ErrorResponse(saved.error());
  return JsonResponse(Status::ok, ProcedureSettingsJson(*saved));
}

}  // namespace

json ProcedureSettingsJson(const ProcedureSettings& s) {
  json times = json::array();
  for (const ChannelTime& t : s.processing_times) {
    times.push_back({{"channel", ChannelName(t.channel)}, {"amount", t.amount}, {"unit", TimeUnitName(t.unit)}});
  }
  json steps = json::array();
  for (const WorkflowStep& step : s.steps) {
    steps.push_back({{"name", step.name}, {"role", RoleName(step.role)}, {"share_percent", step.share_percent}});
  }
  return {{"processing_times", std::move(times)},
          {"steps", std::move(steps)},
          {"boundaryless", s.boundaryless ? json(*s.boundaryless) : json(nullptr)},
          {"updated_by", s.updated_by},
          {"updated_at", FormatIsoLocal(s.updated_at)}};
}

void AddProcedureSettingsApi(Router& router, const SessionApiContext& context) {
  router.Add(Method::put, "/api/v1/procedures/{code}/settings",
             RouteHandler([context](const Request& request, const PathParams& params) {
               return SaveSettings(context, request, params);
             }));
}

}  // namespace motcua::http
