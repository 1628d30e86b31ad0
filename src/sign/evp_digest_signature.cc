#include "sign/evp_digest_signature.h"

#include <openssl/rsa.h>

#include "sign/openssl_handles.h"

namespace motcua::sign {

std::optional<std::string> EvpDigestSignature(EVP_PKEY& key, std::span<const unsigned char> sha256) {
  EvpPkeyCtxPtr context(EVP_PKEY_CTX_new(&key, nullptr));
  if (!context || EVP_PKEY_sign_init(context.get()) <= 0 ||
      EVP_PKEY_CTX_set_signature_md(context.get(), EVP_sha256()) <= 0) {
    return std::nullopt;
  }
  if (EVP_PKEY_get_base_id(&key) == EVP_PKEY_RSA &&
      EVP_PKEY_CTX_set_rsa_padding(context.get(), RSA_PKCS1_PADDING) <= 0) {
    return std::nullopt;
  }
  std::size_t length = 0;
  if (EVP_PKEY_sign(context.get(), nullptr, &length, sha256.data(), sha256.size()) <= 0) return std::nullopt;
  std::string signature(length, '\0');
  if (EVP_PKEY_sign(context.get(), reinterpret_cast<unsigned char*>(signature.data()), &length, sha256.data(),
                    sha256.size()) <= 0) {
    return std::nullopt;
  }
  signature.resize(length);
  return signature;
}

}  // namespace motcua::sign
