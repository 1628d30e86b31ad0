#pragma once
// Per-route limits on a request body. Every request is read whole into memory before its handler runs, so the
// server's limit (ServerOptions::max_body_bytes, 1 MiB) stays small for the JSON routes; a route that takes
// files (the document upload) names a larger limit here, matched once the request's header is read and before
// any of its body is. Plain values and free functions: thread-safe.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "http/http_types.h"

namespace motcua::http {

struct BodyLimitRule {
  Method method = Method::post;
  std::string path;  // the exact path, without the query string
  std::size_t max_bytes = 0;
};

// The limit for a request with `method` and `target`: the first rule naming both, else `fallback`.
std::size_t BodyLimitFor(const std::vector<BodyLimitRule>& rules, Method method, std::string_view target,
                         std::size_t fallback);

// The largest limit of the rules and `fallback`: what the parser must allow while the header is read.
std::size_t LargestBodyLimit(const std::vector<BodyLimitRule>& rules, std::size_t fallback);

// The routes of motcua that take more than the default: POST /api/v1/files (domain/document_file.h's limit).
std::vector<BodyLimitRule> DefaultBodyLimitRules();

}  // namespace motcua::http
