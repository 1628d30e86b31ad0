#include "http/session.h"

#include <exception>
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

// The one boundary where exceptions from handlers stop (STYLE.md §4): they are bugs, so the client gets a
// 500 and the log gets the reason, and the connection goes on serving.
Response CallHandler(const Handler& handler, const Request& request) {
  try {
    return handler(request);
  } catch (const std::exception& e) {
    spdlog::error("http handler for {} {} threw: {}", ToStd(request.method_string()),
                  RedactedTarget(ToStd(request.target())), e.what());
  } catch (...) {
    spdlog::error("http handler for {} {} threw a non-standard exception", ToStd(request.method_string()),
                  RedactedTarget(ToStd(request.target())));
  }
  return ErrorResponse(Error::Internal("Lỗi nội bộ máy chủ", "internal server error"));
}

}  // namespace

void SessionRegistry::Add(std::uint64_t id, std::weak_ptr<Session> session) {
  std::lock_guard lock(mutex_);
  sessions_.emplace(id, std::move(session));
}

void SessionRegistry::Remove(std::uint64_t id) {
  std::lock_guard lock(mutex_);
  sessions_.erase(id);
}

void SessionRegistry::ShutdownAll() {
  // Calls happen outside the lock: dropping the last reference runs ~Session, which calls Remove().
  std::vector<std::shared_ptr<Session>> live;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [id, weak] : sessions_) {
      if (auto session = weak.lock()) live.push_back(std::move(session));
    }
  }
  for (const auto& session : live) session->Shutdown();
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

Session::Session(net::ip::tcp::socket socket, ConnectionContext& context)
    : stream_(std::move(socket)),
      context_(context),
      id_(context.next_session_id++),
      client_(PeerOf(stream_.socket())) {}

Session::~Session() { context_.sessions.Remove(id_); }

void Session::Start() {
  context_.sessions.Add(id_, weak_from_this());
  net::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::ReadRequest, shared_from_this()));
}

void Session::Shutdown() {
  net::post(stream_.get_executor(), beast::bind_front_handler(&Session::CloseIfIdle, shared_from_this()));
}

void Session::ReadRequest() {
  // During a shutdown a keep-alive connection closes, unless the client has already begun its next request:
  // that one is read and answered (with "Connection: close"), like any request in flight.
  if (context_.stopping && NothingPending()) return Close();
  parser_.emplace();
  // The header is read under the largest limit of any route, so that an upload's Content-Length passes the
  // parser's header check; OnHeader then applies the request's own limit before reading the body.
  parser_->body_limit(LargestBodyLimit(context_.larger_bodies, context_.max_body_bytes));
  // One deadline for the whole request: a client that trickles bytes cannot hold the connection forever.
  stream_.expires_after(context_.request_timeout);
  reading_ = true;
  beast_http::async_read_header(
      stream_, buffer_, *parser_,
      [self = shared_from_this()](beast::error_code error, std::size_t) { self->OnHeader(error); });
}

void Session::OnHeader(beast::error_code error) {
  if (error) return OnRead(error);
  const auto& header = parser_->get();
  const std::size_t limit =
      BodyLimitFor(context_.larger_bodies, header.method(), ToStd(header.target()), context_.max_body_bytes);
  // The parser checked the Content-Length against the largest limit only; a chunked body is held to `limit` as
  // its chunks arrive.
  const auto length = parser_->content_length();
  if (length && *length > limit) {
    reading_ = false;
    return RejectMalformed(beast_http::error::body_limit);
  }
  parser_->body_limit(limit);
  beast_http::async_read(
      stream_, buffer_, *parser_,
      [self = shared_from_this()](beast::error_code read_error, std::size_t) { self->OnRead(read_error); });
}

void Session::OnRead(beast::error_code error) {
  reading_ = false;
  if (IsMalformedRequest(error)) return RejectMalformed(error);
  // Timeout (the stream is already closed), cancellation by Shutdown(), end of stream, reset: nothing to answer.
  if (error) return Close();
  Request request = parser_->release();
  StartLogLine(std::string(ToStd(request.method_string())), std::string(ToStd(request.target())));
  // Replaces any ID the client sent: the handlers' own log lines (a denial, a refused login) then carry the
  // access line's ID, and a client cannot make two requests look like one.
  request.set(kRequestIdHeader, request_id_);
  request.set(kClientAddressHeader, AddressOf(client_));
  const bool keep_alive = request.keep_alive();
  Response response;
  {
    RequestNotesScope scope;
    response = CallHandler(context_.handler, request);
    notes_ = scope.notes();
  }
  response.version(request.version());
  Reply(std::move(response), keep_alive);
}

void Session::StartLogLine(std::string method, std::string target) {
  method_ = std::move(method);
  target_ = std::move(target);
  request_id_ = context_.request_id_prefix + "-" + std::to_string(context_.next_request_id++);
  notes_ = {};
  started_ = std::chrono::steady_clock::now();
}

void Session::RejectMalformed(beast::error_code error) {
  // An oversized body is detected after the header, which then still names the request in the log.
  const bool header_done = parser_->is_header_done();
  StartLogLine(header_done ? std::string(ToStd(parser_->get().method_string())) : "-",
               header_done ? std::string(ToStd(parser_->get().target())) : "-");
  notes_.route = kRejectedRoute;
  Response response = MalformedRequestResponse(error);
  // The verb's name, as metrics.h labels methods: a made-up method must not make a series of its own.
  if (context_.on_refused) {
    context_.on_refused(header_done ? ToStd(beast_http::to_string(parser_->get().method())) : "-",
                        response.result_int());
  }
  // After a parse error the position in the byte stream is unknown, so the connection cannot be reused.
  Reply(std::move(response), false);
}

void Session::Reply(Response response, bool keep_alive) {
  response_ = std::move(response);
  response_.set(kRequestIdHeader, request_id_);
  keep_alive = keep_alive && !context_.stopping;
  response_.keep_alive(keep_alive);
  response_.prepare_payload();
  stream_.expires_after(context_.request_timeout);
  beast_http::async_write(stream_, response_,
                          [self = shared_from_this(), keep_alive](beast::error_code error, std::size_t) {
                            self->OnWrite(keep_alive, error);
                          });
}

void Session::OnWrite(bool keep_alive, beast::error_code error) {
  LogAccess();
  if (error || !keep_alive) return Close();
  ReadRequest();
}

void Session::CloseIfIdle() {
  // Idle means waiting for the first byte of a new request. A partly received request is let finish; it will
  // be answered with "Connection: close" because `stopping` is set. Bytes the kernel holds but the read has
  // not yet taken count as received: the client has sent its request, and dropping it would lose it.
  const bool idle = reading_ && parser_ && !parser_->got_some() && NothingPending();
  if (idle) stream_.cancel();
}

bool Session::NothingPending() {
  beast::error_code ignored;
  return buffer_.size() == 0 && stream_.socket().available(ignored) == 0;
}

void Session::Close() {
  beast::error_code ignored;
  // Half-close first so the client reads the whole last response before it sees the end of the stream.
  stream_.socket().shutdown(net::ip::tcp::socket::shutdown_send, ignored);
  stream_.close();
}

void Session::LogAccess() const {
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

}  // namespace motcua::http
