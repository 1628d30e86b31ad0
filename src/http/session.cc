#include "http/session.h"

#include <exception>
#include <type_traits>
#include <utility>
#include <vector>

#include <spdlog/spdlog.h>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include "http/json_response.h"
#include "http/log_line.h"
#include "http/router.h"

namespace motcua::http {

namespace beast = boost::beast;
namespace net = boost::asio;

namespace {

// What a kept-alive connection reads while it waits for the next request; the header parser goes on from it.
constexpr std::size_t kFirstRead = 4096;
// A TLS connection ends with close_notify both ways; a client that never answers ours holds it no longer.
constexpr std::chrono::seconds kTlsCloseTimeout{1};
// Sent with every answer over TLS: browsers then refuse plain http to this host for a year (RFC 6797).
constexpr const char* kHsts = "max-age=31536000";

// Errors that mean "the client sent something that is not a valid HTTP request", as opposed to
// network errors and the end of the connection, after which nothing can be answered.
bool IsMalformedRequest(beast::error_code error) {
  if (error.category() != beast::http::make_error_code(beast_http::error::bad_method).category()) return false;
  return error != beast_http::error::end_of_stream && error != beast_http::error::partial_message;
}

Response MalformedRequestResponse(beast::error_code error) {
  if (error == beast_http::error::body_limit) {
    return ErrorResponse(Status::payload_too_large, "payload_too_large", "Nội dung yêu cầu quá lớn",
                         "request body too large", "body");
  }
  if (error == beast_http::error::header_limit) {
    return ErrorResponse(Status::request_header_fields_too_large, "header_too_large",
                         "Phần đầu yêu cầu quá lớn (tối đa 8 KiB)", "request header too large (at most 8 KiB)",
                         "headers");
  }
  // Beast's reason is English only; the Vietnamese message stays generic rather than mixing languages.
  return ErrorResponse(Status::bad_request, "bad_request", "Yêu cầu HTTP không đúng cú pháp",
                       "malformed HTTP request: " + error.message(), "request");
}

// The one boundary where exceptions from handlers and the gate stop (STYLE.md §4): they are bugs, so the client
// gets a 500 and the log gets the reason, and the connection goes on serving.
template <typename Call>
auto Guarded(const Request& request, const Call& call) -> decltype(call()) {
  try {
    return call();
  } catch (const std::exception& e) {
    spdlog::error("http handler for {} {} threw: {}", ToStd(request.method_string()),
                  RedactedTarget(ToStd(request.target())), e.what());
  } catch (...) {
    spdlog::error("http handler for {} {} threw a non-standard exception", ToStd(request.method_string()),
                  RedactedTarget(ToStd(request.target())));
  }
  return ErrorResponse(Error::Internal("Lỗi nội bộ máy chủ", "internal server error"));
}

// "192.0.2.7:50412", "[2001:db8::1]:50412"; "-" when the peer is already gone.
std::string PeerOf(const net::ip::tcp::socket& socket) {
  beast::error_code error;
  const auto peer = socket.remote_endpoint(error);
  if (error) return "-";
  const std::string address = peer.address().to_string();
  return (peer.address().is_v6() ? "[" + address + "]" : address) + ":" + std::to_string(peer.port());
}

// "192.0.2.1:50412" → "192.0.2.1"; "[::1]:50412" → "[::1]".
std::string AddressOf(const std::string& peer) { return peer.substr(0, peer.rfind(':')); }

template <class Stream>
Stream MakeStream(net::ip::tcp::socket socket, ConnectionContext& context) {
  if constexpr (std::is_same_v<Stream, TlsStream>) {
    return Stream(std::move(socket), *context.tls);
  } else {
    return Stream(std::move(socket));
  }
}

}  // namespace

std::string ClientAddressOf(const net::ip::tcp::socket& socket) {
  beast::error_code error;
  const auto peer = socket.remote_endpoint(error);
  return error ? "-" : peer.address().to_string();
}

void SessionRegistry::Add(std::uint64_t id, std::weak_ptr<LiveSession> session) {
  std::lock_guard lock(mutex_);
  sessions_.emplace(id, std::move(session));
}

void SessionRegistry::Remove(std::uint64_t id) {
  std::lock_guard lock(mutex_);
  sessions_.erase(id);
}

void SessionRegistry::ShutdownAll() {
  // Calls happen outside the lock: dropping the last reference runs ~Session, which calls Remove().
  std::vector<std::shared_ptr<LiveSession>> live;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [id, weak] : sessions_) {
      if (auto session = weak.lock()) live.push_back(std::move(session));
    }
  }
  for (const auto& session : live) session->Shutdown();
}

template <class Stream>
Session<Stream>::Session(net::ip::tcp::socket socket, ConnectionContext& context, ConnectionSlot slot)
    : stream_(MakeStream<Stream>(std::move(socket), context)),
      context_(context),
      slot_(std::move(slot)),
      id_(context.next_session_id++),
      client_(PeerOf(beast::get_lowest_layer(stream_).socket())) {}

