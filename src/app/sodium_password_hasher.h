#pragma once
// Argon2id password hashes from libsodium (crypto_pwhash_str), at the INTERACTIVE limits (2 passes over
// 64 MiB: tens of milliseconds per hash), strings starting "$argon2id$".
// Thread-safety: safe to call from several threads (libsodium is, once initialised).
#include "app/password_hasher.h"

namespace motcua::app {

class SodiumPasswordHasher final : public PasswordHasher {
 public:
  // Initialises libsodium (once per process). Throws std::runtime_error if it cannot be initialised:
  // a broken installation, not an expected failure.
  SodiumPasswordHasher();
  Result<std::string> Hash(std::string_view password) override;
  bool Verify(std::string_view hash, std::string_view password) override;
};

// Initialises libsodium once per process; throws std::runtime_error if it cannot.
void InitSodium();

}  // namespace motcua::app
