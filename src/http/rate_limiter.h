#pragma once
// A token bucket per client address, for public routes anyone can call without logging in (the assistant): each
// address may make `burst` requests at once, then one every `interval`. A refused request learns how long to
// wait (the Retry-After of a 429). Memory is bounded: at most `max_clients` addresses are remembered, the
// longest idle forgotten first (a forgotten address starts with a full bucket again).
//
// Thread-safety: Allow() may be called from any number of threads; the one mutex guards the buckets. Time is
// passed in, so that tests need no clock.
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace motcua::http {

struct RateLimit {
  double burst = 10;                         // requests allowed at once
  std::chrono::milliseconds interval{2000};  // one more request allowed per interval (30 a minute)
  std::size_t max_clients = 10000;
};

class RateLimiter {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;

  RateLimiter() : RateLimiter(RateLimit{}) {}
  explicit RateLimiter(RateLimit limit) : limit_(limit) {}

  // Takes one token of `client`'s bucket at `now`. Returns 0 when allowed, else the whole seconds to wait (≥ 1).
  long long Allow(std::string_view client, TimePoint now);

 private:
  struct Bucket {
    double tokens = 0;
    TimePoint updated{};
  };
  void ForgetIdlest();

  const RateLimit limit_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;  // guarded by mutex_
};

}  // namespace motcua::http