template <class Stream>
Session<Stream>::~Session() {
  context_.sessions.Remove(id_);
}

template <class Stream>
void Session<Stream>::Start() {
  context_.sessions.Add(id_, this->weak_from_this());
  net::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::Handshake, this->shared_from_this()));
}

template <class Stream>
void Session<Stream>::Shutdown() {
  net::post(stream_.get_executor(), beast::bind_front_handler(&Session::CloseIfIdle, this->shared_from_this()));
}

template <class Stream>
void Session<Stream>::Handshake() {
  if constexpr (kTls) {
    Tcp().expires_after(context_.handshake_timeout);
    stream_.async_handshake(net::ssl::stream_base::server, [self = this->shared_from_this()](beast::error_code error) {
      // A client speaking plain http, or not trusting the certificate, ends here; nothing can be answered.
      if (error) {
        spdlog::debug("tls handshake with {} failed: {}", self->client_, error.message());
        return self->CloseSocket();
      }
      self->ReadRequest(true);
    });
  } else {
    ReadRequest(true);
  }
}

template <class Stream>
void Session<Stream>::ReadRequest(bool first) {
  // During a shutdown a keep-alive connection closes, unless the client has already begun its next request:
  // that one is read and answered (with "Connection: close"), like any request in flight.
  if (context_.stopping && NothingPending()) return Close();
  parser_.emplace();
  // The header is read under the largest limit of any route, so that an upload's Content-Length passes the
  // parser's header check; OnHeader then applies the request's own limit before reading the body.
  parser_->body_limit(LargestBodyLimit(context_.larger_bodies, context_.max_body_bytes));
  reading_ = true;
  // A new connection owes its header at once; a kept-alive one may wait idle for its next request first.
  if (first || buffer_.size() > 0) return ReadHeader();
  WaitForNextRequest();
}

template <class Stream>
void Session<Stream>::WaitForNextRequest() {
  waiting_ = true;
  Tcp().expires_after(context_.idle_timeout);
  stream_.async_read_some(buffer_.prepare(kFirstRead),
                          [self = this->shared_from_this()](beast::error_code error, std::size_t bytes) {
                            self->OnFirstBytes(error, bytes);
                          });
}

template <class Stream>
void Session<Stream>::OnFirstBytes(beast::error_code error, std::size_t bytes) {
  waiting_ = false;
  // Idle too long, cancelled by Shutdown(), closed by the client: nothing to answer.
  if (error) {
    reading_ = false;
    return Close();
  }
  buffer_.commit(bytes);
  ReadHeader();
}

template <class Stream>
void Session<Stream>::ReadHeader() {
  // Its own deadline, short: holding a connection with a header that never ends costs a client nothing.
  Tcp().expires_after(context_.header_timeout);
  beast_http::async_read_header(
      stream_, buffer_, *parser_,
      [self = this->shared_from_this()](beast::error_code error, std::size_t) { self->OnHeader(error); });
}

template <class Stream>
void Session<Stream>::OnHeader(beast::error_code error) {
  if (error) return OnRead(error);
  Request& header = parser_->get();
  BeginRequest(std::string(ToStd(header.method_string())), std::string(ToStd(header.target())));
  // Replaces any ID the client sent: the handlers' own log lines (a denial, a refused login) then carry the
  // access line's ID, and a client cannot make two requests look like one.
  header.set(kRequestIdHeader, request_id_);
  header.set(kClientAddressHeader, AddressOf(client_));
  const std::size_t limit =
      BodyLimitFor(context_.larger_bodies, header.method(), ToStd(header.target()), context_.max_body_bytes);
  // The parser checked the Content-Length against the largest limit only; a chunked body is held to `limit` as
  // its chunks arrive.
  const auto length = parser_->content_length();
  if (length && *length > limit) {
    reading_ = false;
    return RejectMalformed(beast_http::error::body_limit);
  }
  if (auto refusal = AskGate()) return Refuse(std::move(*refusal));
  parser_->body_limit(limit);
  ReadBody();
}

template <class Stream>
std::optional<Response> Session<Stream>::AskGate() {
  if (!context_.request_gate) return std::nullopt;
  const auto length = parser_->content_length();  // boost::optional
  const RequestHead head{parser_->get(), length ? std::optional<std::uint64_t>(*length) : std::nullopt,
                         parser_->chunked()};
  return Guarded(head.request, [&]() -> std::optional<Response> { return context_.request_gate(head); });
}

template <class Stream>
void Session<Stream>::ReadBody() {
  Tcp().expires_after(context_.request_timeout);
  beast_http::async_read(
      stream_, buffer_, *parser_,
      [self = this->shared_from_this()](beast::error_code read_error, std::size_t) { self->OnRead(read_error); });
}

