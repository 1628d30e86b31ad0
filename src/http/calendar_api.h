#pragma once
// The work calendar (app/calendar_admin.h):
//
//   GET  /api/v1/calendar?year=2026   public: the year's days off and make-up working days,
//                                     {"year", "items": [{"date","kind","name","is_day_off","source"}]}
//   POST /api/v1/calendar/days        administrator: {"date","kind","name"} adds the day or replaces the one
//                                     with its date → 200 {"day": {...}}
//
// A saved day counts in deadlines from the next request (app/live_calendar.h). Bodies are strict JSON
// (json_body.h).
// Thread-safety: handlers run on every server thread, each with its own store from the provider.
#include "app/live_calendar.h"
#include "http/router.h"
#include "http/session_api.h"

namespace motcua::http {

void AddCalendarApi(Router& router, const SessionApiContext& context, app::LiveCalendar& calendar);

}  // namespace motcua::http
