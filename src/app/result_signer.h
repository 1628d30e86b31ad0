#pragma once
// The port that signs a dossier's result PDF with a key the server can reach (DESIGN.md §6 `Signer`): the
// agency's seal in a PKCS#12 file (con dấu điện tử: any leader's approval may put it on), or an official's USB
// token plugged into the server's PC — the one-PC commune — unlocked by the PIN the official types for each
// signature and never kept. The server's is sign/configured_result_signer.h; a remote signing service, which
// answers minutes later, is app/remote_signing_service.h.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/clock.h"
#include "app/signature_report.h"
#include "domain/error.h"

namespace motcua::app {

enum class SigningMethod { kSeal, kToken };
std::string_view SigningMethodName(SigningMethod method);  // "seal", "token"
std::optional<SigningMethod> ParseSigningMethod(std::string_view name);

// A way of signing this server offers, for the screens to offer it.
struct SigningMethodInfo {
  SigningMethod method = SigningMethod::kSeal;
  bool needs_pin = false;                       // the token's PIN must come with the request
  std::optional<CertificateFacts> certificate;  // the seal's, known at start-up; a token's is read when it signs
};

// What the signature says besides the signature itself.
struct ResultSignatureText {
  std::string signer_name;  // the official's name as the system knows it
  std::string reason;       // "Phê duyệt kết quả giải quyết hồ sơ …"
  std::string location;     // the agency
  Instant at{};
};

class ResultSigner {
 public:
  virtual ~ResultSigner() = default;
  // The methods configured on this server, possibly none.
  virtual std::vector<SigningMethodInfo> Methods() const = 0;
  // The signed PDF. FailedPrecondition naming "method" for a method not configured here, or naming "certificate"
  // for a certificate that cannot sign now (expired: the message says since when); Unavailable naming
  // "signing_key" for a token that cannot be opened or refuses (a wrong PIN among them); InvalidArgument naming
  // "file" for a result that is not a PDF that can be signed. Thread-safe.
  virtual Result<std::string> Sign(SigningMethod method, std::string_view pin, std::string_view pdf,
                                   const ResultSignatureText& text) const = 0;
};

}  // namespace motcua::app
