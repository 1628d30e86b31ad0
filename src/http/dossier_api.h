#pragma once
// The staff and citizen API of dossiers; every route needs a login ("Authorization: Bearer TOKEN") and
// applies the access rules of domain/dossier_access.h (a denial is a 403 naming the reason, and is logged):
//
//   POST /api/v1/dossiers                       received complete at a counter → 201 the dossier
//   POST /api/v1/submissions                    submitted online / by post → 201 the dossier
//   GET  /api/v1/dossiers?unit=&agency=&status=a,b&procedure=&due_from=&due_to=&assignee=&applicant_id=
//                        &order=code|due&cursor=&limit=         a page of the dossiers the account may see
//   GET  /api/v1/dossiers/{code}                the dossier with its history
//   POST /api/v1/dossiers/{code}/{action}       accept, refuse-reception, assign, ... (dossier_requests.h)
//                                               → 200 the dossier after the action
//   GET  /api/v1/inbox?cursor=&limit=           what waits for the account, soonest appointment first
//
// Every POST may carry an "Idempotency-Key" header: a retry with the same key and body gets the first
// answer again (with "Idempotent-Replayed: true") and writes nothing (app/idempotent_requests.h).
// Bodies are parsed strictly (unknown fields, wrong types → 400 naming the field) before anything is read
// or written. Thread-safety: handlers run on every server thread, each with its own store from the provider;
// the settings and clock are shared read-only, the calendar is read once per request (app/live_calendar.h).
#include "app/clock.h"
#include "app/lifecycle_settings.h"
#include "app/live_calendar.h"
#include "app/receipt_pins.h"
#include "domain/work_calendar.h"
#include "http/router.h"
#include "http/session_api.h"
#include "store/store_provider.h"

namespace motcua::http {

struct DossierApiContext {
  store::StoreProvider& stores;
  const app::Clock& clock;
  app::LiveCalendar& calendar;
  const app::LifecycleSettings& settings;
  SessionApiContext sessions;    // to know who asks
  const app::ReceiptPins& pins;  // the receipt PIN shown with a dossier, for its slip
};

// Registers the routes above; the objects `context` refers to must outlive the router.
void AddDossierApi(Router& router, const DossierApiContext& context);

}  // namespace motcua::http
