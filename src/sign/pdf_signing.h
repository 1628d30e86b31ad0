#pragma once
// Signs a PDF (PAdES B-B: ETSI EN 319 142-1; ISO 32000-1 §12.8) in two steps, so that one path serves every kind of
// key: Prepare() appends the empty signature and hands out the SHA-256 the key must sign; Complete() checks the
// key's answer against the certificate and writes the CMS into the file. A key at hand (SigningKey: a PKCS#12
// file, a PKCS#11 token) runs both at once through SignPdf(); a remote signing service answers between the two,
// minutes later, the PendingSignature kept meanwhile.
//
// Before anything is signed the certificate must be usable at the moment of signing: not expired, already valid,
// and meant for signatures (its key usage, when it has one, includes digitalSignature or nonRepudiation), as
// Vietnam's rules on signing software ask (Circular 15/2025/TT-BKHCN, docs/law/signatures.md).
// Pure functions over bytes (the moment of signing is given); thread-safe.
#include <string>
#include <string_view>
#include <vector>

#include "app/result_signer.h"
#include "domain/error.h"
#include "sign/signature_placeholder.h"
#include "sign/signing_key.h"

namespace motcua::sign {

struct SignatureDetails {
  std::string signer_name = {};  // shown by readers; "" = the certificate's common name
  std::string reason = {};       // "Phê duyệt kết quả giải quyết hồ sơ …"
  std::string location = {};     // the agency's place
  long long signed_at = 0;       // seconds since the epoch: /M, and the moment the certificate must be valid at
};

// What a result's signature says (app/result_signer.h), as SignatureDetails.
SignatureDetails DetailsOf(const app::ResultSignatureText& text);

// A signature waiting for its key: everything Complete() needs, to be kept as long as the key takes.
struct PendingSignature {
  SignaturePlaceholder placeholder;
  std::vector<std::string> certificates;  // DER, the signer's first
  std::string signed_attributes;          // DER, what the key signs
  std::string digest_to_sign;             // SHA-256 of signed_attributes, 32 bytes: what goes to the key
};

// FailedPrecondition naming "certificate" for a certificate not usable at `details.signed_at` (the message says
// why and since when, in words an official understands); the errors of AppendSignaturePlaceholder for the file.
Result<PendingSignature> Prepare(std::string_view pdf, const SignatureDetails& details,
                                 std::vector<std::string> certificates);

// The signed PDF. InvalidArgument naming "signature" when `signature` is not the certificate's key's signature of
// the pending digest (a wrong key, a garbled or forged answer): nothing is written then.
Result<std::string> Complete(PendingSignature pending, std::string_view signature);

// Prepare(), the key's signature, Complete(); the key's own errors as it gives them.
Result<std::string> SignPdf(std::string_view pdf, const SignatureDetails& details, const SigningKey& key);

}  // namespace motcua::sign
