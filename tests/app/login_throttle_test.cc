// Failed logins slowed per client address, never locking a person out (app/login_throttle.h).
#include "app/login_throttle.h"

#include <gtest/gtest.h>

#include <string>

namespace motcua::app {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

Instant At(const char* iso) { return ParseIsoInstant(iso, "test").value(); }

const Instant kStart = At("2026-03-02T08:00:00+07:00");

TEST(LoginThrottleTest, FiveFailuresOnALoginFromAnAddressMakeThatAddressWaitForThatLogin) {
  LoginThrottle throttle;
  for (int i = 0; i < 4; ++i) throttle.RecordFailure("admin", "10.0.0.9", kStart + seconds(i));
  EXPECT_EQ(throttle.WaitFor("admin", "10.0.0.9", kStart + seconds(5)), 0) << "four failures: one more try";
  throttle.RecordFailure("admin", "10.0.0.9", kStart + seconds(5));
  // The window opened at the first failure: 15 minutes from 08:00:00, asked at 08:00:06.
  EXPECT_EQ(throttle.WaitFor("admin", "10.0.0.9", kStart + seconds(6)), 15 * 60 - 6);
  // The administrator at their own desk is not locked out by the guesser...
  EXPECT_EQ(throttle.WaitFor("admin", "10.0.0.20", kStart + seconds(6)), 0);
  // ... and the guesser may still try another login (until the address's own limit).
  EXPECT_EQ(throttle.WaitFor("tn.vanson", "10.0.0.9", kStart + seconds(6)), 0);
  EXPECT_EQ(throttle.WaitFor("admin", "10.0.0.9", kStart + minutes(15)), 0) << "the window has passed";
}

TEST(LoginThrottleTest, ThirtyFailuresFromAnAddressOnAnyLoginsMakeItWait) {
  LoginThrottle throttle;
  for (int i = 0; i < 30; ++i) throttle.RecordFailure("login" + std::to_string(i), "10.0.0.9", kStart);
  EXPECT_GT(throttle.WaitFor("never.tried", "10.0.0.9", kStart + seconds(1)), 0);
  EXPECT_EQ(throttle.WaitFor("never.tried", "10.0.0.10", kStart + seconds(1)), 0);
}

TEST(LoginThrottleTest, UnknownAndKnownLoginsAreCountedAlike) {
  // The throttle knows no accounts: its answer cannot tell which logins exist.
  LoginThrottle throttle;
  for (int i = 0; i < 5; ++i) {
    throttle.RecordFailure("admin", "10.0.0.9", kStart);
    throttle.RecordFailure("khong.co.ai", "10.0.0.9", kStart);
  }
  EXPECT_EQ(throttle.WaitFor("admin", "10.0.0.9", kStart), throttle.WaitFor("khong.co.ai", "10.0.0.9", kStart));
}

TEST(LoginThrottleTest, ASuccessOrTheAdministratorsUnlockForgetsTheFailures) {
  LoginThrottle throttle;
  for (int i = 0; i < 4; ++i) throttle.RecordFailure("admin", "10.0.0.9", kStart);
  throttle.RecordSuccess("admin", "10.0.0.9");
  throttle.RecordFailure("admin", "10.0.0.9", kStart);
  EXPECT_EQ(throttle.WaitFor("admin", "10.0.0.9", kStart), 0) << "one failure since the success";
  for (int i = 0; i < 5; ++i) {
    throttle.RecordFailure("admin", "10.0.0.9", kStart);
    throttle.RecordFailure("admin", "10.0.0.7", kStart);
    throttle.RecordFailure("admin2", "10.0.0.9", kStart);
  }
  throttle.ForgetLogin("admin");
  EXPECT_EQ(throttle.WaitFor("admin", "10.0.0.9", kStart), 0);
  EXPECT_EQ(throttle.WaitFor("admin", "10.0.0.7", kStart), 0);
  EXPECT_GT(throttle.WaitFor("admin2", "10.0.0.9", kStart), 0) << "another login keeps its count";
}

TEST(LoginThrottleTest, MemoryIsBounded) {
  LoginThrottle throttle(LoginThrottleLimits{5, 30, minutes(15), 100});
  for (int i = 0; i < 10000; ++i) {
    throttle.RecordFailure("l" + std::to_string(i), "10.0.0." + std::to_string(i % 250), kStart + seconds(i));
  }
  // The newest failures are still counted: the last address's last login is remembered.
  for (int i = 0; i < 4; ++i) throttle.RecordFailure("l9999", "10.0.0.249", kStart + seconds(10000 + i));
  EXPECT_GT(throttle.WaitFor("l9999", "10.0.0.249", kStart + seconds(10005)), 0);
}

}  // namespace
}  // namespace motcua::app
