// The VNPT SmartCA adapter against a loopback mock of the sp769 gateway (tests/support/mock_smartca_server.h): what
// it sends, a transaction's life (pending → signed, rejected, expired) with the signature checked by OpenSSL against
// the certificate the service listed, every way the service can fail or answer oddly, the settings refused at
// start-up, the log, and TLS against a certificate authority made for the test.
#include "adapters/smartca/smartca_signing_service.h"

#include <gtest/gtest.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <unistd.h>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/ssl/context.hpp>

#include "app/clock.h"
#include "support/captured_log.h"
#include "support/mock_smartca_server.h"

namespace motcua::adapters {
namespace {

using std::chrono::milliseconds;
using test_support::MockSmartCaCertificate;
using test_support::MockSmartCaServer;
using test_support::SmartCaBehaviour;
using test_support::SmartCaForgery;

constexpr const char* kSpId = "4184-637127995547330633.apps.signserviceapi.com";
constexpr const char* kSpPassword = "NGNhMzdmOGE-OGM2Mi00MTg0-bi-mat";
constexpr const char* kUserId = "001099012345";  // the official's citizen ID number
constexpr const char* kSignerSerial = "54010101493c47d39f8a84b30ed55191";
constexpr const char* kSealSerial = "540101013e3772189f6b3981df73bf0a";
constexpr const char* kDescription = "Ký kết quả hồ sơ H1.234-260509-0001";
constexpr const char* kDocumentId = "H1.234-260509-0001/ket-qua.pdf";
// What the digest is taken of: in motcua, the DER of the CMS signed attributes. It never travels.
constexpr const char* kSignedAttributes = "signed attributes of H1.234-260509-0001: contentType, messageDigest";
constexpr milliseconds kShortTimeout{300};

// ---- Keys and certificates, made at test time ---------------------------------------------------------------

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* object) const { Free(object); }
};
using Key = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using Certificate = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using KeyContext = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;
using DigestContext = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX, EVP_MD_CTX_free>>;

struct CertificateSpec {
  std::string common_name;
  std::string serial_hex = "01";
  bool authority = false;
  std::string subject_alt_names = "";   // "DNS:localhost,IP:127.0.0.1"
  std::string extended_key_usage = "";  // "serverAuth"
};

Certificate Issue(const CertificateSpec& spec, EVP_PKEY* key, X509* issuer, EVP_PKEY* issuer_key) {
  Certificate certificate(X509_new());
  X509* x509 = certificate.get();
  X509_set_version(x509, 2);
  BIGNUM* serial = nullptr;
  BN_hex2bn(&serial, spec.serial_hex.c_str());
  BN_to_ASN1_INTEGER(serial, X509_get_serialNumber(x509));
  BN_free(serial);
  X509_gmtime_adj(X509_getm_notBefore(x509), -3600);
  X509_gmtime_adj(X509_getm_notAfter(x509), 365L * 86400);
  X509_set_pubkey(x509, key);
  X509_NAME* name = X509_get_subject_name(x509);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                             reinterpret_cast<const unsigned char*>(spec.common_name.c_str()), -1, -1, 0);
  X509_set_issuer_name(x509, issuer != nullptr ? X509_get_subject_name(issuer) : name);
  X509V3_CTX context;
  X509V3_set_ctx(&context, issuer != nullptr ? issuer : x509, x509, nullptr, nullptr, 0);
  const auto add = [&](int nid, const std::string& value) {
    if (value.empty()) return;
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value.c_str());
    X509_add_ext(x509, extension, -1);
    X509_EXTENSION_free(extension);
  };
  add(NID_basic_constraints, spec.authority ? "critical,CA:TRUE" : "critical,CA:FALSE");
  add(NID_key_usage, spec.authority ? "critical,keyCertSign,cRLSign" : "critical,digitalSignature,nonRepudiation");
  add(NID_subject_key_identifier, "hash");
  add(NID_subject_alt_name, spec.subject_alt_names);
  add(NID_ext_key_usage, spec.extended_key_usage);
  X509_sign(x509, issuer_key != nullptr ? issuer_key : key, EVP_sha256());
  return certificate;
}

