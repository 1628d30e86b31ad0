#pragma once
// The port that signs a PDF in two steps, for a key that answers later (a remote signing service, app/
// remote_signing_service.h): Prepare appends the empty signature and gives the digest the key must sign; Complete
// checks the key's answer against the certificate and writes the signature in. Between the two the prepared
// signature is kept in the store (domain/signing_request.h), for minutes and across a restart. The server's is
// sign/pades_signature_steps.h (PAdES B-B, sign/pdf_signing.h). Thread-safe.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "app/result_signer.h"
#include "domain/error.h"

namespace motcua::app {

struct PreparedPdfSignature {
  std::string pdf;  // the PDF with its empty signature
  std::size_t contents_offset = 0;
  std::size_t contents_length = 0;
  std::vector<std::string> certificates;  // DER, the signer's first
  std::string signed_attributes;          // DER: what the key signs, through its digest
  std::string digest;                     // SHA-256 of signed_attributes, 32 raw bytes
};

class PdfSignatureSteps {
 public:
  virtual ~PdfSignatureSteps() = default;
  // FailedPrecondition naming "certificate" when the signer's certificate cannot sign at text.at; InvalidArgument
  // naming "file" for a PDF that cannot be signed.
  virtual Result<PreparedPdfSignature> Prepare(std::string_view pdf, const ResultSignatureText& text,
                                               std::vector<std::string> certificates) const = 0;
  // The signed PDF. InvalidArgument naming "signature" when `signature` is not the certificate's key's over the
  // digest (a forged or garbled answer): nothing is written then.
  virtual Result<std::string> Complete(PreparedPdfSignature prepared, std::string_view signature) const = 0;
};

}  // namespace motcua::app
