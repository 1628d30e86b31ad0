#include "http/connection_limits.h"

#include <algorithm>
#include <utility>

namespace motcua::http {

ConnectionSlot::ConnectionSlot(ConnectionSlot&& other) noexcept
    : limits_(std::exchange(other.limits_, nullptr)), address_(std::move(other.address_)) {}

ConnectionSlot& ConnectionSlot::operator=(ConnectionSlot&& other) noexcept {
  if (this != &other) {
    Release();
    limits_ = std::exchange(other.limits_, nullptr);
    address_ = std::move(other.address_);
  }
  return *this;
}

ConnectionSlot::~ConnectionSlot() { Release(); }

void ConnectionSlot::Release() {
  if (limits_ != nullptr) std::exchange(limits_, nullptr)->Release(address_);
}

ConnectionLimits::ConnectionLimits(std::size_t max_total, std::size_t max_per_address)
    : max_total_(std::max<std::size_t>(max_total, 1)), max_per_address_(std::max<std::size_t>(max_per_address, 1)) {}

std::expected<ConnectionSlot, ConnectionRefusal> ConnectionLimits::Admit(const std::string& address) {
  std::lock_guard lock(mutex_);
  if (open_ >= max_total_) return std::unexpected(ConnectionRefusal::kServerFull);
  std::size_t& from_address = by_address_[address];
  if (from_address >= max_per_address_) return std::unexpected(ConnectionRefusal::kAddressFull);
  ++from_address;
  ++open_;
  return ConnectionSlot(this, address);
}

std::size_t ConnectionLimits::open() const {
  std::lock_guard lock(mutex_);
  return open_;
}

std::size_t ConnectionLimits::open_from(const std::string& address) const {
  std::lock_guard lock(mutex_);
  const auto found = by_address_.find(address);
  return found == by_address_.end() ? 0 : found->second;
}

void ConnectionLimits::Release(const std::string& address) {
  std::lock_guard lock(mutex_);
  --open_;
  // Forgotten at zero, so that the map holds only the addresses with open connections.
  if (const auto found = by_address_.find(address); found != by_address_.end() && --found->second == 0) {
    by_address_.erase(found);
  }
}

}  // namespace motcua::http
