#pragma once
// The request gate of `motcua serve` (request_gate.h): a request that announces a large body (more than
// `free_body_bytes`, or chunked, whose size is unknown) to a route that needs a signed-in session is answered at
// once with the 401 its handler would give — missing, unknown, expired or revoked token — before its body is
// read. The session is checked by RequestAccount (request_account.h), the very check of every authenticated
// handler, so the rules live in one place and the refusal is logged the same way (auth_refused).
//
// Small bodies (JSON requests) go by unchecked: their handler checks the session anyway, and checking them here
// too would read the store twice per request. A large body is checked twice (here and by its handler): two
// indexed reads beside megabytes of upload. Every route with a body needs a session except the login
// (POST /api/v1/sessions), whose body is small; a bigger one gets 401 here rather than 413 from the body limit.
// Thread-safety: as RequestAccount (the calling thread's store from the provider).
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "http/request_gate.h"
#include "http/session_api.h"

namespace motcua::http {

struct SignInGateRules {
  // Bodies up to this many bytes pass unchecked: every JSON body of the API fits; a document scan does not.
  std::size_t free_body_bytes = 64 * 1024;
  // (method, exact path) of the routes that take a body without a session: the login.
  std::vector<std::pair<Method, std::string>> public_routes = {{Method::post, "/api/v1/sessions"}};
};

// `context` is copied; the objects it refers to must outlive the gate.
RequestGate MakeSignInGate(const SessionApiContext& context, SignInGateRules rules = {});

}  // namespace motcua::http
