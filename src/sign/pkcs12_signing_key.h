#pragma once
// A key and its certificates in a PKCS#12 file (.p12/.pfx): the center's or agency's seal (con dấu điện tử), as a
// CA issues it for a server. The file is read once; its password is not kept. Thread-safe: signing uses no shared
// state but the key, which OpenSSL lets several threads use at once.
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sign/openssl_handles.h"
#include "sign/signing_key.h"

namespace motcua::sign {

class Pkcs12SigningKey final : public SigningKey {
 public:
  // The key in the PKCS#12 bytes `file`. InvalidArgument naming "signing_key" for bytes that are not PKCS#12, a
  // wrong password, or a file without a key and its certificate.
  static Result<std::unique_ptr<Pkcs12SigningKey>> FromBytes(std::string_view file, const std::string& password);

  const std::vector<std::string>& CertificateChain() const override { return certificates_; }
  Result<std::string> SignDigest(std::span<const unsigned char> sha256) const override;

 private:
  Pkcs12SigningKey(EvpPkeyPtr key, std::vector<std::string> certificates)
      : key_(std::move(key)), certificates_(std::move(certificates)) {}

  EvpPkeyPtr key_;
  std::vector<std::string> certificates_;
};

}  // namespace motcua::sign
