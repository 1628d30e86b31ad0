#include "sign/pdf_signing.h"

#include <openssl/x509v3.h>

#include <chrono>

#include <fmt/format.h>

#include "sign/certificate_reader.h"
#include "sign/cms_signature.h"
#include "sign/openssl_handles.h"

namespace motcua::sign {
namespace {

Error Unusable(std::string vi, std::string en) {
  return Error::FailedPrecondition("certificate", std::move(vi), std::move(en));
}

// Why the certificate cannot sign at `moment`, or nothing when it can.
std::optional<Error> WhyNotUsable(const X509& certificate, long long moment) {
  const app::CertificateFacts facts = FactsOf(certificate);
  if (moment > facts.not_after) {
    return Unusable(fmt::format("Chứng thư số của {} đã hết hạn từ {}: cần gia hạn hoặc cấp chứng thư mới.",
                                facts.common_name, DisplayDate(facts.not_after)),
                    fmt::format("{}'s certificate expired on {}: it must be renewed.", facts.common_name,
                                DisplayDate(facts.not_after)));
  }
  if (moment < facts.not_before) {
    return Unusable(
        fmt::format("Chứng thư số của {} chỉ có hiệu lực từ {}.", facts.common_name, DisplayDate(facts.not_before)),
        fmt::format("{}'s certificate is valid only from {}.", facts.common_name, DisplayDate(facts.not_before)));
  }
  if (!MeantForSigning(certificate)) {
    return Unusable(fmt::format("Chứng thư số của {} không dùng để ký.", facts.common_name),
                    fmt::format("{}'s certificate is not meant for signing.", facts.common_name));
  }
  return std::nullopt;
}

bool SignatureMatches(const X509& certificate, std::string_view digest, std::string_view signature) {
  EVP_PKEY* key = X509_get0_pubkey(&certificate);
  EvpPkeyCtxPtr context(key ? EVP_PKEY_CTX_new(key, nullptr) : nullptr);
  const bool matches =
      context && EVP_PKEY_verify_init(context.get()) == 1 &&
      EVP_PKEY_CTX_set_signature_md(context.get(), EVP_sha256()) == 1 &&
      EVP_PKEY_verify(context.get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                      reinterpret_cast<const unsigned char*>(digest.data()), digest.size()) == 1;
  TakeOpenSslError();
  return matches;
}

}  // namespace

SignatureDetails DetailsOf(const app::ResultSignatureText& text) {
  return {.signer_name = text.signer_name,
          .reason = text.reason,
          .location = text.location,
          .signed_at = std::chrono::duration_cast<std::chrono::seconds>(text.at.time_since_epoch()).count()};
}

Result<PendingSignature> Prepare(std::string_view pdf, const SignatureDetails& details,
                                 std::vector<std::string> certificates) {
  const X509Ptr signer = certificates.empty() ? nullptr : ParseCertificate(certificates.front());
  if (!signer) {
    return Fail(Error::InvalidArgument("certificate", "Không đọc được chứng thư số của người ký.",
                                       "The signer's certificate cannot be read."));
  }
  if (std::optional<Error> why = WhyNotUsable(*signer, details.signed_at)) return Fail(std::move(*why));
  SignatureFieldText text{details.signer_name, details.reason, details.location, PdfDate(details.signed_at)};
  if (text.signer_name.empty()) text.signer_name = FactsOf(*signer).common_name;
  Result<SignaturePlaceholder> placeholder = AppendSignaturePlaceholder(pdf, text);
  if (!placeholder) return Fail(std::move(placeholder.error()));
  Result<std::string> attributes = SignedAttributes(Sha256(placeholder->SignedBytes()), certificates.front());
  if (!attributes) return Fail(std::move(attributes.error()));
  std::string digest = Sha256(*attributes);
  return PendingSignature{std::move(*placeholder), std::move(certificates), std::move(*attributes), std::move(digest)};
}

Result<std::string> Complete(PendingSignature pending, std::string_view signature) {
  const X509Ptr signer = pending.certificates.empty() ? nullptr : ParseCertificate(pending.certificates.front());
  if (!signer || !SignatureMatches(*signer, pending.digest_to_sign, signature)) {
    return Fail(Error::InvalidArgument("signature", "Chữ ký nhận về không khớp với chứng thư số của người ký.",
                                       "The signature received does not match the signer's certificate."));
  }
  Result<std::string> cms = SignedData(pending.signed_attributes, signature, pending.certificates);
  if (!cms) return Fail(std::move(cms.error()));
  return FillSignature(std::move(pending.placeholder), *cms);
}

Result<std::string> SignPdf(std::string_view pdf, const SignatureDetails& details, const SigningKey& key) {
  Result<PendingSignature> pending = Prepare(pdf, details, key.CertificateChain());
  if (!pending) return Fail(std::move(pending.error()));
  Result<std::string> signature = key.SignDigest(std::span(
      reinterpret_cast<const unsigned char*>(pending->digest_to_sign.data()), pending->digest_to_sign.size()));
  if (!signature) return Fail(std::move(signature.error()));
  return Complete(std::move(*pending), *signature);
}

}  // namespace motcua::sign
