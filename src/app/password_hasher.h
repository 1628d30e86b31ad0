#pragma once
// Password hashing, behind an interface so that the algorithm is chosen in one place at start-up
// (STYLE.md §2). The production implementation is SodiumPasswordHasher (Argon2id).
// Thread-safety: implementations are safe to call from several threads.
#include <string>
#include <string_view>

#include "domain/error.h"

namespace motcua::app {

class PasswordHasher {
 public:
  virtual ~PasswordHasher() = default;
  // A self-describing hash string (algorithm, parameters, salt and digest) of `password`, with a fresh random
  // salt. Internal when the hashing itself fails (out of memory).
  virtual Result<std::string> Hash(std::string_view password) = 0;
  // Whether `password` is the one `hash` was made from; false for a malformed hash.
  virtual bool Verify(std::string_view hash, std::string_view password) = 0;
};

}  // namespace motcua::app
