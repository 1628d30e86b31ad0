#pragma once
// A look at a request between its header and its body (ServerOptions::request_gate). Every body is read whole into
// memory before a handler runs; a gate lets the server refuse a request from its header alone — a 20 MiB upload
// without a valid session is answered 401 before a byte of it is read, and the connection is closed, so that
// the upload never reaches the server's memory.
#include <cstdint>
#include <functional>
#include <optional>

#include "http/http_types.h"

namespace motcua::http {

// What is known of a request once its header is read.
struct RequestHead {
  // Method, target and header fields; its body is still empty. The server has already set kRequestIdHeader and
  // kClientAddressHeader, as on the requests handlers see.
  const Request& request;
  std::optional<std::uint64_t> content_length;  // the announced length; nullopt when chunked or bodiless
  bool chunked = false;                         // Transfer-Encoding: chunked (the length is unknown)
};

// nullopt lets the request go on (its body is read and the handler runs); a response refuses it: the response is
// sent and the connection closed without reading the body. Called on the server's threads: must be thread-safe.
using RequestGate = std::function<std::optional<Response>(const RequestHead&)>;

}  // namespace motcua::http
