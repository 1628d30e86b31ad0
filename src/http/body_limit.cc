#include "http/body_limit.h"

#include <algorithm>

#include "domain/document_file.h"
#include "http/router.h"

namespace motcua::http {

std::size_t BodyLimitFor(const std::vector<BodyLimitRule>& rules, Method method, std::string_view target,
                         std::size_t fallback) {
  const std::string_view path = PathOf(target);
  for (const BodyLimitRule& rule : rules) {
    if (rule.method == method && rule.path == path) return rule.max_bytes;
  }
  return fallback;
}

std::size_t LargestBodyLimit(const std::vector<BodyLimitRule>& rules, std::size_t fallback) {
  std::size_t largest = fallback;
  for (const BodyLimitRule& rule : rules) largest = std::max(largest, rule.max_bytes);
  return largest;
}

std::vector<BodyLimitRule> DefaultBodyLimitRules() { return {{Method::post, "/api/v1/files", kMaxDocumentBytes}}; }

}  // namespace motcua::http
