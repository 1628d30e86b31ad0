#pragma once
// Who is asking: the account behind a request's "Authorization: Bearer TOKEN", for every endpoint that needs
// a login. Unauthenticated (401) when the header is missing or the session is not valid; the refusal is
// logged with the request target (never the token).
// Thread-safety: as the SessionApiContext's objects (the calling thread's store from the provider).
#include "domain/account.h"
#include "http/http_types.h"
#include "http/session_api.h"

namespace motcua::http {

Result<Account> RequestAccount(const SessionApiContext& context, const Request& request);

// Logs a refusal of `account` (a 403 from the access rules): who, which request, and why.
void LogDenial(const Account& account, const Request& request, const Error& error);

}  // namespace motcua::http
