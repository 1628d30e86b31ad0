#pragma once
// The public part of the JSON API: what anyone may ask without logging in. Every handler parses the request into
// plain values, calls one use case of src/app and maps its result; errors use the JSON error body of
// json_response.h and name the parameter at fault (an unknown query parameter is a 400 too).
//
//   GET /api/v1/units?province=04               the province and its communes
//   GET /api/v1/units/legacy/{old_code}         where a pre-2025 commune went ("unique", "needs_decision",
//                                               "unknown")
//   GET /api/v1/procedures?q=&level=&limit=     procedure search (limit 1..100, default 10)
//   GET /api/v1/procedures/{code}               one procedure with its channels and components, and the
//                                               province's settings ("settings", null when none)
//   GET /api/v1/catalogue/fee-contradictions    channels flagged free whose fee text names amounts, for the
//                                               administrator to settle ({"items": [{code, name, channel,
//                                               fee_text, fee_amounts_vnd}]})
//   GET /api/v1/assistant?q=&prefer_level=      a question answered from the catalogue (assistant_api.h)
//   GET /api/v1/track/{dossier_code}            public tracking, no personal data: {code, status, status_label,
//                                               details}; details (procedure, dates, standing, timeliness)
//                                               only with the receipt PIN in the header Receipt-Pin (a wrong
//                                               PIN is a 403 naming "pin"); lookups are rate-limited per client
//
// Thread-safety: the handlers are called from every server thread; each uses the calling thread's store from
// the StoreProvider and only reads the shared ProcedureCatalogue, Clock and DeadlinePolicy.
#include "app/answer_rephraser.h"
#include "app/clock.h"
#include "app/procedure_catalogue.h"
#include "app/receipt_pins.h"
#include "domain/deadline_rules.h"
#include "http/rate_limiter.h"
#include "http/router.h"
#include "store/store_provider.h"

namespace motcua::http {

// What the public handlers use; everything referred to must outlive the router.
struct PublicApiContext {
  store::StoreProvider& stores;
  const app::ProcedureCatalogue& procedures;
  const app::Clock& clock;         // "now", for whether a dossier is overdue
  const DeadlinePolicy& policy;    // how a completed dossier is judged early, on time or late
  RateLimiter& assistant_limiter;  // questions per client address to /api/v1/assistant (assistant_api.h)
  RateLimiter& tracking_limiter;   // lookups per client address to /api/v1/track: codes are sequential
  const app::ReceiptPins& pins;    // the PIN printed beside each code
  const app::AnswerRephraser* assistant_rephraser = nullptr;  // the assistant's language model; nullptr: off
};

// Registers the routes above on `router`.
void AddPublicApi(Router& router, const PublicApiContext& context);

}  // namespace motcua::http
