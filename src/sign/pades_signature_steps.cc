#include "sign/pades_signature_steps.h"

#include <utility>

#include "sign/pdf_signing.h"

namespace motcua::sign {

Result<app::PreparedPdfSignature> PadesSignatureSteps::Prepare(std::string_view pdf,
                                                               const app::ResultSignatureText& text,
                                                               std::vector<std::string> certificates) const {
  auto pending = sign::Prepare(pdf, DetailsOf(text), std::move(certificates));
  if (!pending) return Fail(std::move(pending.error()));
  return app::PreparedPdfSignature{std::move(pending->placeholder.pdf),   pending->placeholder.contents_offset,
                                   pending->placeholder.contents_length,  std::move(pending->certificates),
                                   std::move(pending->signed_attributes), std::move(pending->digest_to_sign)};
}

Result<std::string> PadesSignatureSteps::Complete(app::PreparedPdfSignature prepared,
                                                  std::string_view signature) const {
  PendingSignature pending{
      .placeholder = {std::move(prepared.pdf), prepared.contents_offset, prepared.contents_length},
      .certificates = std::move(prepared.certificates),
      .signed_attributes = std::move(prepared.signed_attributes),
      .digest_to_sign = std::move(prepared.digest),
  };
  return sign::Complete(std::move(pending), signature);
}

}  // namespace motcua::sign
