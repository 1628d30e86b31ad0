#pragma once
// SHA-256 of a byte string, as 64 lower-case hex digits (OpenSSL). Thread-safe.
#include <string>
#include <string_view>

struct evp_md_ctx_st;  // OpenSSL's EVP_MD_CTX, kept out of the includers

namespace motcua::store {

std::string Sha256Hex(std::string_view bytes);

// SHA-256 of bytes given in pieces, for content too large to hold at once (a database file read in chunks).
// Not thread-safe: one instance per computation.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void Update(std::string_view bytes);
  // The digest of everything given, as 64 lower-case hex digits. Ends the computation: call it once.
  std::string HexDigest();

 private:
  evp_md_ctx_st* context_;
};

}  // namespace motcua::store
