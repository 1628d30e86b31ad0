#include "sign/openssl_handles.h"

#include <openssl/err.h>
#include <openssl/sha.h>

namespace motcua::sign {

X509Ptr ParseCertificate(std::string_view der) {
  auto cursor = reinterpret_cast<const unsigned char*>(der.data());
  X509Ptr certificate(d2i_X509(nullptr, &cursor, static_cast<long>(der.size())));
  ERR_clear_error();
  return certificate;
}

std::string CertificateDer(const X509& certificate) {
  unsigned char* buffer = nullptr;
  const int length = i2d_X509(&certificate, &buffer);
  if (length <= 0) return {};
  std::string der(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length));
  OPENSSL_free(buffer);
  return der;
}

std::string Sha256(std::string_view bytes) {
  std::string digest(SHA256_DIGEST_LENGTH, '\0');
  SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
         reinterpret_cast<unsigned char*>(digest.data()));
  return digest;
}

std::string TakeOpenSslError() {
  const unsigned long code = ERR_get_error();
  ERR_clear_error();
  if (code == 0) return {};
  char text[256];
  ERR_error_string_n(code, text, sizeof text);
  return text;
}

}  // namespace motcua::sign
