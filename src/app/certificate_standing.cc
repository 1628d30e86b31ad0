#include "app/certificate_standing.h"

#include <chrono>

namespace motcua::app {

std::string_view CertificateStandingName(CertificateStanding standing) {
  switch (standing) {
    case CertificateStanding::kValid:
      return "valid";
    case CertificateStanding::kExpiresSoon:
      return "expires_soon";
    case CertificateStanding::kExpired:
      return "expired";
    case CertificateStanding::kNotYetValid:
      break;
  }
  return "not_yet_valid";
}

CertificateStanding StandingAt(const CertificateFacts& certificate, Instant now) {
  const long long moment = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  if (moment < certificate.not_before) return CertificateStanding::kNotYetValid;
  if (moment > certificate.not_after) return CertificateStanding::kExpired;
  constexpr long long kWindow = static_cast<long long>(kCertificateWarningDays) * 86400;
  if (certificate.not_after - moment <= kWindow) return CertificateStanding::kExpiresSoon;
  return CertificateStanding::kValid;
}

CertificateStanding StandingAt(const OfficialCertificate& certificate, Instant now) {
  CertificateFacts facts;
  facts.not_before = certificate.not_before.time_since_epoch().count();
  facts.not_after = certificate.not_after.time_since_epoch().count();
  return StandingAt(facts, now);
}

bool SignsToday(CertificateStanding standing) {
  return standing == CertificateStanding::kValid || standing == CertificateStanding::kExpiresSoon;
}

}  // namespace motcua::app
