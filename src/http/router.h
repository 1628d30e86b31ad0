#pragma once
// The route table (STYLE.md §6: routes live in one table): a path pattern plus a method selects one handler.
// A pattern is a path whose segments are literals or `{name}` parameters: "/api/v1/procedures/{code}" matches
// "/api/v1/procedures/1.001193" with code = "1.001193" (percent-decoded; a parameter that does not decode to
// UTF-8 gets 400 naming it). When several patterns match, the one with a literal segment at the first position
// where they differ wins ("/units/legacy/{x}" beats "/units/{a}/{x}"). The query string is ignored for
// matching. An unknown path gets 404 (error field "path") and a known path with another method gets 405 (field
// "method") with an Allow header, both with the JSON error body of json_response.h.
//
// Built once at start-up, then only read: Handle() and Dispatch() are const and safe to call from many threads;
// Add() is not and must finish before the server starts. Copyable, so it can be passed wherever a Handler is
// expected.
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "http/http_types.h"

namespace motcua::http {

// The captured `{name}` segments of the matched pattern, decoded.
class PathParams {
 public:
  // The value of `name`; empty when the pattern has no such parameter.
  std::string_view Get(std::string_view name) const;
  void Set(std::string name, std::string value) { values_[std::move(name)] = std::move(value); }

 private:
  std::map<std::string, std::string, std::less<>> values_;
};

// A handler that reads path parameters.
using RouteHandler = std::function<Response(const Request&, const PathParams&)>;

// What Dispatch() did: the response, and the pattern that matched (for metrics; kUnmatchedRoute when none).
struct Routed {
  Response response;
  std::string_view pattern;
};
inline constexpr std::string_view kUnmatchedRoute = "unmatched";
// The route of a request the server refused before routing (malformed HTTP, body or header too large).
inline constexpr std::string_view kRejectedRoute = "(rejected)";

class Router {
 public:
  // Registers `handler` for `method` on `pattern`. Registering the same method and pattern twice, or a
  // pattern not starting with '/', is a programming error: throws std::logic_error.
  void Add(Method method, std::string pattern, RouteHandler handler);
  void Add(Method method, std::string pattern, Handler handler);

  // The response of the matching handler, or 404 / 405 / 400 (undecodable path parameter).
  Routed Dispatch(const Request& request) const;
  Response Handle(const Request& request) const { return Dispatch(request).response; }
  Response operator()(const Request& request) const { return Handle(request); }

  // Every registered (pattern, method), in registration order: what the OpenAPI document must describe.
  std::vector<std::pair<std::string, Method>> Routes() const;

 private:
  using MethodTable = std::map<Method, RouteHandler>;
  struct Route {
    std::string pattern;
    std::vector<std::string> segments;  // "{name}" for a parameter
    MethodTable methods;
  };
  const Route* Match(const std::vector<std::string_view>& segments) const;
  static Response MethodNotAllowed(const Request& request, const MethodTable& methods);

  std::vector<Route> routes_;
};

// The path part of a request target: "/a/b?x=1" -> "/a/b".
std::string_view PathOf(std::string_view target);

}  // namespace motcua::http
