#pragma once
// The HTTP vocabulary shared by the server, the router and the handlers: one request and one response type,
// both Beast messages with the whole body in a std::string, and the handler signature that turns one into the
// other. A handler is a plain function of the request (the Beast example servers' handle_request()); it does no
// I/O on the connection, so it can be unit-tested without a socket.
#include <functional>
#include <string_view>

#include <boost/beast/core/string.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

namespace motcua::http {

namespace beast_http = boost::beast::http;

using Request = beast_http::request<beast_http::string_body>;
using Response = beast_http::response<beast_http::string_body>;
using Status = beast_http::status;
using Method = beast_http::verb;

// Builds the response to one request. Called concurrently from the server's threads, so it must be thread-safe.
// It need not set the HTTP version, Connection or Content-Length: the server fills them in before writing.
// An exception escaping it is a bug: the server answers 500 and logs it.
using Handler = std::function<Response(const Request&)>;

// The header naming one request in every log line about it: the server sets it on each request before the
// handler runs (replacing any the client sent) and on each response, so that a user can quote it.
inline constexpr const char* kRequestIdHeader = "X-Request-Id";

// The client's network address (without port), set by the server on each request before the handler runs
// (replacing any the client sent), for handlers that limit what one address may do (rate_limiter.h).
inline constexpr const char* kClientAddressHeader = "X-Motcua-Client-Address";

// Beast 1.74 hands out boost::string_view (method_string(), target(), header values); this converts to the
// standard one without copying.
inline std::string_view ToStd(boost::beast::string_view text) { return {text.data(), text.size()}; }

}  // namespace motcua::http
