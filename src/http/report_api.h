#pragma once
// Reports over HTTP (app/periodic_reports.h), for the center's director, the competent units' leaders, the
// province's supervisors and the administrator:
//
//   GET /api/v1/reports?unit=05152|province=25&from=2025-07-01&to=2025-09-30[&by=field|procedure|official|unit|
//       agency|channel][&side=receiving|competent][&agency=ID][&format=json|csv]
//   GET /api/v1/reports/ranking?province=25&from=&to=[&side=][&format=json|csv]   communes by the 766 index
//
// `to` is the period's last day, included. A director or leader may report on their own units; a supervisor on
// their province and its communes; anyone else gets 403 (logged). CSV is UTF-8 with a byte-order mark, as
// a spreadsheet opens it (Content-Disposition: attachment).
// Thread-safety: handlers run on every server thread, each with its own store.
#include "app/clock.h"
#include "http/router.h"
#include "http/session_api.h"

namespace motcua::http {

void AddReportApi(Router& router, const SessionApiContext& context);

}  // namespace motcua::http
