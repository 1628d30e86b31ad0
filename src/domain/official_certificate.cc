#include "domain/official_certificate.h"

namespace motcua {

std::string_view CertificateHoldingName(CertificateHolding holding) {
  return holding == CertificateHolding::kRemote ? "remote" : "token";
}

std::optional<CertificateHolding> ParseCertificateHolding(std::string_view text) {
  for (CertificateHolding holding : {CertificateHolding::kToken, CertificateHolding::kRemote}) {
    if (CertificateHoldingName(holding) == text) return holding;
  }
  return std::nullopt;
}

}  // namespace motcua
