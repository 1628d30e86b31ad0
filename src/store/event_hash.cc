#include "store/event_hash.h"

#include <openssl/evp.h>

#include <array>
#include <stdexcept>

#include "store/dossier_event_codec.h"

namespace motcua::store {

std::string CanonicalEventText(const DossierEvent& event) {
  nlohmann::json json = EncodeDossierEvent(event);
  json.erase("hash");
  // nlohmann's default object is a std::map, so keys come out sorted; `replace` keeps dump() from throwing.
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string EventHash(const DossierEvent& event) {
  const std::string text = CanonicalEventText(event);
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_Digest(text.data(), text.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1) {
    // SHA-256 over a memory buffer fails only if the OpenSSL library itself is broken: a bug, not an input error.
    throw std::runtime_error("EVP_Digest(SHA-256) failed");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * length);
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xf];
  }
  return hex;
}

}  // namespace motcua::store
