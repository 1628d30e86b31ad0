#pragma once
// Reads every signature of a PDF back and judges it (app/signature_report.h): the byte ranges a signature covers
// must be the whole file but its own /Contents, as of the revision it signed; the CMS must verify over them; the
// signer's certificate must chain to one of the roots the province configured, checked at the signature's /M time
// (a certificate expired since then leaves an old signature valid, as the law reads it: validity at signing).
// Signatures are found through the interactive form's signature fields (ISO 32000-1 §12.7.4.5), in the
// form's order — the order of signing for files signed by appending.
// Pure function over bytes; thread-safe.
#include <string>
#include <string_view>
#include <vector>

#include "app/signature_report.h"
#include "app/signature_verifier.h"
#include "domain/error.h"

namespace motcua::sign {

// `trusted_roots` are DER certificates. InvalidArgument naming "file" for bytes qpdf cannot read as a PDF; a PDF
// without signatures gives an empty list; a signature that cannot be read at all has its `problem` set.
Result<std::vector<app::SignatureReport>> VerifyPdfSignatures(std::string_view pdf,
                                                              const std::vector<std::string>& trusted_roots);

// The server's SignatureVerifier: VerifyPdfSignatures against the roots it was made with.
class PdfSignatureVerifier final : public app::SignatureVerifier {
 public:
  explicit PdfSignatureVerifier(std::vector<std::string> trusted_roots) : roots_(std::move(trusted_roots)) {}
  Result<std::vector<app::SignatureReport>> Verify(std::string_view pdf) const override {
    return VerifyPdfSignatures(pdf, roots_);
  }

 private:
  const std::vector<std::string> roots_;  // DER
};

}  // namespace motcua::sign
