#pragma once
// The receipt PIN (issue 15, item 7): six digits printed on the receipt slip (and in its QR code) beside the
// dossier code. Dossier codes are sequential ({agency}-{yymmdd}-{n}) and the agency ids are public, so the code
// alone is no secret: anyone could walk a commune's codes. Public tracking shows the code's status only; with the
// PIN, the dates and the timeliness as well.
//
// The PIN is HMAC-SHA256(secret, dossier code) read as a number, modulo 10^6: nothing is stored per dossier, a
// slip can be printed again at any time, an imported dossier has one too, and a backup of the database (which
// holds the secret) keeps every PIN. Replacing the secret changes every PIN (the slips already printed stop
// working), which is the way to revoke them all.
//
// Thread-safe (immutable).
#include <string>
#include <string_view>

namespace motcua::app {

inline constexpr std::size_t kReceiptPinDigits = 6;

class ReceiptPins {
 public:
  // `secret`: random bytes kept in the store (Store::LoadServerSecret("receipt_pin")).
  explicit ReceiptPins(std::string secret) : secret_(std::move(secret)) {}

  std::string PinOf(std::string_view dossier_code) const;

  // Whether `pin` is the PIN of `dossier_code`; the comparison takes the same time whatever the digits.
  bool Matches(std::string_view dossier_code, std::string_view pin) const;

 private:
  std::string secret_;
};

}  // namespace motcua::app
