// Where a certificate stands on a day, at the edges of its validity and of the 30-day warning.
#include "app/certificate_standing.h"

#include <gtest/gtest.h>

namespace motcua::app {
namespace {

constexpr long long kDay = 86400;
constexpr long long kStart = 1767225600;  // 2026-01-01T00:00:00Z
constexpr long long kEnd = 1798761599;    // 2026-12-31T23:59:59Z

Instant At(long long unix_seconds) { return Instant{std::chrono::seconds{unix_seconds}}; }

TEST(CertificateStandingTest, EachSideOfEachEdge) {
  CertificateFacts certificate;
  certificate.not_before = kStart;
  certificate.not_after = kEnd;
  const struct {
    long long at;
    CertificateStanding expected;
  } cases[] = {
      {kStart - 1, CertificateStanding::kNotYetValid},
      {kStart, CertificateStanding::kValid},
      {kEnd - 30 * kDay - 1, CertificateStanding::kValid},
      {kEnd - 30 * kDay, CertificateStanding::kExpiresSoon},  // exactly 30 days left
      {kEnd - 1, CertificateStanding::kExpiresSoon},
      {kEnd, CertificateStanding::kExpiresSoon},  // its last second is still valid
      {kEnd + 1, CertificateStanding::kExpired},
      {kEnd + 400 * kDay, CertificateStanding::kExpired},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(StandingAt(certificate, At(c.at)), c.expected) << "at " << c.at;
  }
}

TEST(CertificateStandingTest, AShortCertificateIsSoonToExpireFromItsFirstDay) {
  CertificateFacts certificate;
  certificate.not_before = kStart;
  certificate.not_after = kStart + 10 * kDay;
  EXPECT_EQ(StandingAt(certificate, At(kStart)), CertificateStanding::kExpiresSoon);
}

TEST(CertificateStandingTest, NamesAreTheApis) {
  EXPECT_EQ(CertificateStandingName(CertificateStanding::kValid), "valid");
  EXPECT_EQ(CertificateStandingName(CertificateStanding::kExpiresSoon), "expires_soon");
  EXPECT_EQ(CertificateStandingName(CertificateStanding::kExpired), "expired");
  EXPECT_EQ(CertificateStandingName(CertificateStanding::kNotYetValid), "not_yet_valid");
}

}  // namespace
}  // namespace motcua::app
