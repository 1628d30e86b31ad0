#pragma once
// Internal to src/http: one accepted TCP connection (the Beast examples' `session`). It reads requests one
// after another (HTTP/1.1 keep-alive), hands each to the Handler, writes the response and logs one access line.
// It owns all connection I/O; the Handler never sees the socket. Not part of the public API: include
// http_server.h instead.
//
// Threading: every member runs on the connection's strand, except Shutdown(), which may be called from any
// thread. A session keeps itself alive through shared_from_this() while an operation is pending; this is the
// Asio idiom for callback lifetimes and the reason for shared_ptr over unique_ptr here.
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>

#include "http/body_limit.h"
#include "http/http_types.h"
#include "http/request_notes.h"

namespace motcua::http {

class Session;

// The live sessions, so that a server shutting down can close the idle ones. Thread-safe.
class SessionRegistry {
 public:
  void Add(std::uint64_t id, std::weak_ptr<Session> session);
  void Remove(std::uint64_t id);
  // Calls Shutdown() on every live session.
  void ShutdownAll();

 private:
  std::mutex mutex_;
  std::unordered_map<std::uint64_t, std::weak_ptr<Session>> sessions_;  // guarded by mutex_
};

// What every session of one server shares. Owned by the server, which outlives all its sessions.
struct ConnectionContext {
  Handler handler;
  std::size_t max_body_bytes = 0;
  std::vector<BodyLimitRule> larger_bodies;  // routes allowed more than max_body_bytes
  std::chrono::milliseconds request_timeout{0};
  std::atomic<bool> stopping{false};  // set once when the server begins its graceful shutdown
  std::atomic<std::uint64_t> next_session_id{0};
  SessionRegistry sessions;
  // Told of each request refused before the handler (ServerOptions::on_refused); may be empty.
  std::function<void(std::string_view method, unsigned status)> on_refused;
  // Request IDs are this prefix (random, per server start) and a counter: unique across restarts too.
  std::string request_id_prefix;
  std::atomic<std::uint64_t> next_request_id{0};
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  // `socket` must be bound to its own strand (accepted with make_strand()).
  Session(boost::asio::ip::tcp::socket socket, ConnectionContext& context);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Registers the session and starts reading the first request.
  void Start();
  // Graceful close, callable from any thread: a session waiting for a new request closes now; one in the middle
  // of a request finishes it, answers it with "Connection: close", then closes.
  void Shutdown();

 private:
  void ReadRequest();
  void OnHeader(boost::beast::error_code error);
  void OnRead(boost::beast::error_code error);
  void RejectMalformed(boost::beast::error_code error);
  void Reply(Response response, bool keep_alive);
  void OnWrite(bool keep_alive, boost::beast::error_code error);
  void CloseIfIdle();
  // No byte of a next request has arrived: none buffered, none waiting in the kernel.
  bool NothingPending();
  void Close();
  void LogAccess() const;
  void StartLogLine(std::string method, std::string target);

  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  // Beast parsers are single-use: a fresh one per request, which also resets the body limit.
  std::optional<beast_http::request_parser<beast_http::string_body>> parser_;
  Response response_;  // must outlive async_write
  ConnectionContext& context_;
  const std::uint64_t id_;
  bool reading_ = false;
  // For the access log line of the request in flight.
  std::string client_;  // "address:port" of the peer, read once at the start
  std::string request_id_;
  std::string method_ = "-";
  std::string target_ = "-";
  RequestNotes notes_;  // login and route pattern, as the handler noted them
  std::chrono::steady_clock::time_point started_;
};

}  // namespace motcua::http
