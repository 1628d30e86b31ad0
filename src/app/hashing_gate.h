#pragma once
// Bounds the password hashing done at once. A login costs one Argon2id verification (64 MiB, about 0.1 s of a
// core): 32 clients posting made-up logins kept all 16 request threads hashing, took 1 GiB and slowed a clerk's
// inbox from 2 ms to 2 s. Through the gate, at most `concurrent` hashes run, at most `waiting` requests wait
// (each for at most `max_wait`) and any more are told at once that the server is busy: the rest of the server
// keeps its threads, its memory and most of its cores, whoever floods the login.
//
// Thread-safety: Enter() from any number of threads; a Permit is released on the thread that holds it.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <utility>

namespace motcua::app {

struct HashingLimits {
  int concurrent = 1;  // on a two-core commune PC, one core stays for everything else
  int waiting = 4;     // a morning rush of clerks logging in at once waits; a flood does not queue
  std::chrono::milliseconds max_wait{2000};
};

// The limits for a machine with `cores` cores: half of them hash (at least one).
HashingLimits HashingLimitsFor(unsigned cores);

class HashingGate {
 public:
  explicit HashingGate(HashingLimits limits = {}) : limits_(limits) {}
  HashingGate(const HashingGate&) = delete;
  HashingGate& operator=(const HashingGate&) = delete;

  // Leave to hash while held; released when destroyed.
  class Permit {
   public:
    explicit Permit(HashingGate* gate) : gate_(gate) {}
    Permit(Permit&& other) noexcept : gate_(std::exchange(other.gate_, nullptr)) {}
    Permit& operator=(Permit&&) = delete;
    ~Permit();

   private:
    HashingGate* gate_;
  };

  // A permit now, or within max_wait when fewer than `waiting` requests wait already; nullopt when the server
  // is busy (the caller answers 503 with Retry-After).
  std::optional<Permit> Enter();

  // The requests waiting now (for /metrics and tests).
  int Waiting();

 private:
  void Leave();

  const HashingLimits limits_;
  std::mutex mutex_;
  std::condition_variable freed_;
  int running_ = 0;  // guarded by mutex_
  int waiting_ = 0;  // guarded by mutex_
};

}  // namespace motcua::app
