#pragma once
// A signature asked of a remote signing service and not yet settled (issue 17, item 2): a leader approves a
// dossier's result, the server prepares the PDF and sends the digest to the official's CA (VNPT SmartCA, …), and
// the official confirms on a phone minutes later — or refuses, or lets it lapse. What is kept meanwhile is what the
// signature needs to be finished after a restart: the prepared PDF (in the blob store, by its id), where its
// /Contents lies, the certificates and the signed attributes, and the CA's transaction. Rows are never deleted: a
// request ends signed (with the signed copy's file id), rejected, expired or failed (with why). Pure values.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/civil_time.h"

namespace motcua {

enum class SigningRequestState {
  kPending,   // waiting for the official's confirmation
  kSettling,  // a server is finishing it (the CA answered); back to pending if that server died meanwhile
  kSigned,    // the signed copy is attached to the dossier as its result
  kRejected,  // the official refused in the CA's app
  kExpired,   // not confirmed in time (the CA's limit, or ours)
  kFailed,    // the CA's answer could not be used (a signature that does not match, the dossier moved on…)
};
// "pending", "settling", "signed", "rejected", "expired", "failed".
std::string_view SigningRequestStateName(SigningRequestState state);
std::optional<SigningRequestState> ParseSigningRequestState(std::string_view text);

struct SigningRequest {
  std::int64_t id = 0;  // assigned by the store
  std::string dossier_code;
  std::string login;        // the leader who asked
  std::string source_file;  // the result file that is being signed
  std::string transaction;  // the CA's transaction id
  SigningRequestState state = SigningRequestState::kPending;
  std::string prepared_file;  // blob id of the PDF with its empty signature
  std::size_t contents_offset = 0;
  std::size_t contents_length = 0;
  std::vector<std::string> certificates;  // DER, the signer's first
  std::string signed_attributes;          // DER
  std::string digest;                     // SHA-256 of signed_attributes, 32 raw bytes
  Instant requested_at{};
  Instant expires_at{};
  std::optional<Instant> settled_at = {};
  std::string signed_file = {};  // kSigned: the signed copy's file id
  std::string problem = {};      // kFailed: why, in Vietnamese, for the leader

  bool operator==(const SigningRequest&) const = default;
};

// How a signing request ends, or goes back to waiting (Store::MoveSigningRequest).
struct SigningRequestOutcome {
  SigningRequestState state = SigningRequestState::kPending;
  std::optional<Instant> settled_at = {};
  std::string signed_file = {};
  std::string problem = {};
};

}  // namespace motcua
