#pragma once
// What a verifier shows of each signature in a PDF — the fields Vietnam's rules on signing software require a
// verifier to display (Circular 15/2025/TT-BKHCN; Decree 23/2025/NĐ-CP; docs/law/signatures.md): who signed, who
// issued the certificate and the chain to a trusted root, when it was signed, whether the file is as it was
// signed, whether the certificate was valid then, and any revocation data or timestamp the signature carries.
// Made by sign/pdf_signature_verifier.h; rendered by the HTTP layer and the web. Plain values.
#include <optional>
#include <string>
#include <vector>

namespace motcua::app {

struct CertificateFacts {
  std::string common_name;  // the subject's CN (UTF-8); the whole subject when it has none
  std::string subject;      // RFC 2253 order, UTF-8 ("CN=Nguyễn Văn A,O=UBND xã …,C=VN")
  std::string issuer;       // the same for the issuer
  std::string issuer_common_name;
  std::string serial;        // hex, upper case
  long long not_before = 0;  // seconds since the epoch
  long long not_after = 0;
  std::string sha256;  // fingerprint of the DER, hex, lower case
};

// Whether the signer's certificate leads to one of the roots the province trusts (the national root CA, the
// Government's VGCA root, …).
enum class ChainTrust {
  kTrusted,      // a chain to a configured root, every certificate valid at the signing time
  kUnknownRoot,  // the chain ends at a CA the province has not configured
  kInvalid,      // a broken chain: a bad CA signature, a certificate not valid at the signing time, a CA not a CA
};

struct SignatureReport {
  std::string field_name;                 // the PDF's name for the signature field ("Signature1")
  std::string sub_filter;                 // "ETSI.CAdES.detached" (PAdES) or "adbe.pkcs7.detached"
  std::string signer_name;                // the signature's /Name, else the certificate's common name
  std::string reason;                     // /Reason, may be empty
  std::string location;                   // /Location, may be empty
  std::optional<long long> signing_time;  // /M, seconds since the epoch; none when absent or unreadable
  bool intact = false;                    // the CMS signature is valid and the bytes it covers are those signed
  bool covers_whole_file = false;         // nothing was appended after it (false for any but the last signature)
  bool certificate_bound = false;         // signingCertificateV2 names the certificate that signed (PAdES B-B)
  bool certificate_valid_at_signing = false;
  ChainTrust trust = ChainTrust::kInvalid;
  std::string trust_problem;            // why not trusted, in English from OpenSSL; "" when trusted
  std::vector<CertificateFacts> chain;  // the signer first, then the CAs above it as far as they are known
  bool has_timestamp = false;           // a signature timestamp token (RFC 3161) is attached
  bool has_revocation_data = false;     // CRLs or OCSP responses are embedded
  std::string problem;                  // why the signature could not be read at all ("" when it could)
};

}  // namespace motcua::app
