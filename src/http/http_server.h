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
// Limits: a body larger than max_body_bytes gets 413, a header over 8 KiB gets 431, a malformed request gets
// 400, each followed by closing the connection; a request (or an idle keep-alive connection) that does not
// arrive in full within request_timeout is dropped. None of these stops the server.
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

namespace motcua::http {

struct ServerOptions {
  std::string address = "127.0.0.1";  // an IPv4 or IPv6 literal; "0.0.0.0" or "::" listens on every interface
  unsigned short port = 8080;         // 0 picks a free port; see HttpServer::bound_port()
  std::size_t max_body_bytes = 1 << 20;
  // Routes allowed a larger body than max_body_bytes (http/body_limit.h); by default the document upload.
  std::vector<BodyLimitRule> larger_bodies = DefaultBodyLimitRules();
  // To receive one whole request (or wait for the next one on a keep-alive connection), and to write one
  // response; 30 s by default. Milliseconds, so that tests can drop a slow client quickly.
  std::chrono::milliseconds request_timeout{std::chrono::seconds(30)};
  int threads = 2;  // threads running handlers; values below 1 count as 1
  // Told of each request refused before any handler sees it (malformed HTTP 400, body too large 413, header
  // too large 431) with the method's name ("-" when the request line was unreadable) and the status; called
  // on the server's threads, so it must be thread-safe. Empty by default: then only the access log sees them.
  // metrics.h's CountRefusals() counts them in /metrics.
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

  // Binds and listens on options.address:options.port. Fails with InvalidArgument (field "listen") when the
  // address is not an IP literal, with Unavailable (field "listen") when the port cannot be bound (in use,
  // no permission), and with FailedPrecondition when already listening. The message names address and port.
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
