#pragma once
// Runs password hashing on threads of its own at the lowest CPU priority (Linux SCHED_IDLE), so that a hash
// yields its core to any request the moment one is ready. A login flood on a two-core commune PC hashes on one
// core through the HashingGate; on that core a clerk's inbox request waited behind a 0.1 s Argon2id hash for
// its time slice: the inbox's p99 went from 2 ms to 30–48 ms though only a few logins were hashed. With the hash
// at idle priority it stayed near idle (bench/flood_bench.py, docs/reliability.md).
//
// Only the hash moves: the caller keeps its thread (it waits for the result) and whatever locks it holds, so no
// store lock is ever held by an idle-priority thread that a busy CPU could starve. The threads cannot be raised
// back without privilege, hence threads of their own rather than lowering the caller's for the hash's duration.
//
// Thread-safety: Hash and Verify from any number of threads; at most `threads` hashes run at once, the rest queue
// (the HashingGate in front keeps that queue short).
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "app/password_hasher.h"

namespace motcua::app {

class BackgroundHasher final : public PasswordHasher {
 public:
  // `inner` does the hashing and must outlive this object.
  BackgroundHasher(PasswordHasher& inner, int threads);
  BackgroundHasher(const BackgroundHasher&) = delete;
  BackgroundHasher& operator=(const BackgroundHasher&) = delete;
  ~BackgroundHasher() override;  // lets queued hashes finish, then joins its threads

  Result<std::string> Hash(std::string_view password) override;
  bool Verify(std::string_view hash, std::string_view password) override;

  // How many of the threads the system let run at idle priority (all of them on Linux; 0 elsewhere or when it
  // refused): the server says so in its journal.
  int IdlePriorityThreads();

 private:
  // Runs `job` on one of the threads and waits for it.
  void RunAndWait(const std::function<void()>& job);
  void Work();

  PasswordHasher& inner_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::function<void()>> queue_;  // guarded by mutex_
  bool stopping_ = false;                    // guarded by mutex_
  int started_ = 0;                          // guarded by mutex_: threads that have tried to lower themselves
  int idle_priority_threads_ = 0;            // guarded by mutex_
  std::vector<std::thread> threads_;
};

}  // namespace motcua::app
