#pragma once
// The server's ResultSigner (app/result_signer.h), made once at start-up from `motcua serve`'s options: the
// agency's seal from a PKCS#12 file (its password from the environment, never from the command line where any
// user of the machine can read it), and/or a PKCS#11 token on this PC, opened for each signature with the PIN
// the official types and closed after — the PIN is never kept. Either, both or neither may be configured.
// Thread-safe: the seal is read-only; signatures on the token are taken one at a time (a module is loaded and
// finalized per signature, which two at once would break).
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "app/result_signer.h"
#include "sign/pdf_signing.h"
#include "sign/pkcs11_signing_key.h"
#include "sign/pkcs12_signing_key.h"

namespace motcua::sign {

struct ResultSignerOptions {
  std::string seal_file = {};      // a PKCS#12 file; "" = no seal
  std::string seal_password = {};  // its password
  Pkcs11KeyOptions token = {};     // token.module "" = no token; token.pin is ignored (each request brings its own)
};

class ConfiguredResultSigner final : public app::ResultSigner {
 public:
  // InvalidArgument naming "seal_file" when the seal's file cannot be read, or the errors of
  // Pkcs12SigningKey::FromBytes; naming "token_module" when the module's file does not exist. A seal whose
  // certificate has expired is accepted here (the server still starts) and refused when it signs.
  static Result<std::unique_ptr<ConfiguredResultSigner>> Create(const ResultSignerOptions& options);
  // The same over a seal already opened (null for none), for tests; `token` as in ResultSignerOptions.
  static std::unique_ptr<ConfiguredResultSigner> FromKeys(std::unique_ptr<Pkcs12SigningKey> seal,
                                                          Pkcs11KeyOptions token);

  std::vector<app::SigningMethodInfo> Methods() const override;
  Result<std::string> Sign(app::SigningMethod method, std::string_view pin, std::string_view pdf,
                           const app::ResultSignatureText& text) const override;

 private:
  ConfiguredResultSigner(std::unique_ptr<Pkcs12SigningKey> seal, Pkcs11KeyOptions token)
      : seal_(std::move(seal)), token_(std::move(token)) {}
  Result<std::string> SignOnToken(std::string_view pin, std::string_view pdf, const SignatureDetails& details) const;

  const std::unique_ptr<Pkcs12SigningKey> seal_;  // null when not configured
  const Pkcs11KeyOptions token_;                  // module "" when not configured
  mutable std::mutex token_mutex_;                // one signature on the token at a time
};

}  // namespace motcua::sign
