#pragma once
// Where a signing certificate stands on a day: valid, expiring within the warning window, expired, or not yet
// valid — what the server says of its seal at start-up and on the signing screen, so that a leader hears of the
// expiry a month ahead instead of the day a result cannot be signed (issue 17: expiry alerts 30 days ahead).
// Pure function; thread-safe.
#include <string_view>

#include "app/clock.h"
#include "app/signature_report.h"
#include "domain/official_certificate.h"

namespace motcua::app {

// How long before its end a certificate is said to expire soon: a renewal at a CA takes days to weeks.
inline constexpr int kCertificateWarningDays = 30;

enum class CertificateStanding { kValid, kExpiresSoon, kExpired, kNotYetValid };

// "valid", "expires_soon", "expired", "not_yet_valid".
std::string_view CertificateStandingName(CertificateStanding standing);

// At `now`: kNotYetValid before not_before, kExpired after not_after, kExpiresSoon within kCertificateWarningDays
// of not_after (both ends included), else kValid.
CertificateStanding StandingAt(const CertificateFacts& certificate, Instant now);
// The same for a certificate of the register, by the validity it was registered with.
CertificateStanding StandingAt(const OfficialCertificate& certificate, Instant now);
// Whether a certificate in that standing signs today: valid, or valid and expiring soon.
bool SignsToday(CertificateStanding standing);

}  // namespace motcua::app
