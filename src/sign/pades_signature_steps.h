#pragma once
// app::PdfSignatureSteps with sign/pdf_signing.h: PAdES baseline B-B, as the seal and the token sign.
// Thread-safe: no state.
#include "app/pdf_signature_steps.h"

namespace motcua::sign {

class PadesSignatureSteps final : public app::PdfSignatureSteps {
 public:
  Result<app::PreparedPdfSignature> Prepare(std::string_view pdf, const app::ResultSignatureText& text,
                                            std::vector<std::string> certificates) const override;
  Result<std::string> Complete(app::PreparedPdfSignature prepared, std::string_view signature) const override;
};

}  // namespace motcua::sign
