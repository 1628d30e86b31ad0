#pragma once
// Rate limiting of a public route by client address (rate_limiter.h): nullopt when the request may go on, else
// the 429 answer, with Retry-After in seconds and an error naming `field` ("too many <what>, try again in N s").
#include <optional>
#include <string_view>

#include "http/http_types.h"
#include "http/rate_limiter.h"

namespace motcua::http {

// The 429 answer: "too many <what>, try again in N s", Retry-After in seconds, the error naming `field`.
Response TooManyRequests(long long seconds, std::string_view field, std::string_view what_vi, std::string_view what_en);

// `what_vi`/`what_en` name what was asked too often ("lượt tra cứu" / "lookups").
std::optional<Response> Throttle(RateLimiter& limiter, const Request& request, std::string_view field,
                                 std::string_view what_vi, std::string_view what_en);

}  // namespace motcua::http
