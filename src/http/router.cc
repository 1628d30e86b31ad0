#include "http/router.h"

#include <stdexcept>
#include <utility>

#include "http/json_response.h"
#include "http/query_params.h"

namespace motcua::http {
namespace {

std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> segments;
  if (path.starts_with('/')) path.remove_prefix(1);
  while (true) {
    const auto slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) return segments;
    path.remove_prefix(slash + 1);
  }
}

bool IsParameter(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

std::string_view ParameterName(std::string_view segment) { return segment.substr(1, segment.size() - 2); }

// True when `a` is more specific than `b`: a literal segment where `b` has a parameter, at the first
// position where they differ in kind.
bool MoreSpecific(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (IsParameter(a[i]) != IsParameter(b[i])) return !IsParameter(a[i]);
  }
  return false;
}

}  // namespace

std::string_view PathOf(std::string_view target) { return target.substr(0, target.find('?')); }

std::string_view PathParams::Get(std::string_view name) const {
  const auto it = values_.find(name);
  return it == values_.end() ? std::string_view() : std::string_view(it->second);
}

void Router::Add(Method method, std::string pattern, Handler handler) {
  Add(method, std::move(pattern),
      RouteHandler(
          [handler = std::move(handler)](const Request& request, const PathParams&) { return handler(request); }));
}

void Router::Add(Method method, std::string pattern, RouteHandler handler) {
  if (!pattern.starts_with('/')) throw std::logic_error("route pattern must start with '/': " + pattern);
  Route* route = nullptr;
  for (Route& existing : routes_) {
    if (existing.pattern == pattern) route = &existing;
  }
  if (route == nullptr) {
    Route added{pattern, {}, {}};
    for (std::string_view segment : SplitPath(pattern)) added.segments.emplace_back(segment);
    route = &routes_.emplace_back(std::move(added));
  }
  if (!route->methods.emplace(method, std::move(handler)).second) {
    throw std::logic_error("route registered twice: " + std::string(ToStd(beast_http::to_string(method))) + " " +
                           pattern);
  }
}

const Router::Route* Router::Match(const std::vector<std::string_view>& segments) const {
  const Route* best = nullptr;
  for (const Route& route : routes_) {
    if (route.segments.size() != segments.size()) continue;
    bool matches = true;
    for (std::size_t i = 0; i < segments.size() && matches; ++i) {
      matches = IsParameter(route.segments[i]) ? !segments[i].empty() : route.segments[i] == segments[i];
    }
    if (matches && (best == nullptr || MoreSpecific(route.segments, best->segments))) best = &route;
  }
  return best;
}

Routed Router::Dispatch(const Request& request) const {
  const std::string_view path = PathOf(ToStd(request.target()));
  const std::vector<std::string_view> segments = SplitPath(path);
  const Route* route = Match(segments);
  if (route == nullptr) {
    return {ErrorResponse(Status::not_found, "not_found", "Không tìm thấy đường dẫn " + std::string(path),
                          "no such path: " + std::string(path), "path"),
            kUnmatchedRoute};
  }
  const auto handler = route->methods.find(request.method());
  if (handler == route->methods.end()) return {MethodNotAllowed(request, route->methods), route->pattern};
  PathParams params;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (!IsParameter(route->segments[i])) continue;
    const std::string name(ParameterName(route->segments[i]));
    auto value = PercentDecode(segments[i], name, /*plus_is_space=*/false);
    if (!value) return {ErrorResponse(value.error()), route->pattern};
    params.Set(name, std::move(*value));
  }
  return {handler->second(request, params), route->pattern};
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
                                    "method " + method + " not allowed; use " + allowed, "method");
  // RFC 9110 §15.5.6: a 405 must list the methods the resource supports.
  response.set(beast_http::field::allow, allowed);
  return response;
}

std::vector<std::pair<std::string, Method>> Router::Routes() const {
  std::vector<std::pair<std::string, Method>> listed;
  for (const Route& route : routes_) {
    for (const auto& [method, handler] : route.methods) listed.emplace_back(route.pattern, method);
  }
  return listed;
}

}  // namespace motcua::http
