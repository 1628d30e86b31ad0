// The VNPT SmartCA adapter's protocol against a loopback mock of the sp769 gateway
// (tests/support/mock_smartca_server.h): what it sends, a transaction's life (pending → signed, rejected, expired) with
// the signature checked by OpenSSL against the certificate the service listed, the CA's refusals, what is refused
// without a call, and the log. How replies are read: smartca_replies_test.cc; settings, the connection and TLS:
// smartca_transport_test.cc.
#include "adapters/smartca/smartca_signing_service.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <chrono>
#include <cstdio>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "app/clock.h"
#include "support/captured_log.h"
#include "support/smartca_fixtures.h"

namespace motcua::adapters::smartca_test {
namespace {

std::string LowerHex(std::string_view bytes) {
  std::string hex;
  char pair[3];
  for (const unsigned char byte : bytes) {
    std::snprintf(pair, sizeof pair, "%02x", byte);
    hex += pair;
  }
  return hex;
}

// The public key of a DER certificate (as the service listed it).
Key PublicKeyOf(const std::string& der) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(der.data());
  Certificate certificate(d2i_X509(nullptr, &bytes, static_cast<long>(der.size())));
  if (certificate == nullptr) return nullptr;
  return Key(X509_get_pubkey(certificate.get()));
}

bool VerifiesOverDigest(EVP_PKEY* key, const std::string& digest, const std::string& signature) {
  KeyContext context(EVP_PKEY_CTX_new(key, nullptr));
  EVP_PKEY_verify_init(context.get());
  EVP_PKEY_CTX_set_rsa_padding(context.get(), RSA_PKCS1_PADDING);
  EVP_PKEY_CTX_set_signature_md(context.get(), EVP_sha256());
  return EVP_PKEY_verify(context.get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                         reinterpret_cast<const unsigned char*>(digest.data()), digest.size()) == 1;
}

// sha256WithRSAEncryption over the data itself: what a CMS verifier checks.
bool VerifiesOverData(EVP_PKEY* key, std::string_view data, const std::string& signature) {
  DigestContext context(EVP_MD_CTX_new());
  EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, key);
  return EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                          reinterpret_cast<const unsigned char*>(data.data()), data.size()) == 1;
}

