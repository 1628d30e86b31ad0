#include "http/tls_context.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace motcua::http {
namespace ssl = boost::asio::ssl;
namespace {

// Mozilla's "intermediate" TLS 1.2 suites without the DHE ones (they would need DH parameters of our own).
constexpr const char* kTls12Ciphers =
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
    "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

Error FileError(const std::string& flag, const std::string& path, const std::string& vi, const std::string& en) {
  return Error::InvalidArgument(flag, "--" + flag + " \"" + path + "\": " + vi,
                                "--" + flag + " \"" + path + "\": " + en);
}

// OpenSSL's reasons are English only; the Vietnamese message says what was expected instead.
std::string OpenSslReason(const boost::system::error_code& error) {
  const unsigned long code = ERR_get_error();
  ERR_clear_error();
  if (code == 0) return error.message();
  char text[256];
  ERR_error_string_n(code, text, sizeof text);
  return text;
}

Result<void> CheckReadable(const std::string& flag, const std::string& path) {
  if (path.empty()) {
    return Fail(
        Error::InvalidArgument(flag, "cần cả --tls-cert và --tls-key", "both --tls-cert and --tls-key are needed"));
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    const std::string reason = std::strerror(errno);
    return Fail(FileError(flag, path, "không đọc được tệp (" + reason + ")", "cannot read the file (" + reason + ")"));
  }
  return {};
}

void SetUpProtocol(ssl::context& context) {
  context.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                      ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::no_compression |
                      ssl::context::single_dh_use);
  SSL_CTX* native = context.native_handle();
  SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION);
  SSL_CTX_set_cipher_list(native, kTls12Ciphers);
  // A client-asked renegotiation costs the server a handshake each time: a cheap way to load it.
  SSL_CTX_set_options(native, SSL_OP_NO_RENEGOTIATION);
}

Result<void> LoadCertificate(ssl::context& context, const std::string& path) {
  boost::system::error_code error;
  context.use_certificate_chain_file(path, error);
  if (!error) return {};
  const std::string reason = OpenSslReason(error);
  return Fail(FileError("tls-cert", path, "không phải chứng chỉ PEM dùng được (" + reason + ")",
                        "not a usable PEM certificate chain (" + reason + ")"));
}

Result<void> LoadKey(ssl::context& context, const std::string& path) {
  // An encrypted key would make OpenSSL ask for its passphrase on the terminal; an empty one makes it fail.
  context.set_password_callback([](std::size_t, ssl::context::password_purpose) { return std::string(); });
  boost::system::error_code error;
  context.use_private_key_file(path, ssl::context::pem, error);
  if (error) {
    const std::string reason = OpenSslReason(error);
    return Fail(FileError("tls-key", path, "không phải khoá riêng PEM không mã hoá (" + reason + ")",
                          "not an unencrypted PEM private key (" + reason + ")"));
  }
  if (SSL_CTX_check_private_key(context.native_handle()) != 1) {
    ERR_clear_error();
    return Fail(FileError("tls-key", path, "khoá không khớp với chứng chỉ --tls-cert",
                          "the key does not belong to the --tls-cert certificate"));
  }
  return {};
}

}  // namespace

Result<std::unique_ptr<ssl::context>> LoadTlsContext(const TlsFiles& files) {
  if (auto readable = CheckReadable("tls-cert", files.certificate); !readable) return Fail(readable.error());
  if (auto readable = CheckReadable("tls-key", files.private_key); !readable) return Fail(readable.error());
  auto context = std::make_unique<ssl::context>(ssl::context::tls_server);
  SetUpProtocol(*context);
  if (auto loaded = LoadCertificate(*context, files.certificate); !loaded) return Fail(loaded.error());
  if (auto loaded = LoadKey(*context, files.private_key); !loaded) return Fail(loaded.error());
  return context;
}

}  // namespace motcua::http
