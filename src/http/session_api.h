#pragma once
// Logging in and out over HTTP, and asking who one is:
//
//   POST   /api/v1/sessions          {"login","password"} → 201 {"token","expires_at","account"}
//   GET    /api/v1/me                the account of the session (header "Authorization: Bearer TOKEN")
//   DELETE /api/v1/sessions/current  logs the session out → 204
//
// A failed login, a missing, unknown, expired or revoked token are 401 with the JSON error body; the
// body of a login must be a JSON object with exactly those two string fields (anything else is a 400
// naming the field). Every refusal is logged (login name and reason, never the password or the token).
// Too many failed logins from one address are a 429 (app/login_throttle.h); more logins at once than the
// password hashing allows are a 503 with Retry-After: 1 (app/hashing_gate.h).
// Thread-safety: handlers run on every server thread, each with its own store from the StoreProvider;
// the hasher and the token source are stateless.
#include "app/accounts.h"
#include "app/clock.h"
#include "app/hashing_gate.h"
#include "app/login_throttle.h"
#include "app/password_hasher.h"
#include "app/token_source.h"
#include "http/router.h"
#include "store/store_provider.h"

namespace motcua::http {

struct SessionApiContext {
  store::StoreProvider& stores;
  const app::Clock& clock;
  app::PasswordHasher& hasher;
  app::TokenSource& tokens;
  app::LoginThrottle& login_throttle;  // failed logins per client address (app/login_throttle.h)
  app::HashingGate& hashing;           // password hashes at once (app/hashing_gate.h)
  app::AccountSettings settings;
};

// Registers the routes above; `context` is copied, the objects it refers to must outlive the router.
void AddSessionApi(Router& router, const SessionApiContext& context);

// The token of "Authorization: Bearer TOKEN", or Unauthenticated naming "authorization".
Result<std::string> BearerToken(const Request& request);

}  // namespace motcua::http
