#pragma once
// The server's TLS settings (`motcua serve --tls-cert --tls-key`), read once at start-up so that a missing,
// unreadable or mismatched file stops the start with a message naming the flag, not the first connection.
// TLS 1.2 at least, forward-secret AEAD ciphers only for TLS 1.2 (TLS 1.3 has nothing else), no compression,
// no renegotiation. Certificates are read once: a renewed certificate takes effect at the next start.
// Thread-safety: the returned context is shared by every connection; OpenSSL makes that safe once it is set up.
#include <memory>
#include <string>

#include <boost/asio/ssl/context.hpp>

#include "domain/error.h"

namespace motcua::http {

struct TlsFiles {
  std::string certificate;  // PEM: the server's certificate, then any intermediate CA certificates
  std::string private_key;  // PEM: the certificate's private key, unencrypted
  bool enabled() const { return !certificate.empty() || !private_key.empty(); }
};

// A server context with `files` loaded. Errors name the flag at fault ("tls-cert", "tls-key"): a file that
// cannot be read (InvalidArgument, with the system's reason), one that is not PEM of the right kind, an encrypted
// key, a key that does not belong to the certificate, one of the two given without the other.
Result<std::unique_ptr<boost::asio::ssl::context>> LoadTlsContext(const TlsFiles& files);

}  // namespace motcua::http
