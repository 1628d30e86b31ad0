#pragma once
// How many connections the server holds open: at most `max_total` in all and `max_per_address` from one client
// address. Every open connection is a file descriptor, and a process has a fixed number of them (1,024 under a
// default `ulimit -n`): without a cap, a client that opens connections and never finishes a request (slowloris)
// takes them all and the server can accept no one else. The per-address cap keeps one machine from taking the
// whole server's share; the total cap keeps room for the database, the document files and the logs.
//
// Admit() hands out a ConnectionSlot, which the connection keeps while it is open; destroying the slot gives the
// place back. Thread-safety: Admit() and the slots' destructors may run on any thread; one mutex guards the counts.
// The limits must outlive every slot they handed out.
#include <cstddef>
#include <expected>
#include <mutex>
#include <string>
#include <unordered_map>

namespace motcua::http {

class ConnectionLimits;

// One admitted connection's place under the limits; movable, not copyable; gives the place back when destroyed.
class ConnectionSlot {
 public:
  ConnectionSlot(ConnectionSlot&& other) noexcept;
  ConnectionSlot& operator=(ConnectionSlot&& other) noexcept;
  ConnectionSlot(const ConnectionSlot&) = delete;
  ConnectionSlot& operator=(const ConnectionSlot&) = delete;
  ~ConnectionSlot();

 private:
  friend class ConnectionLimits;
  ConnectionSlot(ConnectionLimits* limits, std::string address) : limits_(limits), address_(std::move(address)) {}
  void Release();

  ConnectionLimits* limits_;  // null once released or moved from
  std::string address_;
};

// Why a connection was not admitted.
enum class ConnectionRefusal {
  kServerFull,   // max_total connections are open
  kAddressFull,  // max_per_address connections from this client's address are open
};

class ConnectionLimits {
 public:
  // Values below 1 count as 1.
  ConnectionLimits(std::size_t max_total, std::size_t max_per_address);

  // A place for one more connection from `address` (the client's IP address, without port), or why not.
  std::expected<ConnectionSlot, ConnectionRefusal> Admit(const std::string& address);

  // Connections open now, in all and from `address`.
  std::size_t open() const;
  std::size_t open_from(const std::string& address) const;

 private:
  friend class ConnectionSlot;
  void Release(const std::string& address);

  const std::size_t max_total_;
  const std::size_t max_per_address_;
  mutable std::mutex mutex_;
  std::size_t open_ = 0;                                     // guarded by mutex_
  std::unordered_map<std::string, std::size_t> by_address_;  // guarded by mutex_; no entry holds 0
};

}  // namespace motcua::http
