#pragma once
// Reading a request's query string ("?q=dang+ky&limit=10") and percent-encoded path segments. Every value is
// percent-decoded ("+" is a space in a query) and must then be valid UTF-8; a malformed escape ("%4"), a byte
// sequence that is not UTF-8 ("%C3%28"), a parameter given twice or one the endpoint does not know is an
// InvalidArgument error whose field names the parameter, which json_response.h maps to 400.
// Plain values and free functions: thread-safe.
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "domain/error.h"

namespace motcua::http {

// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool IsValidUtf8(std::string_view text);

// `text` with %XX escapes decoded (and '+' as a space when `plus_is_space`), checked to be UTF-8. Errors name
// `field`.
Result<std::string> PercentDecode(std::string_view text, std::string_view field, bool plus_is_space);

class QueryParams {
 public:
  // The parameters of `target` (everything after the first '?'; none when there is no '?'). A key without '='
  // has the value "". Errors: a key or value that does not decode, an empty key ("?=x", naming "query"), or a
  // key given twice.
  static Result<QueryParams> Parse(std::string_view target);
  // Parse(), then OnlyThese(known): what an endpoint with a fixed set of parameters does first.
  static Result<QueryParams> ParseKnown(std::string_view target, std::initializer_list<std::string_view> known);

  // The value of `name`, or nullopt when absent.
  std::optional<std::string_view> Get(std::string_view name) const;

  // The value of `name`; InvalidArgument naming it when it is absent.
  Result<std::string> Require(std::string_view name) const;

  // InvalidArgument naming the first parameter (in key order) that is not in `known`.
  Result<void> OnlyThese(std::initializer_list<std::string_view> known) const;

  // The value of `name` as an integer in [min, max]; `fallback` when absent. InvalidArgument naming `name`
  // when it is not a decimal integer in that range.
  Result<int> GetInt(std::string_view name, int fallback, int min, int max) const;

 private:
  std::map<std::string, std::string, std::less<>> values_;
};

}  // namespace motcua::http
