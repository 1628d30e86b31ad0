// Password hashing on idle-priority threads (app/background_hasher.h).
#include "app/background_hasher.h"

#include <sched.h>

#include <atomic>
#include <chrono>
#include <latch>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace motcua::app {
namespace {

// A hasher that says where it ran: the thread, its scheduling class, and how many ran at once.
class WitnessHasher final : public PasswordHasher {
 public:
  Result<std::string> Hash(std::string_view password) override {
    Witness();
    return "hash:" + std::string(password);
  }
  bool Verify(std::string_view hash, std::string_view password) override {
    Witness();
    return hash == "hash:" + std::string(password);
  }

  std::set<std::thread::id> threads;
  std::set<int> policies;
  int most_at_once = 0;

 private:
  void Witness() {
    const int now = ++running_;
    {
      std::lock_guard lock(mutex_);
      threads.insert(std::this_thread::get_id());
      policies.insert(sched_getscheduler(0));
      most_at_once = std::max(most_at_once, now);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // long enough for the callers to overlap
    --running_;
  }

  std::mutex mutex_;
  std::atomic<int> running_{0};
};

TEST(BackgroundHasherTest, AnswersAsTheInnerHasherDoes) {
  WitnessHasher inner;
  BackgroundHasher hasher(inner, 1);
  const auto hash = hasher.Hash("mật-khẩu-dài");
  ASSERT_TRUE(hash.has_value());
  EXPECT_EQ(*hash, "hash:mật-khẩu-dài");
  EXPECT_TRUE(hasher.Verify(*hash, "mật-khẩu-dài"));
  EXPECT_FALSE(hasher.Verify(*hash, "mật-khẩu-khác"));
}

TEST(BackgroundHasherTest, HashesOnItsOwnThreadsAtIdlePriorityNeverOnTheCallers) {
  WitnessHasher inner;
  BackgroundHasher hasher(inner, 1);
  ASSERT_EQ(hasher.IdlePriorityThreads(), 1) << "Linux lets any thread lower itself to SCHED_IDLE";
  (void)hasher.Verify("hash:x", "x");
  (void)hasher.Hash("y");
  EXPECT_EQ(inner.threads.size(), 1u);
  EXPECT_FALSE(inner.threads.contains(std::this_thread::get_id()));
  EXPECT_EQ(inner.policies, std::set<int>{SCHED_IDLE});
  // The caller's own priority is untouched.
  EXPECT_EQ(sched_getscheduler(0), SCHED_OTHER);
}

TEST(BackgroundHasherTest, HashesNoMoreAtOnceThanItHasThreads) {
  WitnessHasher inner;
  BackgroundHasher hasher(inner, 2);
  constexpr int kCallers = 8;
  std::latch start(kCallers);
  std::vector<std::thread> callers;
  std::atomic<int> matched{0};
  for (int i = 0; i < kCallers; ++i) {
    callers.emplace_back([&, i] {
      start.arrive_and_wait();
      const std::string password = "p" + std::to_string(i);
      if (hasher.Verify("hash:" + password, password)) ++matched;
    });
  }
  for (std::thread& caller : callers) caller.join();
  EXPECT_EQ(matched, kCallers);  // every caller got its own answer
  EXPECT_LE(inner.most_at_once, 2);
  EXPECT_LE(inner.threads.size(), 2u);
}

TEST(BackgroundHasherTest, StopsPromptlyWhenIdleAndFinishesWhatWasAsked) {
  WitnessHasher inner;
  {
    BackgroundHasher hasher(inner, 3);
    EXPECT_TRUE(hasher.Verify("hash:z", "z"));
  }  // joins three waiting threads
  EXPECT_EQ(inner.threads.size(), 1u);
}

}  // namespace
}  // namespace motcua::app
