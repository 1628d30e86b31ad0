#include "adapters/smartca/smartca_transport.h"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream_base.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/stream_traits.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include "adapters/smartca/smartca_signing_service.h"

namespace motcua::adapters {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

constexpr const char* kServiceField = "signing_service";

// ---- The endpoint -------------------------------------------------------------------------------------------

Error BadEndpoint(std::string_view url, const std::string& why_vi, const std::string& why_en) {
  return Error::InvalidArgument("smartca_endpoint", "địa chỉ SmartCA «" + std::string(url) + "»: " + why_vi,
                                "SmartCA endpoint \"" + std::string(url) + "\": " + why_en);
}

std::string Lowered(std::string_view text) {
  std::string lower(text);
  std::ranges::transform(lower, lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

bool IsHostName(std::string_view host) {
  return !host.empty() && std::ranges::all_of(host, [](unsigned char c) {
    return std::isalnum(c) != 0 || c == '.' || c == '-' || c == '_';
  });
}

// "8443" in 1–65535, or empty when the text is not such a port.
std::string PortIn(std::string_view text) {
  if (text.empty() || text.size() > 5 || !std::ranges::all_of(text, [](unsigned char c) { return std::isdigit(c); })) {
    return "";
  }
  const int port = std::stoi(std::string(text));
  return port >= 1 && port <= 65535 ? std::to_string(port) : "";
}

// The host and port of "host[:port]" or "[IPv6][:port]", or none when malformed.
std::optional<std::pair<std::string, std::string>> HostAndPort(std::string_view authority,
                                                               std::string_view default_port) {
  std::string_view host = authority;
  std::string_view port = default_port;
  if (authority.starts_with('[')) {
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    host = authority.substr(1, close - 1);
    const std::string_view after = authority.substr(close + 1);
    if (!after.empty() && !after.starts_with(':')) return std::nullopt;
    if (!after.empty()) port = after.substr(1);
    boost::system::error_code ec;
    asio::ip::make_address_v6(std::string(host), ec);
    if (host.empty() || ec) return std::nullopt;
  } else {
    const std::size_t colon = authority.find(':');
    host = authority.substr(0, colon);
    if (colon != std::string_view::npos) port = authority.substr(colon + 1);
    if (!IsHostName(host)) return std::nullopt;
  }
  std::string checked = PortIn(port);
  if (checked.empty()) return std::nullopt;
  return std::pair(std::string(host), std::move(checked));
}

// Plain HTTP goes no further than this machine: the SP password travels in the body.
bool IsLoopbackHost(const std::string& host) {
  if (Lowered(host) == "localhost") return true;
  boost::system::error_code ec;
  const asio::ip::address address = asio::ip::make_address(host, ec);
  if (ec) return false;
  return address == asio::ip::make_address("127.0.0.1") ||
         address == asio::ip::address(asio::ip::address_v6::loopback());
}

// ---- TLS ----------------------------------------------------------------------------------------------------

// A client context verifying servers against the system's CA store, TLS 1.2 at least.
Result<asio::ssl::context> ClientTlsContext() {
  asio::ssl::context context(asio::ssl::context::tls_client);
  boost::system::error_code ec;
  context.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_compression, ec);
  if (!ec) context.set_default_verify_paths(ec);
  if (!ec) context.set_verify_mode(asio::ssl::verify_peer, ec);
  if (ec || SSL_CTX_set_min_proto_version(context.native_handle(), TLS1_2_VERSION) != 1) {
    ERR_clear_error();
    const std::string why = ec ? ec.message() : "TLS 1.2";
    return Fail(Error::Unavailable(kServiceField, "không nạp được thiết lập TLS của hệ thống (" + why + ")",
                                   "the system's TLS settings could not be loaded (" + why + ")"));
  }
  return context;
}

// SNI and the host-name check for one connection (an IP address is checked as one, and not sent as SNI).
bool NameThePeer(SSL* ssl, const std::string& host) {
  X509_VERIFY_PARAM* param = SSL_get0_param(ssl);
  boost::system::error_code ec;
  asio::ip::make_address(host, ec);
  if (!ec) return X509_VERIFY_PARAM_set1_ip_asc(param, host.c_str()) == 1;
  X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
  return SSL_set_tlsext_host_name(ssl, host.c_str()) == 1 && X509_VERIFY_PARAM_set1_host(param, host.c_str(), 0) == 1;
}

// ---- The exchange ----------------------------------------------------------------------------------------

using Request = bhttp::request<bhttp::string_body>;
using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;
using Outcome = std::expected<SmartCaTransport::Reply, SmartCaTransport::Failure>;

// One request and its reply over a fresh connection on the caller's io_context: resolve, connect, (TLS
// handshake), write, read. done() once the reply is read or a step failed; Cancel() ends what is under way.
template <class Stream>
class Exchange {
 public:
  template <class... StreamArguments>
  Exchange(asio::io_context& io, Request request, std::size_t max_body, bool loopback_only,
           StreamArguments&&... stream_arguments)
      : resolver_(io),
        stream_(std::forward<StreamArguments>(stream_arguments)...),
        request_(std::move(request)),
        max_body_(max_body),
        loopback_only_(loopback_only) {
    parser_.body_limit(max_body);
  }

  Stream& stream() { return stream_; }
  void Start(const std::string& host, const std::string& port) {
    resolver_.async_resolve(host, port, [this](beast::error_code ec, const tcp::resolver::results_type& results) {
      if (ec) return Finish(ec);
      OnResolve(results);
    });
  }
  void Cancel() {
    resolver_.cancel();
    beast::get_lowest_layer(stream_).cancel();
  }

  bool done() const { return done_; }
  beast::error_code error() const { return error_; }
  bhttp::response<bhttp::string_body>& response() { return parser_.get(); }

 private:
  // Plain HTTP only to loopback addresses, whatever the resolver says "localhost" is.
  void OnResolve(const tcp::resolver::results_type& results) {
    for (const auto& entry : results) {
      if (!loopback_only_ || entry.endpoint().address().is_loopback()) endpoints_.push_back(entry.endpoint());
    }
    if (endpoints_.empty()) return Finish(asio::error::host_not_found);
    beast::get_lowest_layer(stream_).async_connect(endpoints_,
                                                   [this](beast::error_code e, const tcp::endpoint&) { OnConnect(e); });
  }
  void OnConnect(beast::error_code ec) {
    if (ec) return Finish(ec);
    if constexpr (std::is_same_v<Stream, TlsStream>) {
      stream_.async_handshake(asio::ssl::stream_base::client, [this](beast::error_code e) {
        if (e) return Finish(e);
        Write();
      });
    } else {
      Write();
    }
  }
  void Write() {
    bhttp::async_write(stream_, request_, [this](beast::error_code ec, std::size_t) {
      if (ec) return Finish(ec);
      ReadSome();
    });
  }
  // Piece by piece rather than with async_read, whose eager parsing lets a body past the parser's limit (Boost
  // 1.74); the size is checked after each piece as well.
  void ReadSome() {
    bhttp::async_read_some(stream_, buffer_, parser_, [this](beast::error_code ec, std::size_t) {
      if (!ec && parser_.get().body().size() > max_body_) ec = bhttp::error::body_limit;
      if (ec || parser_.is_done()) return Finish(ec);
      ReadSome();
    });
  }
  void Finish(beast::error_code ec) {
    if (done_) return;
    done_ = true;
    error_ = ec;
  }

  tcp::resolver resolver_;
  Stream stream_;
  Request request_;
  std::vector<tcp::endpoint> endpoints_;
  beast::flat_buffer buffer_;
  bhttp::response_parser<bhttp::string_body> parser_;
  std::size_t max_body_;
  bool loopback_only_;
  bool done_ = false;
  beast::error_code error_;
};

Outcome Failed(std::string why_vi, std::string why_en) {
  return std::unexpected(SmartCaTransport::Failure{std::move(why_vi), std::move(why_en)});
}

template <class Stream>
Outcome Run(asio::io_context& io, Exchange<Stream>& exchange, const SmartCaEndpoint& endpoint,
            std::chrono::milliseconds timeout, std::size_t max_response_bytes) {
  exchange.Start(endpoint.host, endpoint.port);
  io.run_for(timeout);
  if (!exchange.done()) {
    exchange.Cancel();
    io.restart();
    io.run();  // the cancelled steps end at once
    const std::string ms = std::to_string(timeout.count());
    return Failed("quá " + ms + " ms không có trả lời", "no reply within " + ms + " ms");
  }
  if (exchange.error() == bhttp::error::body_limit) {
    const std::string bytes = std::to_string(max_response_bytes);
    return Failed("trả lời dài quá " + bytes + " byte", "the reply is over " + bytes + " bytes");
  }
  if (exchange.error()) {
    const std::string why = exchange.error().message();
    return Failed("lỗi kết nối (" + why + ")", "connection failed (" + why + ")");
  }
  return SmartCaTransport::Reply{exchange.response().result_int(), std::move(exchange.response().body())};
}

}  // namespace

struct SmartCaTransport::Tls {
  asio::ssl::context context;
};

Result<SmartCaEndpoint> SmartCaTransport::ParseEndpoint(std::string_view url) {
  const std::size_t separator = url.find("://");
  const std::string scheme = separator == std::string_view::npos ? "" : Lowered(url.substr(0, separator));
  if (scheme != "https" && scheme != "http") {
    return Fail(BadEndpoint(url, "phải bắt đầu bằng https://", "must start with https://"));
  }
  const std::string_view rest = url.substr(separator + 3);
  const std::string_view authority = rest.substr(0, rest.find('/'));
  const std::string_view path = rest.substr(authority.size());
  if (authority.find('@') != std::string_view::npos) {
    return Fail(BadEndpoint(
        url,
        "không ghi tài khoản, mật khẩu trong địa chỉ; mật khẩu SP đặt trong biến môi trường " +
            std::string(kSmartCaSpPasswordVariable),
        "no user or password in the URL; the SP password goes in " + std::string(kSmartCaSpPasswordVariable)));
  }
  if (path.find_first_of("?# ") != std::string_view::npos) {
    return Fail(BadEndpoint(url, "đường dẫn không được có ?, # hay dấu cách", "the path must have no ?, # or space"));
  }
  SmartCaEndpoint endpoint;
  endpoint.tls = scheme == "https";
  auto host_port = HostAndPort(authority, endpoint.tls ? "443" : "80");
  if (!host_port) {
    return Fail(BadEndpoint(url, "cần tên máy[:cổng], cổng từ 1 đến 65535", "host[:port] expected, port 1–65535"));
  }
  if (!endpoint.tls && !IsLoopbackHost(host_port->first)) {
    return Fail(BadEndpoint(url, "http:// chỉ được dùng tới chính máy này (127.0.0.1, ::1, localhost); dùng https://",
                            "http:// only to this machine (127.0.0.1, ::1, localhost); use https://"));
  }
  endpoint.host = std::move(host_port->first);
  endpoint.port = std::move(host_port->second);
  endpoint.host_header = std::string(authority);
  endpoint.path = std::string(path);
  while (endpoint.path.ends_with('/')) endpoint.path.pop_back();
  return endpoint;
}

Result<std::unique_ptr<const SmartCaTransport>> SmartCaTransport::Create(SmartCaEndpoint endpoint,
                                                                         std::chrono::milliseconds timeout,
                                                                         std::size_t max_response_bytes) {
  std::unique_ptr<Tls> tls;
  if (endpoint.tls) {
    auto context = ClientTlsContext();
    if (!context) return Fail(context.error());
    tls = std::make_unique<Tls>(Tls{std::move(*context)});
  }
  return std::unique_ptr<const SmartCaTransport>(
      new SmartCaTransport(std::move(endpoint), std::move(tls), timeout, max_response_bytes));
}

SmartCaTransport::SmartCaTransport(SmartCaEndpoint endpoint, std::unique_ptr<Tls> tls,
                                   std::chrono::milliseconds timeout, std::size_t max_response_bytes)
    : endpoint_(std::move(endpoint)),
      tls_(std::move(tls)),
      timeout_(timeout),
      max_response_bytes_(max_response_bytes) {}

SmartCaTransport::~SmartCaTransport() = default;

std::expected<SmartCaTransport::Reply, SmartCaTransport::Failure> SmartCaTransport::Post(const std::string& route,
                                                                                         std::string body) const {
  Request request{bhttp::verb::post, endpoint_.path + route, 11};
  request.set(bhttp::field::host, endpoint_.host_header);
  request.set(bhttp::field::content_type, "application/json");
  request.set(bhttp::field::accept, "application/json");
  request.set(bhttp::field::user_agent, "motcua");
  request.keep_alive(false);
  request.body() = std::move(body);
  request.prepare_payload();

  asio::io_context io;
  if (!endpoint_.tls) {
    Exchange<PlainStream> exchange(io, std::move(request), max_response_bytes_, true, io);
    return Run(io, exchange, endpoint_, timeout_, max_response_bytes_);
  }
  Exchange<TlsStream> exchange(io, std::move(request), max_response_bytes_, false, io, tls_->context);
  if (!NameThePeer(exchange.stream().native_handle(), endpoint_.host)) {
    ERR_clear_error();
    return Failed("không đặt được tên máy chủ cho TLS", "the server's name could not be set for TLS");
  }
  return Run(io, exchange, endpoint_, timeout_, max_response_bytes_);
}

}  // namespace motcua::adapters
