#pragma once
// The remote signing service of VNPT SmartCA (app/remote_signing_service.h) through its "sp769" gateway (VNPT's
// integration document v4.x, 03/05/2024, §3): the official confirms each signature in the SmartCA app on the phone.
// Every call is one POST of a JSON body to {base_url}/…, answered by a JSON envelope
// {"status_code": 200, "message": "…", "data": {…}}:
//
//   Certificates      /v1/credentials/get_certificate   {sp_id, sp_password, user_id, serial_number: "",
//                                                        transaction_id}  → data.user_certificates[{serial_number,
//                                                        cert_data, chain_data{ca_cert, root_cert}}] (base64 DER)
//   RequestSignature  /v1/signatures/sign               {sp_id, sp_password, user_id, transaction_id,
//                                                        transaction_desc, serial_number, time_stamp,
//                                                        sign_files[{doc_id, file_type: "pdf", sign_type: "hash",
//                                                        data_to_be_signed: hex of the digest}]}
//                                                        → data.tran_code, the transaction returned
//   Status            /v1/signatures/sign/{tran_code}/status   {sp_id, sp_password}
//                                                        → data.signatures[{doc_id, signature_value (base64)}]
//
// Only the 32-byte digest travels; the signature returned is the raw one over it (RSA PKCS#1 v1.5 over
// DigestInfo(SHA-256) for SmartCA's RSA keys), handed on as bytes. The adapter does not check it against the
// certificate: the caller does, once it builds the CMS (sign/pdf_signing.h).
//
// How the replies are read (SmartCA's document is silent on what is marked *; these are our decisions):
// - The body must be JSON with a numeric status_code (an integer or a string of digits*); anything else — no
//   connection, a timeout, an HTTP status of 500 or more, a body over max_response_bytes, a body that is not JSON
//   or lacks status_code, data of an unexpected shape, base64 that does not decode strictly, a cert_data that is not
//   one DER X.509 certificate — is Unavailable naming "signing_service". The HTTP status itself may be 200 or the
//   status_code* (the document's table mixes both); status_code decides.
// - 400 BAD_REQUEST: InvalidArgument naming the field the CA's message names* ("serial" → certificate_serial,
//   "user" → user_id, "data_to_be_signed"/"hash" → digest, "doc_id" → document_id, "desc" → description,
//   otherwise "signing_request"; "user_id" for Certificates, "transaction" for Status).
// - 401 SP_CREDENTIAL_INVALID covers both the SP's account and the user's (the detail is in message): a message that
//   names the user ("user", "người dùng", "thuê bao") and not the SP ("sp", "sp_…") is NotFound "user_id"*; any
//   other 401 means our sp_id/sp_password were refused: Unavailable "signing_service", saying to check them.
// - 403 CREDENTIAL_STATUS_INVALID (the certificate is expired or revoked): FailedPrecondition "certificate_serial".
// - 404*: NotFound "user_id" (Certificates, RequestSignature), NotFound "transaction" (Status).
// - Certificates: an empty user_certificates* is NotFound "user_id" (no certificate to sign with at this CA). A
//   certificate without serial_number* takes the serial of its DER. The chain is ca_cert then root_cert, either of
//   which may be null (SmartCA TH sends root_cert null).
// - RequestSignature: status_code 200 and data.tran_code; when tran_code is absent*, data.transaction_id (the
//   sample code of VNPT polls by it). The id must be 1–128 of [A-Za-z0-9._-]* (it goes into the status URL).
// - Status: the SP credentials are sent in the body* (the document shows none; sending them costs nothing).
//   status_code 200 with a signature_value in data.signatures or data.signed_files (the name differs between
//   versions of the document) is kSigned; 200 with no signature yet (data null, the list null or empty, or
//   signature_value null)* and 4000 (WAITING_FOR_SIGNER_CONFIRM, from SmartCA's CSC variant)* are kPending;
//   4001 (not confirmed within about 5 minutes) kExpired; 4002 (refused in the app) kRejected; 4003/4004 (the
//   CA's own signing failed) and any other code Unavailable. One document per transaction: the first entry that
//   carries a signature_value is taken.
// - A transaction id to Status that SmartCA could not have given (outside the alphabet above) is NotFound
//   "transaction" without a call.
//
// Sent: transaction_id (get_certificate, sign) is a fresh random UUID (version 4, from OpenSSL's RAND_bytes, the
// operating system's generator behind a DRBG) per request, never reused; time_stamp is the request's time in UTC,
// "YYYYMMDDhhmmssZ"*; serial_number is "" when the request names no certificate; the digest as lower-case hex.
// The password travels only in the JSON body, never in the URL or a header.
//
// Transport (smartca_transport.h): https:// with TLS 1.2 or later, the peer's certificate verified against the
// system's CA store (OpenSSL's default paths, which honour SSL_CERT_FILE/SSL_CERT_DIR) and its host name checked;
// plain http:// only to a loopback host. The timeout bounds one whole exchange (resolve, connect, handshake, send,
// receive).
//
// Logging: one warning line per failure (spdlog), with the operation, its kind and the id of the exchange (our
// transaction_id, or the tran_code for Status); never the password, the user id, the description, the document
// id, the digest or the CA's free-text message.
//
// Thread-safety: every method may be called from any number of threads at once. Each call opens its own
// connection on its own io_context; the object holds only settings and a TLS context fixed by Create().
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/clock.h"
#include "app/remote_signing_service.h"
#include "domain/error.h"

