#pragma once
// The liveness probe and the router of the foundation server. GET /healthz answers 200
// {"status":"ok","version":"<version>"} as long as the process serves HTTP; it touches no store, so a load
// balancer can call it often. The server registers /metrics and /api/v1/... beside it (serve_command.cc).
#include <string>
#include <string_view>

#include "http/http_types.h"
#include "http/router.h"

namespace motcua::http {

// The version reported by /healthz: project(VERSION) in CMakeLists.txt.
inline constexpr std::string_view kServerVersion = MOTCUA_VERSION;

// A handler for GET /healthz that reports `version`.
Handler MakeHealthHandler(std::string version);

// The router of the foundation server: GET /healthz only.
Router MakeFoundationRouter(std::string_view version = kServerVersion);

}  // namespace motcua::http
