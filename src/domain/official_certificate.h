#pragma once
// A certificate an official signs with, in the province's register (issue 17, item 4): whose it is, how it is
// held — a USB token on the official's PC, or a key kept by a remote signing CA (VNPT SmartCA, Viettel MySign…)
// under the official's account there —, and the facts read from it when it was registered, so that the
// register can say who can sign today and whose certificate runs out soon without parsing certificates again.
// Rows are never deleted: a certificate replaced or lost is retired, with who retired it and when. Pure values;
// safe to share between threads.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/civil_time.h"

namespace motcua {

enum class CertificateHolding {
  kToken,   // a USB token (PKCS#11) the official plugs into a PC
  kRemote,  // a remote signing service keeps the key; the official confirms each signature on a phone
};
std::string_view CertificateHoldingName(CertificateHolding holding);  // "token", "remote"
std::optional<CertificateHolding> ParseCertificateHolding(std::string_view text);

// The longest account name at a remote signing CA accepted (SmartCA uses the citizen ID number, 12 digits).
inline constexpr std::size_t kMaxRemoteUserBytes = 64;

struct OfficialCertificate {
  std::int64_t id = 0;  // assigned by the store, in the order registered
  std::string login;    // the official's account
  CertificateHolding holding = CertificateHolding::kToken;
  std::string remote_user;  // kRemote: the official's account at the CA; "" for a token
  std::string certificate;  // PEM, as registered (kept: what the register says can be checked again)
  std::string sha256;       // fingerprint of the DER, hex lower case: one active row per login and certificate
  std::string serial;       // hex, upper case
  std::string common_name;  // the subject's CN
  std::string issuer;       // the issuer's CN (the CA), or its whole name when it has none
  Instant not_before{};
  Instant not_after{};
  std::string added_by;  // login
  Instant added_at{};
  std::optional<std::string> retired_by = {};
  std::optional<Instant> retired_at = {};

  bool active() const { return !retired_at.has_value(); }
  bool operator==(const OfficialCertificate&) const = default;
};

}  // namespace motcua
