#include "http/http_server.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <csignal>
#include <cstdio>
#include <optional>
#include <random>
#include <sstream>
#include <thread>
#include <utility>
#include <vector>

#include <spdlog/spdlog.h>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/http/write.hpp>

#include "http/json_response.h"
#include "http/session.h"
#include "http/throttle.h"

namespace motcua::http {

namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

// "127.0.0.1:8080", "[::1]:8080": the form users type in --listen, for error messages and logs.
std::string HostPort(std::string_view address, unsigned short port) {
  const bool ipv6 = address.find(':') != std::string_view::npos;
  return (ipv6 ? "[" + std::string(address) + "]" : std::string(address)) + ":" + std::to_string(port);
}

Error BadListenAddress(std::string_view listen) {
  const std::string value(listen);
  return Error::InvalidArgument("listen",
                                "Địa chỉ lắng nghe không hợp lệ: \"" + value + "\"; cần IP:CỔNG, ví dụ 127.0.0.1:8080",
                                "invalid listen address \"" + value + "\"; expected IP:PORT, e.g. 127.0.0.1:8080");
}

// 8 hex digits drawn once per server: request IDs of two runs never collide in one log.
std::string RequestIdPrefix() {
  std::random_device random;
  char prefix[9];
  std::snprintf(prefix, sizeof prefix, "%08x", static_cast<unsigned>(random()));
  return prefix;
}

// Says "not now" to a client over the connection limits, then forgets it: the answer goes out in one
// non-blocking write (a new socket's send buffer holds it), what the client already sent is read and dropped so
// that the close is a FIN rather than a reset, and no descriptor is held a moment longer. Over TLS nothing
// can be said before a handshake, so the connection just closes.
void TurnAway(tcp::socket& socket, ConnectionRefusal refusal, bool tls) {
  boost::system::error_code ignored;
  socket.non_blocking(true, ignored);
  if (!tls) {
    Response answer =
        refusal == ConnectionRefusal::kAddressFull
            ? TooManyRequests(1, "connection", "kết nối từ máy này", "connections from this address")
            : ErrorResponse(Status::service_unavailable, "server_busy", "Máy chủ đang quá tải, thử lại sau 1 giây",
                            "server busy, try again in 1 s", "connection");
    if (refusal == ConnectionRefusal::kServerFull) answer.set(boost::beast::http::field::retry_after, "1");
    answer.keep_alive(false);
    answer.prepare_payload();
    std::ostringstream bytes;
    bytes << answer;
    socket.write_some(net::buffer(bytes.str()), ignored);
  }
  char discard[4096];
  socket.read_some(net::buffer(discard), ignored);
  socket.shutdown(tcp::socket::shutdown_both, ignored);
  socket.close(ignored);
}

// True at most once a second: for warnings that a flood would otherwise repeat thousands of times.
class OncePerSecond {
 public:
  bool Due() {
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::seconds(1)) return false;
    last_ = now;
    return true;
  }

 private:
  std::chrono::steady_clock::time_point last_{};
};

std::optional<unsigned short> ParsePort(std::string_view text) {
  unsigned short port = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), port);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return port;
}

}  // namespace

Result<ServerOptions> WithListenAddress(ServerOptions options, std::string_view listen) {
  const auto colon = listen.rfind(':');
  if (colon == std::string_view::npos) return Fail(BadListenAddress(listen));
  std::string_view host = listen.substr(0, colon);
  const bool bracketed = host.size() >= 2 && host.front() == '[' && host.back() == ']';
  if (bracketed) host = host.substr(1, host.size() - 2);
  // "::1:80" is itself an IPv6 address, so an IPv6 host must be bracketed to be told from its port.
  if (!bracketed && host.find(':') != std::string_view::npos) return Fail(BadListenAddress(listen));
  const auto port = ParsePort(listen.substr(colon + 1));
  boost::system::error_code error;
  net::ip::make_address(host, error);
  if (!port || error) return Fail(BadListenAddress(listen));
  options.address = std::string(host);
  options.port = *port;
  return options;
}