template <class Stream>
void Session<Stream>::OnRead(beast::error_code error) {
  reading_ = false;
  if (IsMalformedRequest(error)) return RejectMalformed(error);
  // Timeout (the stream is already closed), cancellation by Shutdown(), end of stream, reset: nothing to answer.
  if (error) return Close();
  Request request = parser_->release();
  started_ = std::chrono::steady_clock::now();  // the duration logged runs from the complete request
  const bool keep_alive = request.keep_alive();
  Response response;
  {
    RequestNotesScope scope;
    response = Guarded(request, [&] { return context_.handler(request); });
    notes_ = scope.notes();
  }
  response.version(request.version());
  Reply(std::move(response), keep_alive);
}

template <class Stream>
void Session<Stream>::BeginRequest(std::string method, std::string target) {
  method_ = std::move(method);
  target_ = std::move(target);
  request_id_ = context_.request_id_prefix + "-" + std::to_string(context_.next_request_id++);
  notes_ = {};
  started_ = std::chrono::steady_clock::now();
}

template <class Stream>
void Session<Stream>::RejectMalformed(beast::error_code error) {
  // An oversized body is detected after the header, which then already named the request for the log.
  if (!parser_->is_header_done()) BeginRequest("-", "-");
  Refuse(MalformedRequestResponse(error));
}

template <class Stream>
void Session<Stream>::Refuse(Response response) {
  reading_ = false;
  notes_.route = kRejectedRoute;
  // The verb's name, as metrics.h labels methods: a made-up method must not make a series of its own.
  if (context_.on_refused) {
    context_.on_refused(parser_->is_header_done() ? ToStd(beast_http::to_string(parser_->get().method())) : "-",
                        response.result_int());
  }
  response.version(parser_->is_header_done() ? parser_->get().version() : 11);
  // The body is not read (or, after a parse error, the position in the byte stream is unknown), so the
  // connection cannot be reused.
  Reply(std::move(response), false);
}

template <class Stream>
void Session<Stream>::Reply(Response response, bool keep_alive) {
  response_ = std::move(response);
  response_.set(kRequestIdHeader, request_id_);
  if constexpr (kTls) response_.set(beast_http::field::strict_transport_security, kHsts);
  keep_alive = keep_alive && !context_.stopping;
  response_.keep_alive(keep_alive);
  response_.prepare_payload();
  Tcp().expires_after(context_.request_timeout);
  beast_http::async_write(stream_, response_,
                          [self = this->shared_from_this(), keep_alive](beast::error_code error, std::size_t) {
                            self->OnWrite(keep_alive, error);
                          });
}

template <class Stream>
void Session<Stream>::OnWrite(bool keep_alive, beast::error_code error) {
  LogAccess();
  if (error || !keep_alive) return Close();
  ReadRequest(false);
}

template <class Stream>
void Session<Stream>::CloseIfIdle() {
  // Idle means waiting for the first byte of a new request. A partly received request is let finish; it will
  // be answered with "Connection: close" because `stopping` is set. Bytes the kernel holds but the read has
  // not yet taken count as received: the client has sent its request, and dropping it would lose it.
  const bool nothing_read = waiting_ || (parser_ && !parser_->got_some());
  if (reading_ && nothing_read && NothingPending()) Tcp().cancel();
}

template <class Stream>
bool Session<Stream>::NothingPending() {
  beast::error_code ignored;
  return buffer_.size() == 0 && Tcp().socket().available(ignored) == 0;
}

template <class Stream>
void Session<Stream>::Close() {
  if constexpr (kTls) {
    // close_notify tells the client the answer is whole; its reply is awaited briefly, then the socket closes.
    Tcp().expires_after(kTlsCloseTimeout);
    stream_.async_shutdown([self = this->shared_from_this()](beast::error_code) { self->CloseSocket(); });
  } else {
    CloseSocket();
  }
}

template <class Stream>
void Session<Stream>::CloseSocket() {
  beast::error_code ignored;
  // Half-close first so the client reads the whole last response before it sees the end of the stream.
  Tcp().socket().shutdown(net::ip::tcp::socket::shutdown_send, ignored);
  Tcp().close();
}

template <class Stream>
void Session<Stream>::LogAccess() const {
  const auto duration = std::chrono::steady_clock::now() - started_;
  LogLine line("http");
  line.Text("request_id", request_id_)
      .Text("client", client_)
      .Text("method", method_)
      .Text("route", notes_.route.empty() ? "-" : notes_.route)
      .Text("target", RedactedTarget(target_))
      .Number("status", response_.result_int())
      .Number("bytes", static_cast<std::int64_t>(response_.body().size()))
      .Number("duration_us", std::chrono::duration_cast<std::chrono::microseconds>(duration).count());
  if (!notes_.login.empty()) line.Text("login", notes_.login);
  spdlog::info("{}", line.str());
}

template class Session<PlainStream>;
template class Session<TlsStream>;

}  // namespace motcua::http
