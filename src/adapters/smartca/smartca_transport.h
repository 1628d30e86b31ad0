#pragma once
// How SmartCaSigningService (smartca_signing_service.h) reaches VNPT SmartCA's gateway: one POST of a body to
// {base_url}{route} per call, over a fresh connection, answered by an HTTP status and a body that this layer does not
// read. What the body means — the JSON envelope, status_code, the CA's refusals — is the service's.
//
// The rules:
// - https:// with TLS 1.2 or later, the peer's certificate verified against the system's CA store (OpenSSL's default
//   paths, which honour SSL_CERT_FILE/SSL_CERT_DIR), the host name checked (wildcards only as a whole left-most
//   label) and sent as SNI (not for an IP address).
// - Plain http:// only to a loopback host (127.0.0.1, ::1, localhost), and only to the loopback addresses
//   "localhost" resolves to: a TLS-terminating proxy on the same machine, or a test's mock. The SP password travels
//   in the body, so it never leaves the machine in clear.
// - The timeout bounds one whole exchange (resolve, connect, handshake, send, receive); a host name is resolved
//   within it too, though a resolver that hangs is waited for.
// - A reply body over max_response_bytes is a failure, checked as it arrives.
// - The request carries Host, Content-Type and Accept application/json, User-Agent motcua and Connection: close;
//   nothing secret goes in the URL or a header.
//
// Thread-safety: Post() may be called from any number of threads at once. Each call opens its own connection on
// its own io_context; the object holds only the endpoint and a TLS context, fixed by Create().
#include <chrono>
#include <cstddef>
#include <expected>
#include <memory>
#include <string>
#include <string_view>

#include "domain/error.h"

namespace motcua::adapters {

// The parts of a base_url the transport needs.
struct SmartCaEndpoint {
  bool tls = true;          // https:// (else http:// to a loopback host)
  std::string host;         // a name or an IP address (an IPv6 one without its brackets)
  std::string port;         // "443" (https) or "80" (http) unless given
  std::string host_header;  // host[:port] as written in the URL
  std::string path;         // the URL's path without its trailing '/'s; "" for none
};

class SmartCaTransport {
 public:
  // What one exchange brought back: the HTTP status and the body, not yet read.
  struct Reply {
    unsigned status = 0;
    std::string body;
  };
  // Why an exchange brought nothing back, in our own words (never the body or anything sent): a timeout, a body over
  // the cap, a failed connection or handshake. The caller logs it and makes it its Unavailable error.
  struct Failure {
    std::string why_vi;
    std::string why_en;
  };

  // The endpoint of "https://host[:port][/path]" or "http://{127.0.0.1|[::1]|localhost}[:port][/path]" (the scheme
  // in any case). InvalidArgument "smartca_endpoint" otherwise: http:// to any other host, another scheme, no host,
  // a port outside 1–65535, a user or password in the URL (the password belongs in MOTCUA_SMARTCA_SP_PASSWORD), a
  // query, a fragment or a space.
  static Result<SmartCaEndpoint> ParseEndpoint(std::string_view url);

  // A transport to `endpoint` (from ParseEndpoint). Precondition: timeout is positive. Unavailable
  // "signing_service" if the system's TLS settings cannot be loaded (https:// only; http:// loads none).
  static Result<std::unique_ptr<const SmartCaTransport>> Create(SmartCaEndpoint endpoint,
                                                                std::chrono::milliseconds timeout,
                                                                std::size_t max_response_bytes);
  ~SmartCaTransport();
  SmartCaTransport(const SmartCaTransport&) = delete;
  SmartCaTransport& operator=(const SmartCaTransport&) = delete;

  // POSTs `body` (JSON) to {path}{route}; `route` starts with '/'. Any HTTP status is a Reply, 500 included.
  std::expected<Reply, Failure> Post(const std::string& route, std::string body) const;

 private:
  struct Tls;  // the client TLS context (smartca_transport.cc)

  SmartCaTransport(SmartCaEndpoint endpoint, std::unique_ptr<Tls> tls, std::chrono::milliseconds timeout,
                   std::size_t max_response_bytes);

  const SmartCaEndpoint endpoint_;
  const std::unique_ptr<Tls> tls_;  // https: verifying peers against the system's CA store; null for http
  const std::chrono::milliseconds timeout_;
  const std::size_t max_response_bytes_;
};

}  // namespace motcua::adapters
