#include "app/hashing_gate.h"

#include <algorithm>

namespace motcua::app {

HashingLimits HashingLimitsFor(unsigned cores) {
  HashingLimits limits;
  limits.concurrent = std::max(1, static_cast<int>(cores / 2));
  limits.waiting = 4 * limits.concurrent;
  return limits;
}

HashingGate::Permit::~Permit() {
  if (gate_ != nullptr) gate_->Leave();
}

std::optional<HashingGate::Permit> HashingGate::Enter() {
  std::unique_lock lock(mutex_);
  const auto has_room = [this] { return running_ < std::max(1, limits_.concurrent); };
  if (!has_room()) {
    if (waiting_ >= limits_.waiting) return std::nullopt;
    ++waiting_;
    const bool entered = freed_.wait_for(lock, limits_.max_wait, has_room);
    --waiting_;
    if (!entered) return std::nullopt;
  }
  ++running_;
  return std::optional<Permit>(std::in_place, this);
}

int HashingGate::Waiting() {
  std::lock_guard lock(mutex_);
  return waiting_;
}

void HashingGate::Leave() {
  {
    std::lock_guard lock(mutex_);
    --running_;
  }
  freed_.notify_one();
}

}  // namespace motcua::app
