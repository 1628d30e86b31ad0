#pragma once
// The port that reads the signatures of a PDF back and judges them against the roots the province trusts
// (DESIGN.md §6 `Signer`; the report: app/signature_report.h). The server's is sign/pdf_signature_verifier.h
// (qpdf and OpenSSL); the HTTP layer knows only this.
#include <string_view>
#include <vector>

#include "app/signature_report.h"
#include "domain/error.h"

namespace motcua::app {

class SignatureVerifier {
 public:
  virtual ~SignatureVerifier() = default;
  // Every signature of `pdf`, in the order of signing; none for a PDF that has none. InvalidArgument naming "file"
  // for bytes that are not a readable PDF. Thread-safe.
  virtual Result<std::vector<SignatureReport>> Verify(std::string_view pdf) const = 0;
};

// The one-word judgement the screens show for a signature, decided here once: "valid" (intact, the certificate
// valid when it signed and chained to a trusted root), "unknown_root" (intact and sound, but from a CA the
// province has not configured), "invalid" (anything else: changed since, unreadable, a bad chain).
std::string_view SignatureVerdict(const SignatureReport& report);

}  // namespace motcua::app
