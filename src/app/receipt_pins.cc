#include "app/receipt_pins.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>
#include <cstdint>

namespace motcua::app {

std::string ReceiptPins::PinOf(std::string_view dossier_code) const {
  std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret_.data(), static_cast<int>(secret_.size()),
       reinterpret_cast<const unsigned char*>(dossier_code.data()), dossier_code.size(), mac.data(), &length);
  // The first eight bytes as a number: modulo 10^6 its bias is below 10^-13, nothing an attacker can use.
  std::uint64_t number = 0;
  for (int i = 0; i < 8; ++i) number = (number << 8) | mac[static_cast<std::size_t>(i)];
  std::string pin(kReceiptPinDigits, '0');
  for (std::size_t i = kReceiptPinDigits; i-- > 0;) {
    pin[i] = static_cast<char>('0' + number % 10);
    number /= 10;
  }
  return pin;
}

bool ReceiptPins::Matches(std::string_view dossier_code, std::string_view pin) const {
  const std::string expected = PinOf(dossier_code);
  if (pin.size() != expected.size()) return false;
  return CRYPTO_memcmp(expected.data(), pin.data(), expected.size()) == 0;
}

}  // namespace motcua::app
