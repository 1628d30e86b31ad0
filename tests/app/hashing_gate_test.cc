// Password hashing bounded under a flood of logins (app/hashing_gate.h): how many hash, how many wait, and that
// the others are turned away at once instead of taking a thread each.
#include "app/hashing_gate.h"

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <thread>

namespace motcua::app {
namespace {

using namespace std::chrono_literals;

// Waits (a bounded while) until `gate` has `count` requests waiting.
bool WaitUntilWaiting(HashingGate& gate, int count) {
  for (int i = 0; i < 2000 && gate.Waiting() != count; ++i) std::this_thread::sleep_for(1ms);
  return gate.Waiting() == count;
}

TEST(HashingGateTest, AsManyHashAsAllowedAndTheNextWaitsForOneToEnd) {
  HashingGate gate({.concurrent = 2, .waiting = 1, .max_wait = 10s});
  auto first = gate.Enter();
  auto second = gate.Enter();
  ASSERT_TRUE(first && second);
  auto third = std::async(std::launch::async, [&] { return gate.Enter().has_value(); });
  ASSERT_TRUE(WaitUntilWaiting(gate, 1));
  EXPECT_EQ(third.wait_for(50ms), std::future_status::timeout) << "entered while two hashes ran";
  first.reset();
  EXPECT_TRUE(third.get());
  EXPECT_EQ(gate.Waiting(), 0);
}

TEST(HashingGateTest, BeyondTheWaitingRoomARequestIsTurnedAwayAtOnce) {
  HashingGate gate({.concurrent = 1, .waiting = 1, .max_wait = 10s});
  auto running = gate.Enter();
  ASSERT_TRUE(running);
  auto waiting = std::async(std::launch::async, [&] { return gate.Enter().has_value(); });
  ASSERT_TRUE(WaitUntilWaiting(gate, 1));
  const auto before = std::chrono::steady_clock::now();
  EXPECT_FALSE(gate.Enter().has_value());
  EXPECT_LT(std::chrono::steady_clock::now() - before, 5s) << "the turned-away request waited for max_wait";
  running.reset();
  EXPECT_TRUE(waiting.get());
}

TEST(HashingGateTest, AWaitLongerThanMaxWaitGivesUp) {
  HashingGate gate({.concurrent = 1, .waiting = 4, .max_wait = 20ms});
  auto running = gate.Enter();
  EXPECT_FALSE(gate.Enter().has_value());
  EXPECT_EQ(gate.Waiting(), 0);
  running.reset();
  EXPECT_TRUE(gate.Enter().has_value()) << "a released permit frees its place";
}

TEST(HashingGateTest, AMovedPermitIsReleasedOnce) {
  HashingGate gate({.concurrent = 1, .waiting = 0, .max_wait = 0ms});
  {
    auto permit = gate.Enter();
    ASSERT_TRUE(permit);
    HashingGate::Permit moved(std::move(*permit));
    permit.reset();  // the moved-from permit holds nothing
    EXPECT_FALSE(gate.Enter().has_value()) << "the moved permit still holds the place";
  }
  auto again = gate.Enter();
  EXPECT_TRUE(again.has_value());
  EXPECT_FALSE(gate.Enter().has_value()) << "released twice: two permits for one place";
}

TEST(HashingGateTest, HalfTheCoresHash) {
  EXPECT_EQ(HashingLimitsFor(1).concurrent, 1);
  EXPECT_EQ(HashingLimitsFor(2).concurrent, 1);
  EXPECT_EQ(HashingLimitsFor(8).concurrent, 4);
  EXPECT_EQ(HashingLimitsFor(8).waiting, 16);
}

}  // namespace
}  // namespace motcua::app