namespace motcua::adapters {

class SmartCaTransport;  // smartca_transport.h

// The environment variable holding the SP password VNPT issued (read at start-up, never logged).
inline constexpr const char* kSmartCaSpPasswordVariable = "MOTCUA_SMARTCA_SP_PASSWORD";
inline constexpr const char* kSmartCaProductionUrl = "https://gwsca.vnpt.vn/sca/sp769";
inline constexpr const char* kSmartCaTestUrl = "https://rmgateway.vnptit.vn/sca/sp769";  // VNPT's UAT gateway

struct SmartCaOptions {
  std::string base_url = kSmartCaProductionUrl;  // "https://host[:port][/path]" (port 443 by default), or
                                                 // "http://loopback[:port][/path]" (port 80 by default)
  std::string sp_id;                             // the service provider's account VNPT issued
  std::string sp_password;                       // from MOTCUA_SMARTCA_SP_PASSWORD; never logged
  std::chrono::milliseconds timeout{15000};      // for one whole exchange
  std::size_t max_response_bytes = 256 * 1024;   // a longer reply body is a failure
  const app::Clock* clock = nullptr;             // the time_stamp of a sign request; nullptr: the system's
                                                 // clock. Must outlive the service.
};

// The value of MOTCUA_SMARTCA_SP_PASSWORD, or "" when it is unset.
std::string SmartCaSpPasswordFromEnvironment();

class SmartCaSigningService final : public app::RemoteSigningService {
 public:
  // InvalidArgument naming "smartca_endpoint" for a base_url that is not "https://host[:port][/path]" or
  // "http://{127.0.0.1|[::1]|localhost}[:port][/path]": http:// to any other host, another scheme, no host, a port
  // outside 1–65535, a user or password in the URL (the password belongs in MOTCUA_SMARTCA_SP_PASSWORD), a query,
  // a fragment or a space; "smartca_sp_id" and "smartca_sp_password" for an empty one; "smartca_timeout" for a
  // timeout that is not positive. Unavailable "signing_service" if the system's TLS settings cannot be loaded.
  static Result<std::unique_ptr<SmartCaSigningService>> Create(SmartCaOptions options);
  ~SmartCaSigningService() override;
  SmartCaSigningService(const SmartCaSigningService&) = delete;
  SmartCaSigningService& operator=(const SmartCaSigningService&) = delete;

  // InvalidArgument "user_id" for an empty one, without a call; otherwise as described above.
  Result<std::vector<app::RemoteCertificate>> Certificates(const std::string& user_id) const override;
  // InvalidArgument, without a call, for an empty user_id or document_id, or a digest that is not 32 bytes.
  Result<std::string> RequestSignature(const app::RemoteSigningRequest& request) const override;
  Result<app::RemoteSigningStatus> Status(const std::string& transaction) const override;

 private:
  SmartCaSigningService(SmartCaOptions options, std::unique_ptr<const SmartCaTransport> transport);
  const app::Clock& clock() const { return options_.clock != nullptr ? *options_.clock : system_clock_; }

  SmartCaOptions options_;
  std::unique_ptr<const SmartCaTransport> transport_;  // where and how to connect, fixed by Create()
  app::SystemClock system_clock_;
};

}  // namespace motcua::adapters
