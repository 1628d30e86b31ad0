#pragma once
// The time, as use cases see it: passed in, never read from the system directly, so that tests run on a
// fake clock and never sleep (STYLE.md §2–3).
#include <chrono>

#include "domain/civil_time.h"

namespace motcua::app {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant Now() const = 0;
};

// The system's clock, to the second.
class SystemClock final : public Clock {
 public:
  Instant Now() const override { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }
};

// A clock that says what it is told: for tests and for replaying history.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(Instant now) : now_(now) {}
  Instant Now() const override { return now_; }
  void Set(Instant now) { now_ = now; }
  void Advance(std::chrono::seconds by) { now_ += by; }

 private:
  Instant now_;
};

}  // namespace motcua::app