std::string Der(X509* certificate) {
  unsigned char* bytes = nullptr;
  const int length = i2d_X509(certificate, &bytes);
  std::string der(reinterpret_cast<char*>(bytes), static_cast<std::size_t>(length));
  OPENSSL_free(bytes);
  return der;
}

std::string Pem(X509* certificate) {
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_X509(bio, certificate);
  char* data = nullptr;
  const long length = BIO_get_mem_data(bio, &data);
  std::string pem(data, static_cast<std::size_t>(length));
  BIO_free(bio);
  return pem;
}

std::string Sha256(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
  return std::string(reinterpret_cast<char*>(digest), length);
}

std::string LowerHex(std::string_view bytes) {
  std::string hex;
  char pair[3];
  for (const unsigned char byte : bytes) {
    std::snprintf(pair, sizeof pair, "%02x", byte);
    hex += pair;
  }
  return hex;
}

// RSA PKCS#1 v1.5 over DigestInfo(SHA-256, digest): what SmartCA returns for an RSA key.
std::string SignDigest(EVP_PKEY* key, const std::string& digest) {
  KeyContext context(EVP_PKEY_CTX_new(key, nullptr));
  EVP_PKEY_sign_init(context.get());
  EVP_PKEY_CTX_set_rsa_padding(context.get(), RSA_PKCS1_PADDING);
  EVP_PKEY_CTX_set_signature_md(context.get(), EVP_sha256());
  std::size_t length = 0;
  const auto* input = reinterpret_cast<const unsigned char*>(digest.data());
  EVP_PKEY_sign(context.get(), nullptr, &length, input, digest.size());
  std::string signature(length, '\0');
  EVP_PKEY_sign(context.get(), reinterpret_cast<unsigned char*>(signature.data()), &length, input, digest.size());
  signature.resize(length);
  return signature;
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

// A root, an issuing CA under it, the official's RSA certificate and an e-seal certificate: made once per run.
struct Pki {
  Key root_key{EVP_EC_gen("P-256")};
  Certificate root = Issue({.common_name = "VNPT Test Root CA", .serial_hex = "01", .authority = true}, root_key.get(),
                           nullptr, nullptr);
  Key ca_key{EVP_EC_gen("P-256")};
  Certificate ca = Issue({.common_name = "VNPT-CA SHA-256 Test", .serial_hex = "02", .authority = true}, ca_key.get(),
                         root.get(), root_key.get());
  Key signer_key{EVP_RSA_gen(2048)};
  Certificate signer =
      Issue({.common_name = "Nguyễn Văn An", .serial_hex = kSignerSerial}, signer_key.get(), ca.get(), ca_key.get());
  Key seal_key{EVP_EC_gen("P-256")};
  Certificate seal =
      Issue({.common_name = "UBND xã Vân Sơn", .serial_hex = kSealSerial}, seal_key.get(), ca.get(), ca_key.get());
};

const Pki& TestPki() {
  static const Pki pki;
  return pki;
}

std::vector<MockSmartCaCertificate> OfficialsCertificates() {
  const Pki& pki = TestPki();
  return {{kSignerSerial, Der(pki.signer.get()), Der(pki.ca.get()), Der(pki.root.get())},
          {kSealSerial, Der(pki.seal.get()), Der(pki.ca.get()), ""}};
}

std::string SignAsTheOfficial(const std::string& digest) { return SignDigest(TestPki().signer_key.get(), digest); }

// ---- The adapter ------------------------------------------------------------------------------------------

SmartCaOptions Options(const std::string& url, milliseconds timeout = milliseconds(5000),
                       std::string password = kSpPassword) {
  SmartCaOptions options;
  options.base_url = url;
  options.sp_id = kSpId;
  options.sp_password = std::move(password);
  options.timeout = timeout;
  return options;
}

std::unique_ptr<SmartCaSigningService> Service(const SmartCaOptions& options) {
  return SmartCaSigningService::Create(options).value();
}
std::unique_ptr<SmartCaSigningService> Service(const std::string& url, milliseconds timeout = milliseconds(5000),
                                               std::string password = kSpPassword) {
  return Service(Options(url, timeout, std::move(password)));
}

app::RemoteSigningRequest SignRequest(std::string serial = "", std::string user_id = kUserId) {
  return {std::move(user_id), std::move(serial), Sha256(kSignedAttributes), kDescription, kDocumentId};
}

template <typename T>
void ExpectError(const Result<T>& result, ErrorCode code, const std::string& field, const std::string& why) {
  ASSERT_FALSE(result.has_value()) << why;
  EXPECT_EQ(result.error().code, code) << why << ": " << result.error().message_en;
  EXPECT_EQ(result.error().field, field) << why << ": " << result.error().message_en;
}
template <typename T>
void ExpectUnavailable(const Result<T>& result, const std::string& why) {
  ExpectError(result, ErrorCode::kUnavailable, "signing_service", why);
}

bool IsUuidV4(const std::string& text) {
  static const std::regex kUuid("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  return std::regex_match(text, kUuid);
}

class SmartCaSigning : public ::testing::Test {
 protected:
  SmartCaSigning() : mock_(kSpId, kSpPassword) { mock_.AddUser(kUserId, OfficialsCertificates()); }

  std::string Requested(const SmartCaSigningService& service) {
    auto transaction = service.RequestSignature(SignRequest());
    EXPECT_TRUE(transaction.has_value()) << transaction.error().message_en;
    return transaction.value_or("");
  }

  MockSmartCaServer mock_;
};

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

TEST_F(SmartCaSigning, AReplyThatNeverComesEndsAtTheTimeout) {
  const auto service = Service(mock_.base_url(), kShortTimeout);
  mock_.Behave(SmartCaBehaviour::kNeverAnswer);
  const auto started = std::chrono::steady_clock::now();
  const auto transaction = service->RequestSignature(SignRequest());
  const auto waited = std::chrono::steady_clock::now() - started;
  ExpectUnavailable(transaction, "no reply");
  EXPECT_NE(transaction.error().message_en.find("no reply within 300 ms"), std::string::npos);
  EXPECT_GE(waited, kShortTimeout);
  EXPECT_LT(waited, std::chrono::seconds(3));  // the timeout, not the kernel's, ended it
  EXPECT_EQ(mock_.requests().size(), 1U);
}

TEST_F(SmartCaSigning, EveryMisbehaviourIsUnavailable) {
  const auto service = Service(mock_.base_url());
  const std::string transaction = Requested(*service);
  ASSERT_TRUE(mock_.Confirm(transaction, SignAsTheOfficial));
  struct Case {
    const char* why;
    SmartCaBehaviour behaviour;
  } cases[] = {
      {"a 500", SmartCaBehaviour::kServerError},
      {"malformed JSON", SmartCaBehaviour::kMalformedJson},
      // The padded reply is otherwise a good one: only the cap refuses it.
      {"a body over 256 KiB", SmartCaBehaviour::kOversizeBody},
  };
  for (const Case& c : cases) {
    mock_.Behave(c.behaviour);
    ExpectUnavailable(service->Certificates(kUserId), std::string(c.why) + ", certificates");
    ExpectUnavailable(service->RequestSignature(SignRequest()), std::string(c.why) + ", sign");
    ExpectUnavailable(service->Status(transaction), std::string(c.why) + ", status");
  }
  mock_.Behave(SmartCaBehaviour::kNormal);
  EXPECT_TRUE(service->Status(transaction).has_value()) << "the service itself was fine throughout";
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

// The status replies the versions of SmartCA's document show, and what is not its protocol.
TEST_F(SmartCaSigning, ReadsStatusRepliesTolerantlyButNeverGuesses) {
  struct Case {
    const char* why;
    unsigned http;
    std::string body;
    std::optional<app::RemoteSigningState> state;  // none: an error is expected
    std::string signature;
    ErrorCode code = ErrorCode::kUnavailable;
    std::string field = "signing_service";
  } cases[] = {
      {"4000 WAITING_FOR_SIGNER_CONFIRM (CSC variant)", 200, R"({"status_code":4000,"message":"WAITING"})",
       app::RemoteSigningState::kPending, ""},
      {"200 with data null", 200, R"({"status_code":200,"message":"sig_wait_for_user_confirm","data":null})",
       app::RemoteSigningState::kPending, ""},
      {"200 without data", 200, R"({"status_code":200,"message":""})", app::RemoteSigningState::kPending, ""},
      {"an empty list", 200, R"({"status_code":200,"data":{"signatures":[]}})", app::RemoteSigningState::kPending, ""},
      {"signature_value null", 200,
       R"({"status_code":200,"data":{"signatures":[{"doc_id":"d","signature_value":null}]}})",
       app::RemoteSigningState::kPending, ""},
      {"status_code as a string", 200,
       R"({"status_code":"200","message":"SUCCESS","data":{"signatures":[{"doc_id":"d","signature_value":"AAEC"}]}})",
       app::RemoteSigningState::kSigned, std::string("\x00\x01\x02", 3)},
      {"MIME line breaks, no padding", 200,
       R"({"status_code":200,"data":{"signed_files":[{"signature_value":"AAECAwQF\r\nBgc"}]}})",
       app::RemoteSigningState::kSigned, std::string("\x00\x01\x02\x03\x04\x05\x06\x07", 8)},
      {"the first entry with a signature", 200,
       R"({"status_code":200,"data":{"signatures":[{"signature_value":null},{"signature_value":"/w=="}]}})",
       app::RemoteSigningState::kSigned, "\xff"},
      {"4001 EXPIRED", 200, R"({"status_code":4001,"message":"EXPIRED"})", app::RemoteSigningState::kExpired, ""},
      {"4002", 200, R"({"status_code":4002,"message":"SIGNER_REJECTED"})", app::RemoteSigningState::kRejected, ""},
      {"404 in the body", 200, R"({"status_code":404,"message":"TRANSACTION_NOT_FOUND"})", std::nullopt, "",
       ErrorCode::kNotFound, "transaction"},
      {"404 in both", 404, R"({"status_code":404,"message":"TRANSACTION_NOT_FOUND"})", std::nullopt, "",
       ErrorCode::kNotFound, "transaction"},
      // A wrong base path on a gateway: not the protocol, so not "no such transaction".
      {"an HTTP 404 page", 404, "<html>Not Found</html>", std::nullopt, ""},
      {"JSON without status_code", 404, R"({"error":"Not Found"})", std::nullopt, ""},
      {"status_code not a number", 200, R"({"status_code":"OK"})", std::nullopt, ""},
      {"4004 SIGN_FAILED", 200, R"({"status_code":4004,"message":"SIGN_FAILED"})", std::nullopt, ""},
      {"an unknown code", 200, R"({"status_code":4999})", std::nullopt, ""},
      {"a 503 with a good body", 503, R"({"status_code":4002})", std::nullopt, ""},
      {"data not an object", 200, R"({"status_code":200,"data":"SUCCESS"})", std::nullopt, ""},
      {"signatures not a list", 200, R"({"status_code":200,"data":{"signatures":"AAEC"}})", std::nullopt, ""},
      {"an entry not an object", 200, R"({"status_code":200,"data":{"signatures":["AAEC"]}})", std::nullopt, ""},
      {"three padding characters", 200, R"({"status_code":200,"data":{"signatures":[{"signature_value":"A==="}]}})",
       std::nullopt, ""},
      {"padding inside", 200, R"({"status_code":200,"data":{"signatures":[{"signature_value":"AA==AAAA"}]}})",
       std::nullopt, ""},
      {"URL-safe alphabet", 200, R"({"status_code":200,"data":{"signatures":[{"signature_value":"_-8="}]}})",
       std::nullopt, ""},
      {"signature_value a number", 200, R"({"status_code":200,"data":{"signatures":[{"signature_value":12}]}})",
       std::nullopt, ""},
  };
  const auto service = Service(mock_.base_url());
  for (const Case& c : cases) {
    mock_.AnswerNextWith(c.http, c.body);
    const auto status = service->Status("acd9be84-60e7-4645-83ab-fb7079b71626");
    if (c.state) {
      ASSERT_TRUE(status.has_value()) << c.why << ": " << status.error().message_en;
      EXPECT_EQ(status->state, *c.state) << c.why;
      EXPECT_EQ(status->signature, c.signature) << c.why;
    } else {
      ExpectError(status, c.code, c.field, c.why);
    }
  }
  EXPECT_EQ(mock_.requests().size(), std::size(cases));
}

TEST_F(SmartCaSigning, ReadsWhatASignRequestIsRefusedFor) {
  struct Case {
    const char* why;
    unsigned http;
    std::string body;
    std::string transaction;  // "" when an error is expected
    ErrorCode code;
    std::string field;
  } cases[] = {
      {"tran_code absent: the echoed transaction_id", 200,
       R"({"status_code":200,"message":"sig_wait_for_user_confirm","data":{"transaction_id":"SP_CA_123456"}})",
       "SP_CA_123456", ErrorCode::kInternal, ""},
      {"a tran_code that would leave the URL", 200, R"({"status_code":200,"data":{"tran_code":"../../x"}})", "",
       ErrorCode::kUnavailable, "signing_service"},
      {"no data", 200, R"({"status_code":200,"message":"sig_wait_for_user_confirm"})", "", ErrorCode::kUnavailable,
       "signing_service"},
      {"400 naming the serial", 400, R"({"status_code":400,"message":"serial_number không hợp lệ"})", "",
       ErrorCode::kInvalidArgument, "certificate_serial"},
      {"400 naming the data", 200, R"({"status_code":400,"message":"data_to_be_signed invalid"})", "",
       ErrorCode::kInvalidArgument, "digest"},
      {"400 naming the document", 400, R"({"status_code":400,"message":"doc_id is required"})", "",
       ErrorCode::kInvalidArgument, "document_id"},
      {"400 naming nothing", 400, R"({"status_code":400,"message":"BAD_REQUEST"})", "", ErrorCode::kInvalidArgument,
       "signing_request"},
      {"401 naming the user", 401, R"({"status_code":401,"message":"USER_NOT_FOUND"})", "", ErrorCode::kNotFound,
       "user_id"},
      {"401 naming the subscriber in Vietnamese", 200, R"({"status_code":401,"message":"Thuê bao không tồn tại"})", "",
       ErrorCode::kNotFound, "user_id"},
      {"401 naming the SP", 401, R"({"status_code":401,"message":"SP_CREDENTIAL_INVALID"})", "",
       ErrorCode::kUnavailable, "signing_service"},
      {"401 with the document's own wording", 401,
       R"({"status_code":401,"message":"Thông tin tài khoản sp, người dùng không hợp lệ"})", "",
       ErrorCode::kUnavailable, "signing_service"},
      {"403 CREDENTIAL_STATUS_INVALID", 403, R"({"status_code":403,"message":"CREDENTIAL_STATUS_INVALID"})", "",
       ErrorCode::kFailedPrecondition, "certificate_serial"},
      {"500 in the body", 200, R"({"status_code":500,"message":"SERVER_INTERNAL_ERROR"})", "", ErrorCode::kUnavailable,
       "signing_service"},
  };
  const auto service = Service(mock_.base_url());
  for (const Case& c : cases) {
    mock_.AnswerNextWith(c.http, c.body);
    const auto transaction = service->RequestSignature(SignRequest());
    if (!c.transaction.empty()) {
      ASSERT_TRUE(transaction.has_value()) << c.why << ": " << transaction.error().message_en;
      EXPECT_EQ(*transaction, c.transaction) << c.why;
    } else {
      ExpectError(transaction, c.code, c.field, c.why);
    }
  }
}

TEST_F(SmartCaSigning, ReadsCertificateRepliesStrictly) {
  const Pki& pki = TestPki();
  const std::string signer = MockSmartCaServer::Base64(Der(pki.signer.get()));
  const std::string not_a_certificate = MockSmartCaServer::Base64("hello, not DER");
  struct Case {
    const char* why;
    std::string body;
    ErrorCode code;
    std::string field;
  } cases[] = {
      {"no certificate at all", R"({"status_code":200,"data":{"user_certificates":[]}})", ErrorCode::kNotFound,
       "user_id"},
      {"no list", R"({"status_code":200,"data":{}})", ErrorCode::kUnavailable, "signing_service"},
      {"cert_data missing", R"({"status_code":200,"data":{"user_certificates":[{"serial_number":"01"}]}})",
       ErrorCode::kUnavailable, "signing_service"},
      {"cert_data not base64", R"({"status_code":200,"data":{"user_certificates":[{"cert_data":"MII*"}]}})",
       ErrorCode::kUnavailable, "signing_service"},
      {"cert_data not a certificate",
       R"({"status_code":200,"data":{"user_certificates":[{"cert_data":")" + not_a_certificate + R"("}]}})",
       ErrorCode::kUnavailable, "signing_service"},
      {"a certificate with bytes after it",
       R"({"status_code":200,"data":{"user_certificates":[{"cert_data":")" +
           MockSmartCaServer::Base64(Der(pki.signer.get()) + "xx") + R"("}]}})",
       ErrorCode::kUnavailable, "signing_service"},
      {"a broken ca_cert",
       R"({"status_code":200,"data":{"user_certificates":[{"cert_data":")" + signer +
           R"(","chain_data":{"ca_cert":"AAAA"}}]}})",
       ErrorCode::kUnavailable, "signing_service"},
      {"chain_data not an object",
       R"({"status_code":200,"data":{"user_certificates":[{"cert_data":")" + signer + R"(","chain_data":"x"}]}})",
       ErrorCode::kUnavailable, "signing_service"},
      {"400 for the user id", R"({"status_code":400,"message":"user_id is required"})", ErrorCode::kInvalidArgument,
       "user_id"},
  };
  const auto service = Service(mock_.base_url());
  for (const Case& c : cases) {
    mock_.AnswerNextWith(200, c.body);
    ExpectError(service->Certificates(kUserId), c.code, c.field, c.why);
  }
  // No serial_number: the certificate's own; chain_data absent: no chain.
  mock_.AnswerNextWith(200, R"({"status_code":200,"data":{"user_certificates":[{"cert_data":")" + signer + R"("}]}})");
  const auto certificates = service->Certificates(kUserId);
  ASSERT_TRUE(certificates.has_value()) << certificates.error().message_en;
  ASSERT_EQ(certificates->size(), 1U);
  EXPECT_EQ((*certificates)[0].serial, kSignerSerial);
  EXPECT_TRUE((*certificates)[0].issuer_chain.empty());
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

