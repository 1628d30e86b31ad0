#include "sign/pkcs12_signing_key.h"

#include <openssl/pkcs12.h>
#include <openssl/rsa.h>

namespace motcua::sign {
namespace {

Error Unreadable() {
  return Error::InvalidArgument("signing_key", "Không mở được tệp khóa PKCS#12: sai mật khẩu hoặc tệp không đúng.",
                                "The PKCS#12 key file cannot be opened: a wrong password or not such a file.");
}

}  // namespace

Result<std::unique_ptr<Pkcs12SigningKey>> Pkcs12SigningKey::FromBytes(std::string_view file,
                                                                      const std::string& password) {
  auto cursor = reinterpret_cast<const unsigned char*>(file.data());
  std::unique_ptr<PKCS12, OpenSslDeleter<PKCS12, PKCS12_free>> bundle(
      d2i_PKCS12(nullptr, &cursor, static_cast<long>(file.size())));
  EVP_PKEY* key = nullptr;
  X509* certificate = nullptr;
  STACK_OF(X509)* authorities = nullptr;
  if (!bundle || PKCS12_parse(bundle.get(), password.c_str(), &key, &certificate, &authorities) != 1) {
    TakeOpenSslError();
    return Fail(Unreadable());
  }
  EvpPkeyPtr owned_key(key);
  X509Ptr owned_certificate(certificate);
  std::vector<std::string> chain;
  if (owned_certificate) chain.push_back(CertificateDer(*owned_certificate));
  for (int i = 0; i < sk_X509_num(authorities); ++i) chain.push_back(CertificateDer(*sk_X509_value(authorities, i)));
  sk_X509_pop_free(authorities, X509_free);
  if (!owned_key || chain.empty()) return Fail(Unreadable());
  return std::unique_ptr<Pkcs12SigningKey>(new Pkcs12SigningKey(std::move(owned_key), std::move(chain)));
}

Result<std::string> Pkcs12SigningKey::SignDigest(std::span<const unsigned char> sha256) const {
  return SignDigestWith(*key_, sha256);
}

Result<std::string> SignDigestWith(EVP_PKEY& key, std::span<const unsigned char> sha256) {
  if (sha256.size() != 32) {
    return Fail(Error::InvalidArgument("digest", "Mã băm cần ký phải dài 32 byte (SHA-256).",
                                       "The digest to sign must be 32 bytes (SHA-256)."));
  }
  EvpPkeyCtxPtr context(EVP_PKEY_CTX_new(&key, nullptr));
  std::size_t length = 0;
  const bool ready = context && EVP_PKEY_sign_init(context.get()) == 1 &&
                     EVP_PKEY_CTX_set_signature_md(context.get(), EVP_sha256()) == 1 &&
                     (EVP_PKEY_get_base_id(&key) != EVP_PKEY_RSA ||
                      EVP_PKEY_CTX_set_rsa_padding(context.get(), RSA_PKCS1_PADDING) == 1) &&
                     EVP_PKEY_sign(context.get(), nullptr, &length, sha256.data(), sha256.size()) == 1;
  std::string signature(length, '\0');
  if (!ready || EVP_PKEY_sign(context.get(), reinterpret_cast<unsigned char*>(signature.data()), &length, sha256.data(),
                              sha256.size()) != 1) {
    const std::string reason = TakeOpenSslError();
    return Fail(
        Error::Unavailable("signing_key", "Khóa không ký được: " + reason, "The key could not sign: " + reason));
  }
  signature.resize(length);
  return signature;
}

}  // namespace motcua::sign
