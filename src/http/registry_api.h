#pragma once
// The register of agencies and receiving points (app/agency_registry.h):
//
//   GET  /api/v1/agencies?unit=05152            public: who decides, for a citizen submitting online
//   POST /api/v1/agencies                       administrator: {"id","name","unit"} → 200 the agency
//   GET  /api/v1/receiving-points?unit=05152    public
//   POST /api/v1/receiving-points               administrator: {"id","name","unit","agency_id","address"?}
//
// A POST saves the entry with its id (new, or changed). Bodies are strict JSON (json_body.h).
// Thread-safety: handlers run on every server thread, each with its own store from the provider.
#include "http/router.h"
#include "http/session_api.h"

namespace motcua::http {

void AddRegistryApi(Router& router, const SessionApiContext& context);

}  // namespace motcua::http