// Server threads call one service at once; each call has its own connection.
TEST_F(SmartCaSigning, ManyThreadsAtOnce) {
  const auto service = Service(mock_.base_url());
  std::vector<std::vector<std::string>> transactions(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < transactions.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5; ++i) {
        auto transaction = service->RequestSignature(SignRequest());
        if (transaction && service->Status(*transaction).has_value()) transactions[t].push_back(*transaction);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  std::set<std::string> distinct;
  for (const auto& some : transactions) {
    EXPECT_EQ(some.size(), 5U);
    distinct.insert(some.begin(), some.end());
  }
  EXPECT_EQ(distinct.size(), 20U);
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

// ---- Settings -----------------------------------------------------------------------------------------------

TEST(SmartCaSettings, BadSettingsAreRefusedAtStartUp) {
  struct Case {
    const char* why;
    std::string url;
    std::string sp_id;
    std::string password;
    milliseconds timeout;
    std::string field;
  } cases[] = {
      {"plain http to the CA", "http://gwsca.vnpt.vn/sca/sp769", "sp", "pw", milliseconds(1), "smartca_endpoint"},
      {"plain http to the province's network", "http://10.0.0.5:8080/sca/sp769", "sp", "pw", milliseconds(1),
       "smartca_endpoint"},
      {"plain http to another loopback address", "http://127.0.0.2/sca/sp769", "sp", "pw", milliseconds(1),
       "smartca_endpoint"},
      {"plain http to a name ending in localhost", "http://localhost.evil.example/x", "sp", "pw", milliseconds(1),
       "smartca_endpoint"},
      {"no URL", "", "sp", "pw", milliseconds(1), "smartca_endpoint"},
      {"another scheme", "ftp://gwsca.vnpt.vn", "sp", "pw", milliseconds(1), "smartca_endpoint"},
      {"no scheme", "gwsca.vnpt.vn/sca/sp769", "sp", "pw", milliseconds(1), "smartca_endpoint"},
      {"no host", "https://", "sp", "pw", milliseconds(1), "smartca_endpoint"},
      {"no host before the port", "https://:443/sca", "sp", "pw", milliseconds(1), "smartca_endpoint"},
      {"port 0", "https://gwsca.vnpt.vn:0", "sp", "pw", milliseconds(1), "smartca_endpoint"},
      {"a port over 65535", "https://gwsca.vnpt.vn:70000", "sp", "pw", milliseconds(1), "smartca_endpoint"},
      {"a password in the URL", "https://sp:secret@gwsca.vnpt.vn/sca", "sp", "pw", milliseconds(1), "smartca_endpoint"},
      {"a query", "https://gwsca.vnpt.vn/sca?x=1", "sp", "pw", milliseconds(1), "smartca_endpoint"},
      {"a fragment", "https://gwsca.vnpt.vn/sca#x", "sp", "pw", milliseconds(1), "smartca_endpoint"},
      {"a space in the host", "https://gwsca vnpt.vn/sca", "sp", "pw", milliseconds(1), "smartca_endpoint"},
      {"an unclosed IPv6 address", "https://[2001:db8::1/sca", "sp", "pw", milliseconds(1), "smartca_endpoint"},
      {"not an IPv6 address", "https://[gwsca]/sca", "sp", "pw", milliseconds(1), "smartca_endpoint"},
      {"no sp_id", kSmartCaProductionUrl, "", "pw", milliseconds(1), "smartca_sp_id"},
      {"no password", kSmartCaProductionUrl, "sp", "", milliseconds(1), "smartca_sp_password"},
      {"no time to wait", kSmartCaProductionUrl, "sp", "pw", milliseconds(0), "smartca_timeout"},
  };
  for (const Case& c : cases) {
    SmartCaOptions options;
    options.base_url = c.url;
    options.sp_id = c.sp_id;
    options.sp_password = c.password;
    options.timeout = c.timeout;
    const auto made = SmartCaSigningService::Create(options);
    ASSERT_FALSE(made.has_value()) << c.why;
    EXPECT_EQ(made.error().code, ErrorCode::kInvalidArgument) << c.why;
    EXPECT_EQ(made.error().field, c.field) << c.why;
  }
}

TEST(SmartCaSettings, GoodEndpointsAreAccepted) {
  for (const char* url : {kSmartCaProductionUrl, kSmartCaTestUrl, "HTTPS://GWSCA.VNPT.VN:8443/sca/sp769/",
                          "https://[2001:db8::1]/sca/sp769", "http://127.0.0.1:8080/sca/sp769", "http://[::1]:8080",
                          "http://LocalHost/sca/sp769"}) {
    EXPECT_TRUE(SmartCaSigningService::Create(Options(url)).has_value()) << url;
  }
}

TEST(SmartCaSettings, ThePasswordIsReadFromTheEnvironment) {
  ::setenv(kSmartCaSpPasswordVariable, "tu-moi-truong", 1);
  EXPECT_EQ(SmartCaSpPasswordFromEnvironment(), "tu-moi-truong");
  ::unsetenv(kSmartCaSpPasswordVariable);
  EXPECT_EQ(SmartCaSpPasswordFromEnvironment(), "");
}

TEST(SmartCaSettings, NothingListeningIsUnavailable) {
  std::string url;
  {
    MockSmartCaServer gone(kSpId, kSpPassword);
    url = gone.base_url();
  }
  ExpectUnavailable(Service(url)->Certificates(kUserId), "connection refused");
}

// ---- TLS ----------------------------------------------------------------------------------------------------

// SSL_CERT_FILE pointing at one CA while a service is created (OpenSSL reads it when the client context loads the
// default paths), then as it was.
class TrustedCaFile {
 public:
  explicit TrustedCaFile(const std::string& pem)
      : path_(std::filesystem::temp_directory_path() / ("motcua_smartca_ca_" + std::to_string(::getpid()) + ".pem")) {
    std::ofstream(path_) << pem;
    if (const char* previous = std::getenv("SSL_CERT_FILE"); previous != nullptr) previous_ = previous;
    ::setenv("SSL_CERT_FILE", path_.c_str(), 1);
  }
  ~TrustedCaFile() {
    if (previous_) {
      ::setenv("SSL_CERT_FILE", previous_->c_str(), 1);
    } else {
      ::unsetenv("SSL_CERT_FILE");
    }
    std::filesystem::remove(path_);
  }
  TrustedCaFile(const TrustedCaFile&) = delete;
  TrustedCaFile& operator=(const TrustedCaFile&) = delete;

 private:
  std::filesystem::path path_;
  std::optional<std::string> previous_;
};

// A server context for the mock: a certificate for `names`, issued by the test's root.
class MockServerTls {
 public:
  explicit MockServerTls(const std::string& names) : context_(boost::asio::ssl::context::tls_server) {
    const Pki& pki = TestPki();
    certificate_ = Issue({.common_name = "SmartCA mock",
                          .serial_hex = "0a",
                          .subject_alt_names = names,
                          .extended_key_usage = "serverAuth"},
                         key_.get(), pki.root.get(), pki.root_key.get());
    SSL_CTX_use_certificate(context_.native_handle(), certificate_.get());
    SSL_CTX_use_PrivateKey(context_.native_handle(), key_.get());
  }
  boost::asio::ssl::context& context() { return context_; }

 private:
  Key key_{EVP_EC_gen("P-256")};
  Certificate certificate_;
  boost::asio::ssl::context context_;
};

std::unique_ptr<SmartCaSigningService> ServiceTrusting(const std::string& url) {
  const TrustedCaFile trusted(Pem(TestPki().root.get()));
  return Service(url);
}

TEST(SmartCaTls, ATrustedCertificateForTheHostIsServed) {
  MockServerTls tls("DNS:localhost,IP:127.0.0.1");
  MockSmartCaServer mock(kSpId, kSpPassword, &tls.context());
  mock.AddUser(kUserId, OfficialsCertificates());
  const auto by_name = ServiceTrusting(mock.base_url("localhost"))->Certificates(kUserId);
  ASSERT_TRUE(by_name.has_value()) << by_name.error().message_en;
  EXPECT_EQ(by_name->size(), 2U);
  const auto by_address = ServiceTrusting(mock.base_url("127.0.0.1"))->Certificates(kUserId);
  ASSERT_TRUE(by_address.has_value()) << by_address.error().message_en;
  // SNI carries a name, never an address.
  EXPECT_EQ(mock.server_names(), (std::vector<std::string>{"localhost", ""}));
}

TEST(SmartCaTls, ACertificateNoTrustedAuthorityIssuedIsUnavailable) {
  MockServerTls tls("DNS:localhost,IP:127.0.0.1");
  MockSmartCaServer mock(kSpId, kSpPassword, &tls.context());
  mock.AddUser(kUserId, OfficialsCertificates());
  const auto certificates = Service(mock.base_url("localhost"))->Certificates(kUserId);  // the system's store only
  ExpectUnavailable(certificates, "untrusted");
  EXPECT_NE(certificates.error().message_en.find("certificate verify failed"), std::string::npos)
      << certificates.error().message_en;
  EXPECT_TRUE(mock.requests().empty()) << "nothing was sent";
}

TEST(SmartCaTls, ACertificateForAnotherHostIsUnavailable) {
  MockServerTls tls("DNS:smartca.example.vn");
  MockSmartCaServer mock(kSpId, kSpPassword, &tls.context());
  mock.AddUser(kUserId, OfficialsCertificates());
  ExpectUnavailable(ServiceTrusting(mock.base_url("localhost"))->Certificates(kUserId), "another name");
  ExpectUnavailable(ServiceTrusting(mock.base_url("127.0.0.1"))->Certificates(kUserId), "no IP address in it");
  EXPECT_TRUE(mock.requests().empty()) << "nothing was sent";
}

}  // namespace
}  // namespace motcua::adapters
