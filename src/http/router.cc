#include "http/router.h"

#include <stdexcept>
#include <utility>

#include "http/json_response.h"

namespace motcua::http {

std::string_view PathOf(std::string_view target) { return target.substr(0, target.find('?')); }

void Router::Add(Method method, std::string path, Handler handler) {
  auto [it, inserted] = routes_[path].emplace(method, std::move(handler));
  if (!inserted) {
    throw std::logic_error("route registered twice: " + std::string(ToStd(beast_http::to_string(method))) + " " + path);
  }
}

Response Router::Handle(const Request& request) const {
  const std::string_view path = PathOf(ToStd(request.target()));
  const auto route = routes_.find(path);
  if (route == routes_.end()) {
    return ErrorResponse(Status::not_found, "not_found", "Không tìm thấy đường dẫn " + std::string(path),
                         "no such path: " + std::string(path));
  }
  const auto handler = route->second.find(request.method());
  if (handler == route->second.end()) return MethodNotAllowed(request, route->second);
  return handler->second(request);
}

Response Router::MethodNotAllowed(const Request& request, const MethodTable& methods) {
  std::string allowed;
  for (const auto& [method, handler] : methods) {
    if (!allowed.empty()) allowed += ", ";
    allowed += ToStd(beast_http::to_string(method));
  }
  const std::string method(ToStd(request.method_string()));
  Response response = ErrorResponse(Status::method_not_allowed, "method_not_allowed",
                                    "Phương thức " + method + " không được hỗ trợ; dùng " + allowed,
                                    "method " + method + " not allowed; use " + allowed);
  // RFC 9110 §15.5.6: a 405 must list the methods the resource supports.
  response.set(beast_http::field::allow, allowed);
  return response;
}

}  // namespace motcua::http
