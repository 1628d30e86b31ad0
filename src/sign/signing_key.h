#pragma once
// A private key that signs at once, with its certificate: the center's seal in a PKCS#12 file
// (pkcs12_signing_key.h) or an official's USB token reached through PKCS#11 (pkcs11_signing_key.h). A remote
// signing service, which answers minutes later, is not a SigningKey: it signs the digest that
// PdfSigning::Prepare hands out (pdf_signing.h).
#include <span>
#include <string>
#include <vector>

#include "domain/error.h"

namespace motcua::sign {

class SigningKey {
 public:
  virtual ~SigningKey() = default;
  // The signer's certificate first, then the certificates of the CAs above it that the key's owner holds
  // (possibly none), each DER-encoded.
  virtual const std::vector<std::string>& CertificateChain() const = 0;
  // The signature over a SHA-256 digest, as CMS carries it: PKCS#1 v1.5 (a DigestInfo for SHA-256) for an RSA
  // key, a DER ECDSA-Sig-Value for an EC key. Unavailable, naming "signing_key", when the key cannot be used
  // (a token pulled out, a wrong PIN). Thread-safe.
  virtual Result<std::string> SignDigest(std::span<const unsigned char> sha256) const = 0;
};

}  // namespace motcua::sign
