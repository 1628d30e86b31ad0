#include "http/throttle.h"

#include <chrono>
#include <string>

#include "http/json_response.h"

namespace motcua::http {

Response TooManyRequests(long long wait, std::string_view field, std::string_view what_vi, std::string_view what_en) {
  const std::string seconds = std::to_string(wait);
  Response response = ErrorResponse(Status::too_many_requests, "rate_limited",
                                    "quá nhiều " + std::string(what_vi) + ", thử lại sau " + seconds + " giây",
                                    "too many " + std::string(what_en) + ", try again in " + seconds + " s", field);
  response.set(boost::beast::http::field::retry_after, seconds);
  return response;
}

std::optional<Response> Throttle(RateLimiter& limiter, const Request& request, std::string_view field,
                                 std::string_view what_vi, std::string_view what_en) {
  // Monotonic time for the buckets: a wall-clock step must not refill or drain them.
  const auto client = request[kClientAddressHeader];
  const long long wait = limiter.Allow(ToStd(client), std::chrono::steady_clock::now());
  if (wait <= 0) return std::nullopt;
  return TooManyRequests(wait, field, what_vi, what_en);
}

}  // namespace motcua::http
