#pragma once
// Failed logins counted per client address, and per login from that address (issue 15, item 3), in memory: a
// client that fails five times on one login waits out a fifteen-minute window before trying that login again,
// and one that fails thirty times on any logins waits before trying any. A person is never locked out by someone
// else guessing at their login from another address, as a lock on the account itself allowed (five requests
// locked the administrator out, repeatably). The counts are keyed by the login as typed, whether or not it exists,
// so the answer says nothing about which logins exist.
//
// Memory is bounded: past `max_entries` the oldest windows are forgotten first. A restart forgets everything,
// which only gives an attacker back a few guesses. Thread-safe.
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "domain/civil_time.h"

namespace motcua::app {

struct LoginThrottleLimits {
  int failures_per_login = 5;    // from one address, on one login
  int failures_per_client = 30;  // from one address, on any logins
  std::chrono::seconds window = std::chrono::minutes(15);
  std::size_t max_entries = 100000;
};

class LoginThrottle {
 public:
  LoginThrottle() : LoginThrottle(LoginThrottleLimits{}) {}
  explicit LoginThrottle(LoginThrottleLimits limits) : limits_(limits) {}

  // The whole seconds `client` must wait before trying `login` at `now`; 0 when it may try.
  long long WaitFor(std::string_view login, std::string_view client, Instant now);
  void RecordFailure(std::string_view login, std::string_view client, Instant now);
  // A successful login forgets the failures on that login from that address.
  void RecordSuccess(std::string_view login, std::string_view client);
  // The administrator's "unlock": forgets the failures on `login` from every address.
  void ForgetLogin(std::string_view login);

 private:
  struct Window {
    Instant started{};
    int failures = 0;
  };
  long long Remaining(const std::string& key, int limit, Instant now);
  void Count(const std::string& key, Instant now);
  void ForgetOldest();

  const LoginThrottleLimits limits_;
  std::mutex mutex_;
  std::unordered_map<std::string, Window> windows_;  // guarded by mutex_
};

}  // namespace motcua::app
