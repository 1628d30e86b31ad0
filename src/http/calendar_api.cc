#include "http/calendar_api.h"

#include <nlohmann/json.hpp>

#include "app/agency_registry.h"
#include "app/calendar_admin.h"
#include "app/live_calendar.h"
#include "http/json_body.h"
#include "http/json_response.h"
#include "http/query_params.h"
#include "http/request_account.h"

namespace motcua::http {
namespace {

using nlohmann::json;

json DayJson(const CalendarEntry& e, std::string_view source) {
  return {{"date", FormatIsoDate(e.date)},
          {"kind", DayKindName(e.kind)},
          {"name", e.name_vi},
          {"is_day_off", e.is_day_off ? json(*e.is_day_off) : json(nullptr)},
          {"source", source}};
}

// {"date","kind","name"}: all required; the date and kind must parse (InvalidArgument naming them).
Result<CalendarEntry> ParseDay(std::string_view text) {
  auto body = JsonBody::Parse(text);
  if (!body) return Fail(body.error());
  JsonObject root = body->Root();
  const std::string date = root.RequiredString("date", 10);
  const std::string kind = root.RequiredString("kind", 40);
  CalendarEntry entry;
  entry.name_vi = root.RequiredString("name", app::kMaxCalendarNameBytes);
  if (auto done = body->Finish(); !done) return Fail(done.error());
  auto day = ParseIsoDate(date, "date");
  if (!day) return Fail(day.error());
  entry.date = *day;
  const auto parsed_kind = ParseDayKind(kind);
  if (!parsed_kind) {
    return Fail(Error::InvalidArgument(
        "kind",
        "loại ngày không hợp lệ '" + kind + "' (ví dụ: compensatory_day_off, swapped_day_off, makeup_working_day)",
        "unknown day kind '" + kind + "' (e.g. compensatory_day_off, swapped_day_off, makeup_working_day)"));
  }
  entry.kind = *parsed_kind;
  return entry;
}

Response ListDays(const SessionApiContext& c, const Request& request) {
  auto query = QueryParams::ParseKnown(ToStd(request.target()), {"year"});
  if (!query) return ErrorResponse(query.error());
  if (auto given = query->Require("year"); !given) return ErrorResponse(given.error());
  auto year = query->GetInt("year", 0, 1900, 9999);
  if (!year) return ErrorResponse(year.error());
  auto store = c.stores.ForThisThread();
  if (!store) return ErrorResponse(store.error());
  auto days = app::CalendarAdmin(**store).DaysOfYear(*year);
  if (!days) return ErrorResponse(days.error());
  json items = json::array();
  for (const auto& day : *days) items.push_back(DayJson(day.entry, day.source));
  return JsonResponse(Status::ok, {{"year", *year}, {"items", std::move(items)}});
}

Response SaveDay(const SessionApiContext& c, app::LiveCalendar& calendar, const Request& request) {
  auto account = RequestAccount(c, request);
  if (!account) return ErrorResponse(account.error());
  if (auto query = QueryParams::ParseKnown(ToStd(request.target()), {}); !query) return ErrorResponse(query.error());
  // The role is checked before the body is looked at, like the other administrator routes.
  if (auto allowed = app::RequireAdministrator(*account); !allowed) {
    LogDenial(*account, request, allowed.error());
    return ErrorResponse(allowed.error());
  }
  auto entry = ParseDay(request.body());
  if (!entry) return ErrorResponse(entry.error());
  auto store = c.stores.ForThisThread();
  if (!store) return ErrorResponse(store.error());
  auto saved = app::CalendarAdmin(**store).SaveCalendarDay(*account, *entry);
  if (!saved) {
    if (saved.error().code == ErrorCode::kPermissionDenied) LogDenial(*account, request, saved.error());
    return ErrorResponse(saved.error());
  }
  // The day counts from the next request. Saved but not reloaded would leave the server counting on the old
  // calendar without a word: that is reported (the day stays saved and counts from the next start).
  if (auto reloaded = calendar.Reload(**store); !reloaded) return ErrorResponse(reloaded.error());
  return JsonResponse(Status::ok, {{"day", DayJson(*saved, "admin")}});
}

}  // namespace

void AddCalendarApi(Router& router, const SessionApiContext& context, app::LiveCalendar& calendar) {
  router.Add(Method::get, "/api/v1/calendar", [context](const Request& request) { return ListDays(context, request); });
  router.Add(Method::post, "/api/v1/calendar/days",
             [context, &calendar](const Request& request) { return SaveDay(context, calendar, request); });
}

}  // namespace motcua::http
