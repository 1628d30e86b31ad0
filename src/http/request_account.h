#pragma once
// Who is asking: the account behind a request's "Authorization: Bearer TOKEN", for every endpoint that needs
// a login. Unauthenticated (401) when the header is missing or the session is not valid; the refusal is
// logged with the request target (never the token). The login found is noted for the access log
// (request_notes.h). Log lines are logfmt (log_line.h) and carry the request's ID, like the access line:
//   auth_refused request_id="9c41d2e0-18" method="GET" target="/api/v1/inbox" who="-" reason="login required ..."
//   access_denied request_id="9c41d2e0-19" login="tn.hoabinh" role="receptionist" method="GET"
//                 target="/api/v1/dossiers/000.00.25.H52-260112-0001" field="unit" reason="..."
// Thread-safety: as the SessionApiContext's objects (the calling thread's store from the provider).
#include <string>
#include <string_view>

#include "domain/account.h"
#include "http/http_types.h"
#include "http/session_api.h"

namespace motcua::http {

Result<Account> RequestAccount(const SessionApiContext& context, const Request& request);

// Logs a refusal of `account` (a 403 from the access rules): who, which request, and why.
void LogDenial(const Account& account, const Request& request, const Error& error);

// The error response for `account`'s request; a denial by the access rules (403) is logged first (LogDenial).
Response AccountFailure(const Account& account, const Request& request, const Error& error);

// Logs a refused authentication (a 401, a failed login) of `who` ("-" when unknown) and why.
void LogAuthRefused(const Request& request, std::string_view who, const Error& error);

// The ID the server gave `request` (kRequestIdHeader), "-" outside a server.
std::string RequestIdOf(const Request& request);

}  // namespace motcua::http
