// Password hashing on idle-priority threads (background_hasher.h).
#include "app/background_hasher.h"

#include <algorithm>
#include <optional>
#include <utility>

#if defined(__linux__)
#include <sched.h>
#endif

namespace motcua::app {

namespace {

// Moves the calling thread to the idle scheduling class: it runs only when nothing else wants the CPU.
bool LowerCallingThreadToIdle() {
#if defined(__linux__)
  sched_param parameters{};
  return sched_setscheduler(0, SCHED_IDLE, &parameters) == 0;  // 0: the calling thread, on Linux
#else
  return false;
#endif
}

}  // namespace

BackgroundHasher::BackgroundHasher(PasswordHasher& inner, int threads) : inner_(inner) {
  for (int i = 0; i < std::max(1, threads); ++i) threads_.emplace_back([this] { Work(); });
}

BackgroundHasher::~BackgroundHasher() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  for (std::thread& thread : threads_) thread.join();
}

Result<std::string> BackgroundHasher::Hash(std::string_view password) {
  std::optional<Result<std::string>> result;
  RunAndWait([&] { result = inner_.Hash(password); });
  return std::move(*result);
}

bool BackgroundHasher::Verify(std::string_view hash, std::string_view password) {
  bool matches = false;
  RunAndWait([&] { matches = inner_.Verify(hash, password); });
  return matches;
}

int BackgroundHasher::IdlePriorityThreads() {
  // Each thread lowers itself as it starts: wait until every one has tried.
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return started_ == static_cast<int>(threads_.size()); });
  return idle_priority_threads_;
}

void BackgroundHasher::RunAndWait(const std::function<void()>& job) {
  bool done = false;
  std::unique_lock lock(mutex_);
  queue_.emplace_back([&] {
    job();
    std::lock_guard finished(mutex_);
    done = true;
  });
  changed_.notify_all();
  changed_.wait(lock, [&] { return done; });
}

void BackgroundHasher::Work() {
  const bool idle = LowerCallingThreadToIdle();
  std::unique_lock lock(mutex_);
  ++started_;
  if (idle) ++idle_priority_threads_;
  changed_.notify_all();
  while (true) {
    changed_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping, and nothing left to hash
    std::function<void()> job = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    job();  // takes the mutex briefly to say it is done
    changed_.notify_all();
    lock.lock();
  }
}

}  // namespace motcua::app