bool IsUuidV4(const std::string& text) {
  static const std::regex kUuid("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  return std::regex_match(text, kUuid);
}

class SmartCaSigning : public MockGatewayTest {};

TEST_F(SmartCaSigning, ListsTheCertificatesWithTheirChains) {
  const auto certificates = Service(mock_.base_url())->Certificates(kUserId);
  ASSERT_TRUE(certificates.has_value()) << certificates.error().message_en;
  ASSERT_EQ(certificates->size(), 2U);
  const Pki& pki = TestPki();
  const app::RemoteCertificate& official = (*certificates)[0];
  EXPECT_EQ(official.serial, kSignerSerial);
  EXPECT_EQ(official.certificate, Der(pki.signer.get()));
  EXPECT_EQ(official.issuer_chain, (std::vector<std::string>{Der(pki.ca.get()), Der(pki.root.get())}));
  const app::RemoteCertificate& seal = (*certificates)[1];
  EXPECT_EQ(seal.serial, kSealSerial);
  EXPECT_EQ(seal.certificate, Der(pki.seal.get()));
  EXPECT_EQ(seal.issuer_chain, std::vector<std::string>{Der(pki.ca.get())}) << "root_cert null is left out";

  const auto requests = mock_.requests();
  ASSERT_EQ(requests.size(), 1U);
  EXPECT_EQ(requests[0].method, "POST");
  EXPECT_EQ(requests[0].target, "/sca/sp769/v1/credentials/get_certificate");
  const auto& body = requests[0].json;
  EXPECT_EQ(body["sp_id"], kSpId);
  EXPECT_EQ(body["sp_password"], kSpPassword);
  EXPECT_EQ(body["user_id"], kUserId);
  EXPECT_EQ(body["serial_number"], "");
  EXPECT_TRUE(IsUuidV4(body["transaction_id"].get<std::string>())) << body["transaction_id"];
}

TEST_F(SmartCaSigning, SendsTheDigestAsHexAndThePasswordOnlyInTheBody) {
  const app::FixedClock clock(Instant(std::chrono::sys_days(std::chrono::year(2026) / 5 / 9) + std::chrono::hours(3) +
                                      std::chrono::minutes(15) + std::chrono::seconds(7)));
  SmartCaOptions options = Options(mock_.base_url() + "/");
  options.clock = &clock;
  const auto service = Service(options);
  const auto transaction = service->RequestSignature(SignRequest(kSignerSerial));
  ASSERT_TRUE(transaction.has_value()) << transaction.error().message_en;
  ASSERT_TRUE(service->Status(*transaction).has_value());

  const auto requests = mock_.requests();
  ASSERT_EQ(requests.size(), 2U);
  const auto& sign = requests[0];
  EXPECT_EQ(sign.target, "/sca/sp769/v1/signatures/sign");  // the base URL's trailing '/' is not doubled
  EXPECT_NE(sign.headers.find("application/json"), std::string::npos) << sign.headers;
  const auto& body = sign.json;
  ASSERT_FALSE(body.is_discarded()) << sign.body;
  EXPECT_EQ(body["sp_id"], kSpId);
  EXPECT_EQ(body["sp_password"], kSpPassword);
  EXPECT_EQ(body["user_id"], kUserId);
  EXPECT_EQ(body["serial_number"], kSignerSerial);
  EXPECT_EQ(body["transaction_desc"], kDescription);
  EXPECT_EQ(body["time_stamp"], "20260509031507Z");
  EXPECT_TRUE(IsUuidV4(body["transaction_id"].get<std::string>())) << body["transaction_id"];
  ASSERT_EQ(body["sign_files"].size(), 1U);
  const auto& file = body["sign_files"][0];
  EXPECT_EQ(file["doc_id"], kDocumentId);
  EXPECT_EQ(file["file_type"], "pdf");
  EXPECT_EQ(file["sign_type"], "hash");
  EXPECT_EQ(file["data_to_be_signed"], LowerHex(Sha256(kSignedAttributes)));
  EXPECT_EQ(sign.body.find("signed attributes"), std::string::npos) << "only the digest travels";

  const auto transactions = mock_.transactions();
  ASSERT_EQ(transactions.size(), 1U);
  EXPECT_EQ(*transaction, transactions[0].tran_code);
  EXPECT_EQ(transactions[0].digest, Sha256(kSignedAttributes));

  const auto& status = requests[1];
  EXPECT_EQ(status.target, "/sca/sp769/v1/signatures/sign/" + *transaction + "/status");
  EXPECT_EQ(status.json["sp_id"], kSpId);
  EXPECT_EQ(status.json["sp_password"], kSpPassword);
  for (const auto& request : requests) {
    EXPECT_EQ(request.target.find(kSpPassword), std::string::npos) << request.target;
    EXPECT_EQ(request.headers.find(kSpPassword), std::string::npos) << request.headers;
  }
}

TEST_F(SmartCaSigning, PendingUntilConfirmedThenASignatureThatVerifies) {
  const auto service = Service(mock_.base_url());
  const std::string transaction = Requested(*service);
  for (int poll = 0; poll < 2; ++poll) {
    const auto status = service->Status(transaction);
    ASSERT_TRUE(status.has_value()) << status.error().message_en;
    EXPECT_EQ(status->state, app::RemoteSigningState::kPending);
    EXPECT_EQ(status->signature, "");
  }
  ASSERT_TRUE(mock_.Confirm(transaction, SignAsTheOfficial));
  const auto signed_status = service->Status(transaction);
  ASSERT_TRUE(signed_status.has_value()) << signed_status.error().message_en;
  ASSERT_EQ(signed_status->state, app::RemoteSigningState::kSigned);
  EXPECT_EQ(signed_status->signature.size(), 256U);  // raw RSA-2048, not base64

  const auto certificates = service->Certificates(kUserId);
  ASSERT_TRUE(certificates.has_value());
  const Key key = PublicKeyOf((*certificates)[0].certificate);
  ASSERT_NE(key, nullptr);
  EXPECT_TRUE(VerifiesOverDigest(key.get(), Sha256(kSignedAttributes), signed_status->signature));
  EXPECT_TRUE(VerifiesOverData(key.get(), kSignedAttributes, signed_status->signature));
  EXPECT_FALSE(VerifiesOverData(key.get(), "other attributes", signed_status->signature));
  EXPECT_FALSE(mock_.Confirm(transaction, SignAsTheOfficial)) << "a transaction is signed once";
}

TEST_F(SmartCaSigning, ReadsTheSignaturesUnderTheWebhooksNameToo) {
  mock_.UseSignaturesKey("signed_files");
  const auto service = Service(mock_.base_url());
  const std::string transaction = Requested(*service);
  ASSERT_TRUE(mock_.Confirm(transaction, SignAsTheOfficial));
  const auto status = service->Status(transaction);
  ASSERT_TRUE(status.has_value()) << status.error().message_en;
  EXPECT_EQ(status->state, app::RemoteSigningState::kSigned);
  EXPECT_EQ(status->signature, SignAsTheOfficial(Sha256(kSignedAttributes)));
}

TEST_F(SmartCaSigning, RejectedInTheApp) {
  const auto service = Service(mock_.base_url());
  const std::string transaction = Requested(*service);
  ASSERT_TRUE(mock_.Reject(transaction));
  const auto status = service->Status(transaction);
  ASSERT_TRUE(status.has_value()) << status.error().message_en;
  EXPECT_EQ(status->state, app::RemoteSigningState::kRejected);
  EXPECT_EQ(status->signature, "");
  EXPECT_FALSE(mock_.Confirm(transaction, SignAsTheOfficial));
}

TEST_F(SmartCaSigning, NotConfirmedInTimeIsExpired) {
  const auto service = Service(mock_.base_url());
  const std::string transaction = Requested(*service);
  ASSERT_TRUE(mock_.Expire(transaction));
  const auto status = service->Status(transaction);
  ASSERT_TRUE(status.has_value()) << status.error().message_en;
  EXPECT_EQ(status->state, app::RemoteSigningState::kExpired);
}

TEST_F(SmartCaSigning, ExpiresWhileBeingPolled) {
  mock_.ExpireAfterPolls(2);
  const auto service = Service(mock_.base_url());
  const std::string transaction = Requested(*service);
  const app::RemoteSigningState expected[] = {app::RemoteSigningState::kPending, app::RemoteSigningState::kPending,
                                              app::RemoteSigningState::kExpired, app::RemoteSigningState::kExpired};
  for (const app::RemoteSigningState state : expected) {
    const auto status = service->Status(transaction);
    ASSERT_TRUE(status.has_value()) << status.error().message_en;
    EXPECT_EQ(status->state, state);
  }
}

TEST_F(SmartCaSigning, AnUnknownTransactionIsNotFound) {
  const auto service = Service(mock_.base_url());
  ExpectError(service->Status("acd9be84-60e7-4645-83ab-000000000999"), ErrorCode::kNotFound, "transaction",
              "never given");
  EXPECT_EQ(mock_.requests().size(), 1U);
  // An id SmartCA could not have given goes into no URL.
  for (const char* forged : {"../../v1/credentials/get_certificate", "", "a b", "x?sp_password=1"}) {
    ExpectError(service->Status(forged), ErrorCode::kNotFound, "transaction", forged);
  }
  EXPECT_EQ(mock_.requests().size(), 1U);
}

TEST_F(SmartCaSigning, AnUnknownUserIsNotFound) {
  const auto service = Service(mock_.base_url());
  ExpectError(service->Certificates("079000000000"), ErrorCode::kNotFound, "user_id", "certificates");
  ExpectError(service->RequestSignature(SignRequest("", "079000000000")), ErrorCode::kNotFound, "user_id", "sign");
}

TEST_F(SmartCaSigning, ACertificateTheUserDoesNotHoldIsRefusedByName) {
  const auto service = Service(mock_.base_url());
  ExpectError(service->RequestSignature(SignRequest("deadbeef")), ErrorCode::kInvalidArgument, "certificate_serial",
              "an unknown serial");
  EXPECT_TRUE(service->RequestSignature(SignRequest(kSealSerial)).has_value()) << "the other certificate is held";
}

TEST_F(SmartCaSigning, AWrongPasswordIsRefusedOnEveryCall) {
  const std::string transaction = Requested(*Service(mock_.base_url()));
  const auto service = Service(mock_.base_url(), milliseconds(5000), "sai-mat-khau");
  const auto certificates = service->Certificates(kUserId);
  ExpectUnavailable(certificates, "certificates");
  ExpectUnavailable(service->RequestSignature(SignRequest()), "sign");
  ExpectUnavailable(service->Status(transaction), "status");
  ASSERT_FALSE(certificates.has_value());
  EXPECT_NE(certificates.error().message_en.find("MOTCUA_SMARTCA_SP_PASSWORD"), std::string::npos)
      << certificates.error().message_en;
  EXPECT_EQ(certificates.error().message_en.find("sai-mat-khau"), std::string::npos);
  EXPECT_EQ(certificates.error().message_vi.find("sai-mat-khau"), std::string::npos);
}

TEST_F(SmartCaSigning, ASignatureThatIsNotBase64IsNeverHandedOn) {
  const auto service = Service(mock_.base_url());
  const std::string transaction = Requested(*service);
  ASSERT_TRUE(mock_.Confirm(transaction, SignAsTheOfficial));
  mock_.ForgeSignatures(SmartCaForgery::kNotBase64);
  ExpectUnavailable(service->Status(transaction), "signature_value not base64");
}

// Bytes that decode are handed on: the adapter cannot tell them from a signature; the caller's check can.
TEST_F(SmartCaSigning, AForgedSignatureFailsTheCallersCheck) {
  const auto service = Service(mock_.base_url());
  const std::string transaction = Requested(*service);
  ASSERT_TRUE(mock_.Confirm(transaction, SignAsTheOfficial));
  mock_.ForgeSignatures(SmartCaForgery::kOtherBytes);
  const auto status = service->Status(transaction);
  ASSERT_TRUE(status.has_value()) << status.error().message_en;
  ASSERT_EQ(status->state, app::RemoteSigningState::kSigned);
  const Key key = PublicKeyOf(Der(TestPki().signer.get()));
  EXPECT_FALSE(VerifiesOverDigest(key.get(), Sha256(kSignedAttributes), status->signature));
}

TEST_F(SmartCaSigning, RequestsItCannotServeAreRefusedWithoutACall) {
  const auto service = Service(mock_.base_url());
  app::RemoteSigningRequest short_digest = SignRequest();
  short_digest.digest.pop_back();
  ExpectError(service->RequestSignature(short_digest), ErrorCode::kInvalidArgument, "digest", "31 bytes");
  app::RemoteSigningRequest hex_digest = SignRequest();
  hex_digest.digest = LowerHex(hex_digest.digest);
  ExpectError(service->RequestSignature(hex_digest), ErrorCode::kInvalidArgument, "digest", "hex, not raw");
  ExpectError(service->RequestSignature(SignRequest("", "")), ErrorCode::kInvalidArgument, "user_id", "no user");
  app::RemoteSigningRequest no_document = SignRequest();
  no_document.document_id.clear();
  ExpectError(service->RequestSignature(no_document), ErrorCode::kInvalidArgument, "document_id", "no document");
  ExpectError(service->Certificates(""), ErrorCode::kInvalidArgument, "user_id", "no user");
  EXPECT_TRUE(mock_.requests().empty());
}

TEST_F(SmartCaSigning, EachRequestHasAFreshTransactionId) {
  const auto service = Service(mock_.base_url());
  ASSERT_TRUE(service->Certificates(kUserId).has_value());
  Requested(*service);
  Requested(*service);
  std::set<std::string> ids;
  for (const auto& request : mock_.requests()) {
    const std::string id = request.json["transaction_id"];
    EXPECT_TRUE(IsUuidV4(id)) << id;
    ids.insert(id);
  }
  EXPECT_EQ(ids.size(), 3U);
}

TEST_F(SmartCaSigning, TheLogHasOneLinePerFailureAndNoSecretOrPersonalData) {
  test_support::CapturedLog log;
  const auto service = Service(mock_.base_url(), kShortTimeout);
  const std::string transaction = Requested(*service);
  EXPECT_FALSE(service->Certificates("079000000000").has_value());
  EXPECT_FALSE(Service(mock_.base_url(), kShortTimeout, "sai-mat-khau")->Certificates(kUserId).has_value());
  mock_.Behave(SmartCaBehaviour::kServerError);
  EXPECT_FALSE(service->RequestSignature(SignRequest()).has_value());
  mock_.Behave(SmartCaBehaviour::kMalformedJson);
  EXPECT_FALSE(service->Status(transaction).has_value());
  mock_.Behave(SmartCaBehaviour::kNeverAnswer);
  EXPECT_FALSE(service->RequestSignature(SignRequest()).has_value());

  const auto lines = log.Lines();
  EXPECT_EQ(lines.size(), 5U);
  const std::string secrets[] = {kSpPassword,
                                 "sai-mat-khau",
                                 kUserId,
                                 "079000000000",
                                 kDescription,
                                 kDocumentId,
                                 LowerHex(Sha256(kSignedAttributes)),
                                 "USER_NOT_FOUND",
                                 "SP_CREDENTIAL_INVALID"};
  for (const std::string& line : lines) {
    EXPECT_NE(line.find("smartca"), std::string::npos) << line;
    for (const std::string& secret : secrets) EXPECT_EQ(line.find(secret), std::string::npos) << line;
  }
}

}  // namespace
}  // namespace motcua::adapters::smartca_test