class HttpServer::Impl {
 public:
  Impl(ServerOptions options, Handler handler);
  Result<void> Listen();
  void Run();
  void Stop() {
    net::post(strand_, [this] { StopOnStrand(); });
  }
  unsigned short bound_port() const { return bound_port_; }

 private:
  void OpenAndBind(const tcp::endpoint& endpoint, boost::system::error_code& error);
  void StartServing();
  void WaitForSignals();
  void AcceptNext();
  void OnAccept(boost::system::error_code error, tcp::socket socket);
  void StartSession(tcp::socket socket, ConnectionSlot slot);
  void Refuse(tcp::socket socket, ConnectionRefusal refusal);
  void RetryAcceptLater(const boost::system::error_code& error);
  void StopOnStrand();

  ServerOptions options_;
  std::unique_ptr<net::ssl::context> tls_;  // set by Listen() when options_.tls names files
  // Declared before io_context_: sessions destroyed along with pending handlers still reach it.
  ConnectionContext context_;
  net::io_context io_context_;
  // Serializes accepting, signal handling and stopping, so none of them needs a lock.
  net::strand<net::io_context::executor_type> strand_;
  tcp::acceptor acceptor_;
  net::signal_set signals_;
  net::steady_timer accept_retry_;
  std::atomic<unsigned short> bound_port_{0};
  // Refused connections since the last warning, and the throttles of the two warnings; used on strand_ only.
  std::size_t refused_since_warning_ = 0;
  OncePerSecond refusal_warning_;
  OncePerSecond accept_failure_warning_;
};

HttpServer::Impl::Impl(ServerOptions options, Handler handler)
    : options_(std::move(options)),
      context_(options_.max_connections, options_.max_connections_per_address),
      io_context_(std::max(options_.threads, 1)),
      strand_(net::make_strand(io_context_)),
      acceptor_(strand_),
      signals_(strand_),
      accept_retry_(strand_) {
  context_.handler = std::move(handler);
  context_.max_body_bytes = options_.max_body_bytes;
  context_.larger_bodies = options_.larger_bodies;
  context_.request_timeout = options_.request_timeout;
  context_.header_timeout = options_.header_timeout;
  context_.idle_timeout = options_.idle_timeout;
  context_.handshake_timeout = options_.handshake_timeout;
  context_.request_gate = options_.request_gate;
  context_.on_refused = options_.on_refused;
  context_.request_id_prefix = RequestIdPrefix();
}

Result<void> HttpServer::Impl::Listen() {
  const std::string where = HostPort(options_.address, options_.port);
  if (acceptor_.is_open()) {
    return Fail(Error::FailedPrecondition("listen", "Máy chủ đã lắng nghe rồi", "server is already listening"));
  }
  if (options_.tls.enabled()) {
    auto tls = LoadTlsContext(options_.tls);
    if (!tls) return Fail(tls.error());
    tls_ = std::move(*tls);
    context_.tls = tls_.get();
  }
  boost::system::error_code error;
  const auto address = net::ip::make_address(options_.address, error);
  if (error) return Fail(BadListenAddress(where));
  OpenAndBind(tcp::endpoint(address, options_.port), error);
  if (error) {
    acceptor_.close();
    return Fail(Error::Unavailable("listen", "Không thể lắng nghe trên " + where + ": " + error.message(),
                                   "cannot listen on " + where + ": " + error.message()));
  }
  bound_port_ = acceptor_.local_endpoint().port();
  return {};
}

void HttpServer::Impl::OpenAndBind(const tcp::endpoint& endpoint, boost::system::error_code& error) {
  acceptor_.open(endpoint.protocol(), error);
  // SO_REUSEADDR lets a restarted server bind while old connections sit in TIME_WAIT; on Linux it still
  // refuses a port another process listens on.
  if (!error) acceptor_.set_option(net::socket_base::reuse_address(true), error);
  if (!error) acceptor_.bind(endpoint, error);
  if (!error) acceptor_.listen(net::socket_base::max_listen_connections, error);
}

void HttpServer::Impl::Run() {
  net::post(strand_, [this] { StartServing(); });
  std::vector<std::jthread> workers;
  for (int i = 1; i < options_.threads; ++i) workers.emplace_back([this] { io_context_.run(); });
  io_context_.run();
}  // The workers join here; io_context_.run() returns everywhere once no connection is left.

