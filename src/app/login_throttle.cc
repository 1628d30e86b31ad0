#include "app/login_throttle.h"

#include <algorithm>
#include <vector>

namespace motcua::app {
namespace {

// Keys of the two counts: the address alone, and the login from that address. The separator cannot be in an
// address, so no login can make one key look like another.
std::string ClientKey(std::string_view client) { return "c\x1f" + std::string(client); }
std::string PairKey(std::string_view login, std::string_view client) {
  return "p\x1f" + std::string(client) + "\x1f" + std::string(login);
}

}  // namespace

long long LoginThrottle::Remaining(const std::string& key, int limit, Instant now) {
  const auto found = windows_.find(key);
  if (found == windows_.end() || found->second.failures < limit) return 0;
  const auto left = found->second.started + limits_.window - now;
  if (left <= std::chrono::seconds(0)) {
    windows_.erase(found);
    return 0;
  }
  return std::max<long long>(1, std::chrono::ceil<std::chrono::seconds>(left).count());
}

long long LoginThrottle::WaitFor(std::string_view login, std::string_view client, Instant now) {
  const std::lock_guard lock(mutex_);
  return std::max(Remaining(ClientKey(client), limits_.failures_per_client, now),
                  Remaining(PairKey(login, client), limits_.failures_per_login, now));
}

void LoginThrottle::Count(const std::string& key, Instant now) {
  Window& w = windows_[key];
  if (w.failures == 0 || now - w.started >= limits_.window) w = Window{now, 0};
  ++w.failures;
}

void LoginThrottle::RecordFailure(std::string_view login, std::string_view client, Instant now) {
  const std::lock_guard lock(mutex_);
  if (windows_.size() + 2 > limits_.max_entries) ForgetOldest();
  Count(ClientKey(client), now);
  Count(PairKey(login, client), now);
}

void LoginThrottle::RecordSuccess(std::string_view login, std::string_view client) {
  const std::lock_guard lock(mutex_);
  windows_.erase(PairKey(login, client));
}

void LoginThrottle::ForgetLogin(std::string_view login) {
  const std::lock_guard lock(mutex_);
  const std::string suffix = "\x1f" + std::string(login);
  std::erase_if(windows_, [&](const auto& entry) {
    return entry.first.starts_with("p\x1f") && entry.first.ends_with(suffix) &&
           entry.first.find('\x1f', 2) == entry.first.size() - suffix.size();
  });
}

// Drops the older half of the windows: O(n) once every n/2 new entries at most.
void LoginThrottle::ForgetOldest() {
  std::vector<Instant> starts;
  starts.reserve(windows_.size());
  for (const auto& [key, w] : windows_) starts.push_back(w.started);
  auto middle = starts.begin() + static_cast<std::ptrdiff_t>(starts.size() / 2);
  std::nth_element(starts.begin(), middle, starts.end());
  const Instant cut = *middle;
  std::erase_if(windows_, [&](const auto& entry) { return entry.second.started <= cut; });
}

}  // namespace motcua::app
