#pragma once
// Where session tokens come from, behind an interface so that tests get predictable tokens (STYLE.md §2).
// A token is what the client holds (hex of 32 random bytes); the store keeps only SessionTokenHash(token).
// Thread-safety: SodiumTokenSource is safe to call from several threads.
#include <string>
#include <string_view>

namespace motcua::app {

class TokenSource {
 public:
  virtual ~TokenSource() = default;
  // A new token, never given before: 64 lower-case hex digits.
  virtual std::string NewToken() = 0;
};

// 32 bytes from the operating system's generator (libsodium randombytes_buf), as hex.
class SodiumTokenSource final : public TokenSource {
 public:
  SodiumTokenSource();  // initialises libsodium; throws std::runtime_error if it cannot
  std::string NewToken() override;
};

// What the store keeps of a session token: its SHA-256 in hex (store/sha256.h).
std::string SessionTokenHash(std::string_view token);

}  // namespace motcua::app
