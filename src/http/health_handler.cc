#include "http/health_handler.h"

#include <utility>

#include "http/json_response.h"

namespace motcua::http {

Handler MakeHealthHandler(std::string version) {
  return [version = std::move(version)](const Request&) {
    return JsonResponse(Status::ok, {{"status", "ok"}, {"version", version}});
  };
}

Router MakeFoundationRouter(std::string_view version) {
  Router router;
  router.Add(Method::get, "/healthz", MakeHealthHandler(std::string(version)));
  return router;
}

}  // namespace motcua::http
