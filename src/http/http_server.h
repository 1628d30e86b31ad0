#pragma once
// The HTTP/1.1 server: accepts connections on one address, reads requests with keep-alive, passes each to a
// Handler (usually a Router) and writes its response; one access log line per request through spdlog, in
// logfmt (log_line.h):
//   http request_id="9c41d2e0-17" client="127.0.0.1:50412" method="GET" route="/api/v1/dossiers/{code}"
//        target="/api/v1/dossiers/000.00.25.H52-260112-0001" status=200 bytes=734 duration_us=412 login="cv.vanson"
// `route` is the pattern that matched ("-" for the web application's files, "(rejected)" for a request refused
// before routing), `target` has personal data redacted (RedactedTarget), `bytes` counts the body, the duration
// runs from the complete request to the written response, `login` appears once a session authenticated. The
// request ID is also sent as the X-Request-Id header of the request (for handlers' own log lines) and of the
// response.
//
// Transport: clear text, or TLS when ServerOptions::tls names a certificate and its key (tls_context.h: TLS 1.2
// at least, modern ciphers). Over TLS every answer carries "Strict-Transport-Security: max-age=31536000" (HSTS: a
// browser that saw it refuses plain http to this host for a year); in clear text none does.
//
// Limits: a body larger than max_body_bytes gets 413, a header over 8 KiB gets 431, a malformed request gets
// 400, each followed by closing the connection. The request gate, when set, sees each request's header before its
// body is read and may refuse it (request_gate.h; `motcua serve` answers 401 to a large body without a valid
// session). Deadlines, each its own: the TLS handshake (handshake_timeout), a request's header (header_timeout,
// from the accept or from the first byte of a kept-alive connection's next request), the wait for that first byte
// (idle_timeout), the body and the writing of the response (request_timeout); past one, the connection is dropped.
// Connections: at most max_connections open, and max_connections_per_address from one client address
// (connection_limits.h). One more is accepted and closed at once — in clear text after a 503 (server full) or a
// 429 (this address has too many), both with Retry-After — so that the listen backlog never fills with clients
// nobody will serve. When the process runs out of file descriptors, accepting pauses briefly (logged at most
// once a second). None of these stops the server.
//
// Life cycle: construct, Listen(), then Run() on the thread that should block. Run() returns after a graceful
// shutdown, started by Stop() or by SIGINT/SIGTERM: the server stops accepting, closes idle connections, lets
// requests in flight finish (each bounded by request_timeout) and answers them with "Connection: close".
//
// Thread-safety: Stop() and bound_port() may be called from any thread; Listen() and Run() once each, from one
// thread. The Handler is called concurrently from `threads` threads and must be thread-safe.
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.h"
#include "http/body_limit.h"
#include "http/http_types.h"
#include "http/request_gate.h"
#include "http/tls_context.h"

namespace motcua::http {

struct ServerOptions {
  std::string address = "127.0.0.1";  // an IPv4 or IPv6 literal; "0.0.0.0" or "::" listens on every interface
  unsigned short port = 8080;         // 0 picks a free port; see HttpServer::bound_port()
  std::size_t max_body_bytes = 1 << 20;
  // Routes allowed a larger body than max_body_bytes (http/body_limit.h); by default the document upload.
  std::vector<BodyLimitRule> larger_bodies = DefaultBodyLimitRules();
  // To receive a request's body once its header is in, and to write one response; 30 s by default.
  // Milliseconds, like every deadline here, so that tests can drop a slow client quickly.
  std::chrono::milliseconds request_timeout{std::chrono::seconds(30)};
  // To receive a request's whole header: from the accept (after the TLS handshake) for a connection's first
  // request, from the first byte of each next one. Short, because a header is small: 10 s by default.
  std::chrono::milliseconds header_timeout{std::chrono::seconds(10)};
  // How long a kept-alive connection may wait for the first byte of its next request; 30 s by default.
  std::chrono::milliseconds idle_timeout{std::chrono::seconds(30)};
  // To complete the TLS handshake of a new connection; 10 s by default. Unused in clear text.
  std::chrono::milliseconds handshake_timeout{std::chrono::seconds(10)};
  // Connections open at once, in all and from one client address; values below 1 count as 1. 512 in all leaves
  // room under a 1,024 file-descriptor limit for the database (three files per thread), the document files and
  // the logs; 64 from one address are ten browsers' worth (a browser opens six per server).
  std::size_t max_connections = 512;
  std::size_t max_connections_per_address = 64;
  // Clear text unless set (both files); Listen() loads them and fails naming the flag when it cannot.
  TlsFiles tls;
  // Sees each request's header before its body is read; a response refuses the request (request_gate.h).
  // Empty by default: every request is read whole.
  RequestGate request_gate;
  int threads = 2;  // threads running handlers; values below 1 count as 1
  // Told of each request refused before any handler sees it (malformed HTTP 400, body too large 413, header
  // too large 431, a refusal of the request gate, a connection over the limits: 503 or 429) with the method's name ("-"
  // when the request line was unreadable) and the status; called on the server's threads, so it must be thread-safe.
  // Empty by default: then only the access log sees them. metrics.h's CountRefusals() counts them in /metrics.
  std::function<void(std::string_view method, unsigned status)> on_refused;
};

// `options` with address and port taken from `listen`, written "HOST:PORT" ("127.0.0.1:8080", "[::1]:8080",
// "0.0.0.0:80"). A malformed value gives InvalidArgument on the field "listen".
Result<ServerOptions> WithListenAddress(ServerOptions options, std::string_view listen);

class HttpServer {
 public:
  HttpServer(ServerOptions options, Handler handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Loads the TLS files if any, then binds and listens on options.address:options.port. Fails with
  // InvalidArgument naming "tls-cert" or "tls-key" when a TLS file cannot be used (tls_context.h), with
  // InvalidArgument (field "listen") when the address is not an IP literal, with Unavailable (field "listen") when the
  // port cannot be bound (in use, no permission), and with FailedPrecondition when already listening. The message names
  // address and port.
  Result<void> Listen();

  // Serves until a graceful shutdown completes, then returns. Precondition: Listen() succeeded; otherwise it
  // returns at once. SIGINT and SIGTERM start the shutdown only while Run() is serving.
  void Run();

  // Starts the graceful shutdown; returns at once. Safe from any thread, before or during Run(), repeatedly.
  void Stop();

  // The port actually bound (useful after listening on port 0); 0 before a successful Listen().
  unsigned short bound_port() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace motcua::http