void HttpServer::Impl::StartServing() {
  // Stop() may have run first, or Listen() may have failed: then there is nothing to serve and Run() returns.
  if (context_.stopping || !acceptor_.is_open()) return;
  spdlog::info("http server listening on {} ({}; at most {} connections, {} per client address)",
               HostPort(options_.address, bound_port_), tls_ ? "https" : "http", options_.max_connections,
               options_.max_connections_per_address);
  WaitForSignals();
  AcceptNext();
}

void HttpServer::Impl::WaitForSignals() {
  // Added here rather than in the constructor so a server that never runs does not swallow Ctrl-C.
  signals_.add(SIGINT);
  signals_.add(SIGTERM);
  signals_.async_wait([this](boost::system::error_code error, int signal_number) {
    if (error) return;
    spdlog::info("http server received signal {}", signal_number);
    StopOnStrand();
  });
}

void HttpServer::Impl::AcceptNext() {
  // Each connection gets its own strand: its handlers never run concurrently, different connections do.
  acceptor_.async_accept(net::make_strand(io_context_), [this](boost::system::error_code error, tcp::socket socket) {
    OnAccept(error, std::move(socket));
  });
}

void HttpServer::Impl::OnAccept(boost::system::error_code error, tcp::socket socket) {
  if (context_.stopping || !acceptor_.is_open()) return;
  if (error) return RetryAcceptLater(error);
  auto slot = context_.limits.Admit(ClientAddressOf(socket));
  if (slot) {
    StartSession(std::move(socket), std::move(*slot));
  } else {
    Refuse(std::move(socket), slot.error());
  }
  AcceptNext();
}

void HttpServer::Impl::StartSession(tcp::socket socket, ConnectionSlot slot) {
  if (tls_) return std::make_shared<Session<TlsStream>>(std::move(socket), context_, std::move(slot))->Start();
  std::make_shared<Session<PlainStream>>(std::move(socket), context_, std::move(slot))->Start();
}

void HttpServer::Impl::Refuse(tcp::socket socket, ConnectionRefusal refusal) {
  const std::string client = ClientAddressOf(socket);
  TurnAway(socket, refusal, tls_ != nullptr);
  const bool full = refusal == ConnectionRefusal::kServerFull;
  if (context_.on_refused) context_.on_refused("-", full ? 503 : 429);
  ++refused_since_warning_;
  if (!refusal_warning_.Due()) return;
  spdlog::warn("http connections refused: {} since the last such warning, the latest from {} ({})",
               refused_since_warning_, client, full ? "server full" : "too many from this address");
  refused_since_warning_ = 0;
}

void HttpServer::Impl::RetryAcceptLater(const boost::system::error_code& error) {
  // Typically out of file descriptors (EMFILE, ENFILE): the pending connection stays in the backlog and the
  // acceptor stays readable, so accepting again at once would spin; pause instead, then go on serving.
  if (accept_failure_warning_.Due()) spdlog::warn("http accept failed: {}; pausing accepts", error.message());
  accept_retry_.expires_after(std::chrono::milliseconds(100));
  accept_retry_.async_wait([this](boost::system::error_code wait_error) {
    if (!wait_error && !context_.stopping) AcceptNext();
  });
}

void HttpServer::Impl::StopOnStrand() {
  if (context_.stopping.exchange(true)) return;
  spdlog::info("http server stopping: no new connections, finishing requests in flight");
  boost::system::error_code ignored;
  acceptor_.close(ignored);
  accept_retry_.cancel();
  signals_.cancel(ignored);
  // Restores the default actions, so a second Ctrl-C during a slow drain ends the process.
  signals_.clear(ignored);
  context_.sessions.ShutdownAll();
}

HttpServer::HttpServer(ServerOptions options, Handler handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}
HttpServer::~HttpServer() = default;
Result<void> HttpServer::Listen() { return impl_->Listen(); }
void HttpServer::Run() { impl_->Run(); }
void HttpServer::Stop() { impl_->Stop(); }
unsigned short HttpServer::bound_port() const { return impl_->bound_port(); }

}  // namespace motcua::http
