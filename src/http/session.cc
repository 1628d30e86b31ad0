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
    return ErrorResponse(Status::request_header_fields_too_large, "header_too_large", "Phần đầu yêu cầu quá lớn",
                         "request header too large");
  }
  return ErrorResponse(Status::bad_request, "bad_request", "Yêu cầu HTTP không hợp lệ: " + error.message(),
                       "malformed HTTP request: " + error.message());
}

// The one boundary where exceptions from handlers stop (STYLE.md §4): they are bugs, so the client gets a
// 500 and the log gets the reason, and the connection goes on serving.
Response CallHandler(const Handler& handler, const Request& request) {
  try {
    return handler(request);
  } catch (const std::exception& e) {
    spdlog::error("http handler for {} {} threw: {}", ToStd(request.method_string()), ToStd(request.target()),
                  e.what());
  } catch (...) {
    spdlog::error("http handler for {} {} threw a non-standard exception", ToStd(request.method_string()),
                  ToStd(request.target()));
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

Session::Session(net::ip::tcp::socket socket, ConnectionContext& context)
    : stream_(std::move(socket)), context_(context), id_(context.next_session_id++) {}

Session::~Session() { context_.sessions.Remove(id_); }

void Session::Start() {
  context_.sessions.Add(id_, weak_from_this());
  net::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::ReadRequest, shared_from_this()));
}

void Session::Shutdown() {
  net::post(stream_.get_executor(), beast::bind_front_handler(&Session::CloseIfIdle, shared_from_this()));
}

void Session::ReadRequest() {
  if (context_.stopping) return Close();
  parser_.emplace();
  parser_->body_limit(context_.max_body_bytes);
  // One deadline for the whole request: a client that trickles bytes cannot hold the connection forever.
  stream_.expires_after(context_.request_timeout);
  reading_ = true;
  beast_http::async_read(stream_, buffer_, *parser_,
                         [self = shared_from_this()](beast::error_code error, std::size_t) { self->OnRead(error); });
}

void Session::OnRead(beast::error_code error) {
  reading_ = false;
  if (IsMalformedRequest(error)) return RejectMalformed(error);
  // Timeout (the stream is already closed), cancellation by Shutdown(), end of stream, reset: nothing to answer.
  if (error) return Close();
  Request request = parser_->release();
  method_ = std::string(ToStd(request.method_string()));
  target_ = std::string(ToStd(request.target()));
  started_ = std::chrono::steady_clock::now();
  const bool keep_alive = request.keep_alive();
  Response response = CallHandler(context_.handler, request);
  response.version(request.version());
  Reply(std::move(response), keep_alive);
}

void Session::RejectMalformed(beast::error_code error) {
  // An oversized body is detected after the header, which then still names the request in the log.
  const bool header_done = parser_->is_header_done();
  method_ = header_done ? std::string(ToStd(parser_->get().method_string())) : "-";
  target_ = header_done ? std::string(ToStd(parser_->get().target())) : "-";
  started_ = std::chrono::steady_clock::now();
  // After a parse error the position in the byte stream is unknown, so the connection cannot be reused.
  Reply(MalformedRequestResponse(error), false);
}

void Session::Reply(Response response, bool keep_alive) {
  response_ = std::move(response);
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
  // be answered with "Connection: close" because `stopping` is set.
  const bool idle = reading_ && buffer_.size() == 0 && parser_ && !parser_->got_some();
  if (idle) stream_.cancel();
}

void Session::Close() {
  beast::error_code ignored;
  // Half-close first so the client reads the whole last response before it sees the end of the stream.
  stream_.socket().shutdown(net::ip::tcp::socket::shutdown_send, ignored);
  stream_.close();
}

void Session::LogAccess() const {
  const auto duration = std::chrono::steady_clock::now() - started_;
  spdlog::info("http method={} target={} status={} bytes={} duration_us={}", method_, target_, response_.result_int(),
               response_.body().size(), std::chrono::duration_cast<std::chrono::microseconds>(duration).count());
}

}  // namespace motcua::http
