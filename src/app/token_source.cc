#include "app/token_source.h"

#include <sodium.h>

#include <array>

#include "app/sodium_password_hasher.h"
#include "store/sha256.h"

namespace motcua::app {
namespace {

template <std::size_t N>
std::string Hex(const std::array<unsigned char, N>& bytes) {
  std::array<char, 2 * N + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
  return std::string(hex.data(), 2 * N);
}

}  // namespace

SodiumTokenSource::SodiumTokenSource() { InitSodium(); }

std::string SodiumTokenSource::NewToken() {
  std::array<unsigned char, 32> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  return Hex(bytes);
}

std::string SessionTokenHash(std::string_view token) { return store::Sha256Hex(token); }

}  // namespace motcua::app
