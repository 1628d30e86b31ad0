#pragma once
// The port to a remote signing service (DESIGN.md §6 `Signer`): the official's key is kept by a public CA
// (VNPT SmartCA, Viettel MySign, …) and signs on the official's phone. Only a SHA-256 digest travels; the service
// answers at once with a transaction, and the signature comes minutes later, once the official confirms in the
// CA's app — or never (rejected, expired). The PDF and its CMS are built here (sign/pdf_signing.h); the service
// signs the digest of the CMS signed attributes. The adapter is adapters/smartca/ (the SmartCA sp769 API).
#include <optional>
#include <string>
#include <vector>

#include "domain/error.h"

namespace motcua::app {

// What the service is asked to sign.
struct RemoteSigningRequest {
  std::string user_id;             // the official's account at the CA (SmartCA: the citizen ID number)
  std::string certificate_serial;  // which of the official's certificates (hex serial); "" = the only one
  std::string digest;              // the 32 bytes of the SHA-256 to sign (raw, not hex)
  std::string description;         // shown to the official in the CA's app ("Ký kết quả hồ sơ H1.234-…")
  std::string document_id;         // our name for what is signed (the dossier code and file id), echoed back
};

enum class RemoteSigningState { kPending, kSigned, kRejected, kExpired };

struct RemoteSigningStatus {
  RemoteSigningState state = RemoteSigningState::kPending;
  std::string signature;  // kSigned: the raw signature over the digest (PKCS#1 v1.5 or DER ECDSA), not hex
};

// A certificate the CA holds for the official, DER-encoded, with the CAs above it.
struct RemoteCertificate {
  std::string serial;                     // hex, as the CA names it
  std::string certificate;                // DER
  std::vector<std::string> issuer_chain;  // DER, the issuing CA first
};

class RemoteSigningService {
 public:
  virtual ~RemoteSigningService() = default;
  // The official's certificates at the CA. NotFound ("user_id") when the CA knows no such user; Unavailable
  // ("signing_service") when the service cannot be reached or answers with something that is not its protocol.
  virtual Result<std::vector<RemoteCertificate>> Certificates(const std::string& user_id) const = 0;
  // Asks the official to sign; the transaction id the service gave. Errors as above, InvalidArgument naming the
  // field the service refused.
  virtual Result<std::string> RequestSignature(const RemoteSigningRequest& request) const = 0;
  // Where the transaction stands. NotFound ("transaction") for a transaction the service does not know.
  virtual Result<RemoteSigningStatus> Status(const std::string& transaction) const = 0;
};

}  // namespace motcua::app
