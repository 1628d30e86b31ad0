#pragma once
// An official's signing key on a USB token (or a smart card, or an HSM), reached through the token maker's PKCS#11
// module with libp11. The private key never leaves the token: Open logs in with the official's PIN and finds the
// key and its certificate; SignDigest asks the token to sign. The center's seal in a PKCS#12 file is
// pkcs12_signing_key.h.
//
// Thread-safety: SignDigest and CertificateChain may be called from any number of threads at once; SignDigest
// holds one mutex for the whole call, because a PKCS#11 session may not be used by two threads at a time.
//
// One Pkcs11SigningKey per module in a process at a time: destroying one finalizes the module (C_Finalize), which
// ends the sessions of any other key opened on the same module.
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "domain/error.h"
#include "sign/signing_key.h"

namespace motcua::sign {

struct Pkcs11KeyOptions {
  // The path of the PKCS#11 module (.so): /usr/lib/softhsm/libsofthsm2.so, or the one the token's maker ships.
  std::string module = {};
  // The label of the token to use; "" = the first slot holding an initialized token.
  std::string token_label = {};
  // The label of the private key to use; "" = the first private key on the token that has a certificate.
  std::string key_label = {};
  // The user PIN. Never written to a message or a log.
  std::string pin = {};
};

class Pkcs11SigningKey final : public SigningKey {
 public:
  // Loads the module, finds the token, logs in as the user with the PIN, finds the key and the certificate whose
  // public key is the key's (same PKCS#11 id, else the same public key), and reads the chain: the signer's
  // certificate, then each certificate on the token whose subject is the previous one's issuer.
  // Unavailable, naming "signing_key", with the reason: the module cannot be loaded (naming its path), no token (or
  // none with the label), a wrong or locked PIN, no private key (or none with the label), no certificate for it.
  static Result<std::unique_ptr<Pkcs11SigningKey>> Open(const Pkcs11KeyOptions& options);

  ~Pkcs11SigningKey() override;
  Pkcs11SigningKey(const Pkcs11SigningKey&) = delete;
  Pkcs11SigningKey& operator=(const Pkcs11SigningKey&) = delete;

  const std::vector<std::string>& CertificateChain() const override;
  // InvalidArgument "digest" when `sha256` is not 32 bytes; Unavailable "signing_key" when the token refuses or
  // has been pulled out since Open.
  Result<std::string> SignDigest(std::span<const unsigned char> sha256) const override;

 private:
  struct Token;  // the loaded module, its slots and the key: libp11 types, kept out of this header
  Pkcs11SigningKey(std::unique_ptr<Token> token, std::vector<std::string> chain);

  mutable std::mutex mutex_;
  std::unique_ptr<Token> token_;  // its session is guarded by mutex_
  const std::vector<std::string> chain_;
};

}  // namespace motcua::sign
