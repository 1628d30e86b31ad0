#include "store/sha256.h"

#include <openssl/evp.h>

#include <array>
#include <stdexcept>

namespace motcua::store {
namespace {

std::string Hex(const unsigned char* digest, unsigned int length) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * length);
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xf];
  }
  return hex;
}

// SHA-256 over memory fails only if the OpenSSL library itself is broken: a bug, not an input error.
void Check(int result, const char* call) {
  if (result != 1) throw std::runtime_error(std::string(call) + "(SHA-256) failed");
}

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  Check(EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr), "EVP_Digest");
  return Hex(digest.data(), length);
}

Sha256::Sha256() : context_(EVP_MD_CTX_new()) {
  if (context_ != nullptr && EVP_DigestInit_ex(context_, EVP_sha256(), nullptr) == 1) return;
  EVP_MD_CTX_free(context_);  // the destructor does not run for a constructor that throws
  throw std::runtime_error("EVP_DigestInit_ex(SHA-256) failed");
}

Sha256::~Sha256() { EVP_MD_CTX_free(context_); }

void Sha256::Update(std::string_view bytes) {
  Check(EVP_DigestUpdate(context_, bytes.data(), bytes.size()), "EVP_DigestUpdate");
}

std::string Sha256::HexDigest() {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  Check(EVP_DigestFinal_ex(context_, digest.data(), &length), "EVP_DigestFinal_ex");
  return Hex(digest.data(), length);
}

}  // namespace motcua::store
