#include "app/sodium_password_hasher.h"

#include <sodium.h>

#include <stdexcept>
#include <string>

namespace motcua::app {

void InitSodium() {
  // sodium_init is itself thread-safe and idempotent; the static makes the check once.
  static const int initialised = sodium_init();
  if (initialised < 0) throw std::runtime_error("libsodium cannot be initialised");
}

SodiumPasswordHasher::SodiumPasswordHasher() { InitSodium(); }

Result<std::string> SodiumPasswordHasher::Hash(std::string_view password) {
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Fail(Error::Internal("không đủ bộ nhớ để băm mật khẩu", "out of memory while hashing the password"));
  }
  return std::string(hash);
}

bool SodiumPasswordHasher::Verify(std::string_view hash, std::string_view password) {
  // crypto_pwhash_str_verify wants a NUL-terminated string no longer than crypto_pwhash_STRBYTES.
  if (hash.size() >= crypto_pwhash_STRBYTES) return false;
  const std::string terminated(hash);
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

}  // namespace motcua::app
