#pragma once
// The accounts of motcua as the administration screen manages them (app/accounts.h), administrator only:
//
//   GET  /api/v1/users                   every account, in login order → 200 {"items":[user]}
//   POST /api/v1/users                   {"login","role","units"?,"display_name"?,"citizen_id"?,"password"}
//                                        → 201 the user
//   POST /api/v1/users/{login}/disable   → 200 the user; its sessions are revoked
//   POST /api/v1/users/{login}/password  {"password"} → 200 the user; its sessions are revoked
//
// A user is {"login","display_name","role","role_label","units","citizen_id","disabled"}; password hashes never
// leave the store. Any other role gets 403 on "role" (logged with LogDenial) before its body is read; no
// session is 401. Bodies are strict JSON (json_body.h); the disable body may be empty or {}. An administrator
// cannot disable their own account (409 on "login"), so that the last one cannot lock everyone out.
// Thread-safety: handlers run on every server thread, each with its own store from the provider.
#include "http/router.h"
#include "http/session_api.h"

namespace motcua::http {

// Registers the routes above; `context` is copied, the objects it refers to must outlive the router.
void AddUsersApi(Router& router, const SessionApiContext& context);

}  // namespace motcua::http
