#pragma once
// Internal to src/http: one accepted connection (the Beast examples' `session`), in clear text or over TLS. It
// reads requests one after another (HTTP/1.1 keep-alive), asks the request gate about each header, hands each
// request to the Handler, writes the response and logs one access line. It owns all connection I/O; the Handler
// never sees the socket. Not part of the public API: include http_server.h instead.
//
// One implementation for both transports: Session is a template on the stream, PlainStream or TlsStream, and the
// two differ only in what comes first (the TLS handshake), how a connection ends (TLS close_notify) and the
// Strict-Transport-Security header of the answers.
//
// Deadlines, each its own (ServerOptions): the TLS handshake; the first request's header from the accept; the
// next request's first byte on a kept-alive connection (idle), then its header; the body once the header is in;
// the writing of each response. A client that trickles bytes cannot hold a connection past them.
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
#include <boost/asio/ssl/context.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include "http/body_limit.h"
#include "http/connection_limits.h"
#include "http/http_types.h"
#include "http/request_gate.h"
#include "http/request_notes.h"

namespace motcua::http {

using PlainStream = boost::beast::tcp_stream;
using TlsStream = boost::beast::ssl_stream<boost::beast::tcp_stream>;

// What the registry needs of a session of either stream.
class LiveSession {
 public:
  virtual ~LiveSession() = default;
  // Graceful close, callable from any thread: a session waiting for a new request closes now; one in the middle
  // of a request finishes it, answers it with "Connection: close", then closes.
  virtual void Shutdown() = 0;
};

// The live sessions, so that a server shutting down can close the idle ones. Thread-safe.
class SessionRegistry {
 public:
  void Add(std::uint64_t id, std::weak_ptr<LiveSession> session);
  void Remove(std::uint64_t id);
  // Calls Shutdown() on every live session.
  void ShutdownAll();

 private:
  std::mutex mutex_;
  std::unordered_map<std::uint64_t, std::weak_ptr<LiveSession>> sessions_;  // guarded by mutex_
};

// What every session of one server shares. Owned by the server, which outlives all its sessions.
struct ConnectionContext {
  ConnectionContext(std::size_t max_connections, std::size_t max_per_address)
      : limits(max_connections, max_per_address) {}

  Handler handler;
  RequestGate request_gate;  // may be empty
  std::size_t max_body_bytes = 0;
  std::vector<BodyLimitRule> larger_bodies;  // routes allowed more than max_body_bytes
  std::chrono::milliseconds handshake_timeout{0};
  std::chrono::milliseconds header_timeout{0};
  std::chrono::milliseconds idle_timeout{0};
  std::chrono::milliseconds request_timeout{0};  // the body, and the writing of a response
  boost::asio::ssl::context* tls = nullptr;      // set for TlsStream sessions
  std::atomic<bool> stopping{false};             // set once when the server begins its graceful shutdown
  std::atomic<std::uint64_t> next_session_id{0};
  SessionRegistry sessions;
  ConnectionLimits limits;
  // Told of each request refused before the handler (ServerOptions::on_refused); may be empty.
  std::function<void(std::string_view method, unsigned status)> on_refused;
  // Request IDs are this prefix (random, per server start) and a counter: unique across restarts too.
  std::string request_id_prefix;
  std::atomic<std::uint64_t> next_request_id{0};
};

// "192.0.2.1" or "2001:db8::1": the client's address, the key of the per-address limits; "-" when gone.
std::string ClientAddressOf(const boost::asio::ip::tcp::socket& socket);

template <class Stream>
class Session : public LiveSession, public std::enable_shared_from_this<Session<Stream>> {
 public:
  // `socket` must be bound to its own strand (accepted with make_strand()); `slot` is its place under the
  // connection limits, given back when the session ends.
  Session(boost::asio::ip::tcp::socket socket, ConnectionContext& context, ConnectionSlot slot);
  ~Session() override;
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Registers the session and starts: the TLS handshake, then the first request.
  void Start();
  void Shutdown() override;

 private:
  static constexpr bool kTls = std::is_same_v<Stream, TlsStream>;

  void Handshake();
  void ReadRequest(bool first);
  void WaitForNextRequest();
  void OnFirstBytes(boost::beast::error_code error, std::size_t bytes);
  void ReadHeader();
  void OnHeader(boost::beast::error_code error);
  std::optional<Response> AskGate();
  void ReadBody();
  void OnRead(boost::beast::error_code error);
  void RejectMalformed(boost::beast::error_code error);
  void Refuse(Response response);
  void Reply(Response response, bool keep_alive);
  void OnWrite(bool keep_alive, boost::beast::error_code error);
  void CloseIfIdle();
  // No byte of a next request has arrived: none buffered, none waiting in the kernel.
  bool NothingPending();
  void Close();
  void CloseSocket();
  void LogAccess() const;
  void BeginRequest(std::string method, std::string target);
  boost::beast::tcp_stream& Tcp() { return boost::beast::get_lowest_layer(stream_); }

  Stream stream_;
  boost::beast::flat_buffer buffer_;
  // Beast parsers are single-use: a fresh one per request, which also resets the body limit.
  std::optional<beast_http::request_parser<beast_http::string_body>> parser_;
  Response response_;  // must outlive async_write
  ConnectionContext& context_;
  ConnectionSlot slot_;
  const std::uint64_t id_;
  bool reading_ = false;  // between the start of waiting for a request and its complete arrival
  bool waiting_ = false;  // waiting for the first byte of a next request on a kept-alive connection
  // For the access log line of the request in flight.
  std::string client_;  // "address:port" of the peer, read once at the start
  std::string request_id_;
  std::string method_ = "-";
  std::string target_ = "-";
  RequestNotes notes_;  // login and route pattern, as the handler noted them
  std::chrono::steady_clock::time_point started_;
};

extern template class Session<PlainStream>;
extern template class Session<TlsStream>;

}  // namespace motcua::http
