#pragma once
// The CMS SignedData a PAdES baseline signature carries (ETSI EN 319 142-1, level B-B; RFC 5652), built in two
// steps so that the key may be anywhere — in this process, on a token, at a remote service that answers later:
//   1. SignedAttributes(): the DER SET the signer's key signs — contentType id-data, messageDigest (the SHA-256 of
//      the PDF's signed byte ranges) and signingCertificateV2 (RFC 5035: the SHA-256 of the signer's certificate,
//      with its issuer and serial), and no signingTime, which the profile forbids (the PDF's /M says when);
//   2. SignedData(): the ContentInfo around the key's signature, with the certificates — detached (no content).
// Pure functions over bytes; thread-safe.
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.h"

namespace motcua::sign {

// The DER of the signed attributes (a SET, tag 0x31) for content whose SHA-256 is `content_sha256` (32 bytes),
// signed by the holder of `signer_certificate` (DER). InvalidArgument naming "certificate" when it cannot be read.
Result<std::string> SignedAttributes(std::string_view content_sha256, std::string_view signer_certificate);

// The DER ContentInfo of the SignedData: `signed_attributes` as SignedAttributes() made them, `signature` the
// signer's key over their SHA-256, `certificates` the signer's certificate first, then its CAs (DER).
// InvalidArgument naming "certificate" when the first cannot be read or its key is neither RSA nor EC.
Result<std::string> SignedData(std::string_view signed_attributes, std::string_view signature,
                               const std::vector<std::string>& certificates);

// Object identifiers used here and by the verifier.
inline constexpr const char* kOidData = "1.2.840.113549.1.7.1";
inline constexpr const char* kOidSignedData = "1.2.840.113549.1.7.2";
inline constexpr const char* kOidSha256 = "2.16.840.1.101.3.4.2.1";

}  // namespace motcua::sign
