#include "http/rate_limiter.h"

#include <gtest/gtest.h>

namespace motcua::http {
namespace {

using std::chrono::milliseconds;

TEST(RateLimiter, ABurstThenOneRequestPerInterval) {
  RateLimiter limiter({.burst = 3, .interval = milliseconds(1000), .max_clients = 100});
  const RateLimiter::TimePoint start{};
  for (int i = 0; i < 3; ++i) EXPECT_EQ(limiter.Allow("10.0.0.1", start), 0) << i;
  EXPECT_EQ(limiter.Allow("10.0.0.1", start), 1) << "the fourth waits a second";
  EXPECT_EQ(limiter.Allow("10.0.0.2", start), 0) << "another address has its own bucket";
  EXPECT_EQ(limiter.Allow("10.0.0.1", start + milliseconds(999)), 1);
  EXPECT_EQ(limiter.Allow("10.0.0.1", start + milliseconds(1000)), 0);
}

TEST(RateLimiter, TheBucketRefillsOnlyToTheBurst) {
  RateLimiter limiter({.burst = 2, .interval = milliseconds(100), .max_clients = 100});
  const RateLimiter::TimePoint start{};
  EXPECT_EQ(limiter.Allow("a", start), 0);
  const auto later = start + milliseconds(100000);
  EXPECT_EQ(limiter.Allow("a", later), 0);
  EXPECT_EQ(limiter.Allow("a", later), 0);
  EXPECT_GT(limiter.Allow("a", later), 0);
}

TEST(RateLimiter, MemoryIsBoundedByForgettingTheIdlest) {
  RateLimiter limiter({.burst = 1, .interval = milliseconds(60000), .max_clients = 2});
  const RateLimiter::TimePoint start{};
  EXPECT_EQ(limiter.Allow("old", start), 0);
  EXPECT_EQ(limiter.Allow("new", start + milliseconds(1)), 0);
  EXPECT_EQ(limiter.Allow("third", start + milliseconds(2)), 0);  // forgets "old"
  EXPECT_EQ(limiter.Allow("old", start + milliseconds(3)), 0) << "forgotten, so a full bucket again";
  EXPECT_GT(limiter.Allow("third", start + milliseconds(4)), 0);
}

}  // namespace
}  // namespace motcua::http
