#pragma once
// The signature an OpenSSL key makes over a SHA-256 digest, in the form CMS carries (SigningKey::SignDigest): PKCS#1
// v1.5 over a DigestInfo for an RSA key, DER ECDSA-Sig-Value for an EC key. Shared by the keys OpenSSL holds — a
// PKCS#12 file's, and a token's once libp11 wraps it (OpenSSL then takes its legacy path, building the DigestInfo
// and letting libp11 have the token sign it). Thread-safe for a key OpenSSL lets several threads use.
#include <openssl/evp.h>

#include <optional>
#include <span>
#include <string>

namespace motcua::sign {

// The signature; nothing when the key refuses, OpenSSL's error queue then left for the caller to read.
std::optional<std::string> EvpDigestSignature(EVP_PKEY& key, std::span<const unsigned char> sha256);

}  // namespace motcua::sign
