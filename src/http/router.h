#pragma once
// The route table (STYLE.md §6: routes live in one table): an exact path plus a method selects one Handler.
// The query string is ignored for matching. An unknown path gets 404 and a known path with another method
// gets 405 with an Allow header, both with the JSON error body of json_response.h.
//
// Built once at start-up, then only read: Handle() is const and safe to call from many threads; Add() is not
// and must finish before the server starts. Copyable, so it can be passed wherever a Handler is expected.
#include <map>
#include <string>
#include <string_view>

#include "http/http_types.h"

namespace motcua::http {

class Router {
 public:
  // Registers `handler` for `method` on `path` (exact match, e.g. "/healthz"). Registering the same method and
  // path twice is a programming error: throws std::logic_error.
  void Add(Method method, std::string path, Handler handler);

  // The response of the matching handler, or 404 / 405.
  Response Handle(const Request& request) const;
  Response operator()(const Request& request) const { return Handle(request); }

 private:
  using MethodTable = std::map<Method, Handler>;
  static Response MethodNotAllowed(const Request& request, const MethodTable& methods);

  std::map<std::string, MethodTable, std::less<>> routes_;
};

// The path part of a request target: "/a/b?x=1" -> "/a/b".
std::string_view PathOf(std::string_view target);

}  // namespace motcua::http
