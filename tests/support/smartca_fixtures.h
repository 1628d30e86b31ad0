#pragma once
// What the tests of the VNPT SmartCA adapter share (tests/app/smartca_*_test.cc): the official's ids and the request
// they sign, keys and certificates made at test time (a root, an issuing CA under it, the official's RSA certificate
// and an e-seal certificate, made once per run), a service made over the loopback mock of the sp769 gateway
// (support/mock_smartca_server.h), and the fixture that starts the mock with the official as its user.
//
// In the tests' own namespace (motcua::adapters::smartca_test), so that they read these names unqualified, and
// nested so that CertificateSpec or Der meet no other support header's.
#include <gtest/gtest.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "adapters/smartca/smartca_signing_service.h"
#include "sign/openssl_handles.h"
#include "support/mock_smartca_server.h"

namespace motcua::adapters::smartca_test {

using std::chrono::milliseconds;
using test_support::MockSmartCaCertificate;
using test_support::MockSmartCaServer;
using test_support::SmartCaBehaviour;
using test_support::SmartCaForgery;

inline constexpr const char* kSpId = "4184-637127995547330633.apps.signserviceapi.com";
inline constexpr const char* kSpPassword = "NGNhMzdmOGE-OGM2Mi00MTg0-bi-mat";
inline constexpr const char* kUserId = "001099012345";  // the official's citizen ID number
inline constexpr const char* kSignerSerial = "54010101493c47d39f8a84b30ed55191";
inline constexpr const char* kSealSerial = "540101013e3772189f6b3981df73bf0a";
inline constexpr const char* kDescription = "Ký kết quả hồ sơ H1.234-260509-0001";
inline constexpr const char* kDocumentId = "H1.234-260509-0001/ket-qua.pdf";
// What the digest is taken of: in motcua, the DER of the CMS signed attributes. It never travels.
inline constexpr const char* kSignedAttributes = "signed attributes of H1.234-260509-0001: contentType, messageDigest";
inline constexpr milliseconds kShortTimeout{300};

// ---- Keys and certificates, made at test time ---------------------------------------------------------------

// The owning handles of src/sign (sign/openssl_handles.h), under the names these tests read best with.
using Key = sign::EvpPkeyPtr;
using Certificate = sign::X509Ptr;
using KeyContext = sign::EvpPkeyCtxPtr;
using DigestContext = std::unique_ptr<EVP_MD_CTX, sign::OpenSslDeleter<EVP_MD_CTX, EVP_MD_CTX_free>>;

struct CertificateSpec {
  std::string common_name;
  std::string serial_hex = "01";
  bool authority = false;
  std::string subject_alt_names = "";   // "DNS:localhost,IP:127.0.0.1"
  std::string extended_key_usage = "";  // "serverAuth"
};

inline Certificate Issue(const CertificateSpec& spec, EVP_PKEY* key, X509* issuer, EVP_PKEY* issuer_key) {
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

inline std::string Der(X509* certificate) {
  unsigned char* bytes = nullptr;
  const int length = i2d_X509(certificate, &bytes);
  std::string der(reinterpret_cast<char*>(bytes), static_cast<std::size_t>(length));
  OPENSSL_free(bytes);
  return der;
}

inline std::string Pem(X509* certificate) {
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_X509(bio, certificate);
  char* data = nullptr;
  const long length = BIO_get_mem_data(bio, &data);
  std::string pem(data, static_cast<std::size_t>(length));
  BIO_free(bio);
  return pem;
}

inline std::string Sha256(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
  return std::string(reinterpret_cast<char*>(digest), length);
}

// RSA PKCS#1 v1.5 over DigestInfo(SHA-256, digest): what SmartCA returns for an RSA key.
inline std::string SignDigest(EVP_PKEY* key, const std::string& digest) {
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

inline const Pki& TestPki() {
  static const Pki pki;
  return pki;
}

inline std::vector<MockSmartCaCertificate> OfficialsCertificates() {
  const Pki& pki = TestPki();
  return {{kSignerSerial, Der(pki.signer.get()), Der(pki.ca.get()), Der(pki.root.get())},
          {kSealSerial, Der(pki.seal.get()), Der(pki.ca.get()), ""}};
}

inline std::string SignAsTheOfficial(const std::string& digest) {
  return SignDigest(TestPki().signer_key.get(), digest);
}

// ---- The adapter ------------------------------------------------------------------------------------------

inline SmartCaOptions Options(const std::string& url, milliseconds timeout = milliseconds(5000),
                              std::string password = kSpPassword) {
  SmartCaOptions options;
  options.base_url = url;
  options.sp_id = kSpId;
  options.sp_password = std::move(password);
  options.timeout = timeout;
  return options;
}

inline std::unique_ptr<SmartCaSigningService> Service(const SmartCaOptions& options) {
  return SmartCaSigningService::Create(options).value();
}
inline std::unique_ptr<SmartCaSigningService> Service(const std::string& url, milliseconds timeout = milliseconds(5000),
                                                      std::string password = kSpPassword) {
  return Service(Options(url, timeout, std::move(password)));
}

inline app::RemoteSigningRequest SignRequest(std::string serial = "", std::string user_id = kUserId) {
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

// The mock gateway, with the official and their two certificates as its one user, for each test.
class MockGatewayTest : public ::testing::Test {
 protected:
  MockGatewayTest() : mock_(kSpId, kSpPassword) { mock_.AddUser(kUserId, OfficialsCertificates()); }

  std::string Requested(const SmartCaSigningService& service) {
    auto transaction = service.RequestSignature(SignRequest());
    EXPECT_TRUE(transaction.has_value()) << transaction.error().message_en;
    return transaction.value_or("");
  }

  MockSmartCaServer mock_;
};

}  // namespace motcua::adapters::smartca_test
