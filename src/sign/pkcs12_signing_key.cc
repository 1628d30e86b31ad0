#include "sign/pkcs12_signing_key.h"

#include <openssl/pkcs12.h>

#include "sign/evp_digest_signature.h"

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
  if (sha256.size() != 32) {
    return Fail(Error::InvalidArgument("digest", "Mã băm cần ký phải dài 32 byte (SHA-256).",
                                       "The digest to sign must be 32 bytes (SHA-256)."));
  }
  if (std::optional<std::string> signature = EvpDigestSignature(*key_, sha256)) return std::move(*signature);
  const std::string reason = TakeOpenSslError();
  return Fail(Error::Unavailable("signing_key", "Khóa không ký được: " + reason, "The key could not sign: " + reason));
}

}  // namespace motcua::sign
