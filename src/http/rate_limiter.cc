#include "http/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace motcua::http {

long long RateLimiter::Allow(std::string_view client, TimePoint now) {
  const std::lock_guard lock(mutex_);
  auto found = buckets_.find(std::string(client));
  if (found == buckets_.end()) {
    if (buckets_.size() >= limit_.max_clients) ForgetIdlest();
    found = buckets_.emplace(std::string(client), Bucket{limit_.burst, now}).first;
  }
  Bucket& bucket = found->second;
  const double elapsed = std::chrono::duration<double, std::milli>(now - bucket.updated).count();
  const double per_token = static_cast<double>(limit_.interval.count());
  bucket.tokens = std::min(limit_.burst, bucket.tokens + std::max(0.0, elapsed) / per_token);
  bucket.updated = std::max(bucket.updated, now);
  if (bucket.tokens >= 1.0) {
    bucket.tokens -= 1.0;
    return 0;
  }
  const double wait_ms = (1.0 - bucket.tokens) * per_token;
  return std::max(1LL, static_cast<long long>(std::ceil(wait_ms / 1000.0)));
}

// A linear pass, but only when the table is full, which needs max_clients distinct addresses.
void RateLimiter::ForgetIdlest() {
  const auto idlest = std::ranges::min_element(buckets_, {}, [](const auto& entry) { return entry.second.updated; });
  if (idlest != buckets_.end()) buckets_.erase(idlest);
}

}  // namespace motcua::http
