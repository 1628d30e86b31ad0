// Pkcs11SigningKey against SoftHSM 2, a PKCS#11 token in files. The suite makes, once, a SoftHSM store of its own
// in a temporary folder with two tokens:
//   motcua-test  an RSA-2048 key "official" (id 01) and its certificate (id 01), issued by an intermediate CA whose
//                certificate is on the token too, itself issued by a root CA also on the token;
//   motcua-ec    an EC P-256 key "official-ec" (id 02) whose certificate is stored under another id (0x22), so it
//                can only be found by its public key, and a key "orphan" (id 09) without any certificate.
// Skipped where SoftHSM is not installed (Debian package softhsm2).
#include "sign/pkcs11_signing_key.h"

#include <gtest/gtest.h>
#include <libp11.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509v3.h>
#include <stdlib.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "sign/openssl_handles.h"
#include "sign/pdf_signature_verifier.h"
#include "sign/pdf_signing.h"
#include "support/pdf_tools.h"
#include "support/sample_pdf.h"

namespace motcua::sign {
namespace {

namespace fs = std::filesystem;

constexpr char kModule[] = "/usr/lib/softhsm/libsofthsm2.so";
constexpr char kPin[] = "1234";

bool SoftHsmInstalled() { return fs::exists(kModule) && std::system("command -v softhsm2-util >/dev/null 2>&1") == 0; }

std::span<const unsigned char> Bytes(const std::string& text) {
  return {reinterpret_cast<const unsigned char*>(text.data()), text.size()};
}

// Whether `signature` is a valid signature over `digest` by the key of the certificate `certificate_der`, checked
// the way a CMS verifier does: SHA-256, and PKCS#1 v1.5 for RSA.
bool Verifies(const std::string& certificate_der, const std::string& digest, const std::string& signature) {
  X509Ptr certificate = ParseCertificate(certificate_der);
  EVP_PKEY* key = certificate == nullptr ? nullptr : X509_get0_pubkey(certificate.get());
  EvpPkeyCtxPtr context(EVP_PKEY_CTX_new(key, nullptr));
  if (context == nullptr || EVP_PKEY_verify_init(context.get()) <= 0 ||
      EVP_PKEY_CTX_set_signature_md(context.get(), EVP_sha256()) <= 0) {
    return false;
  }
  if (EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA &&
      EVP_PKEY_CTX_set_rsa_padding(context.get(), RSA_PKCS1_PADDING) <= 0) {
    return false;
  }
  const std::span<const unsigned char> raw = Bytes(signature);
  return EVP_PKEY_verify(context.get(), raw.data(), raw.size(), Bytes(digest).data(), digest.size()) == 1;
}

void AddExtension(X509& certificate, X509* issuer, int nid, const char* value) {
  X509V3_CTX context;
  X509V3_set_ctx(&context, issuer == nullptr ? &certificate : issuer, &certificate, nullptr, nullptr, 0);
  X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
  X509_add_ext(&certificate, extension, -1);
  X509_EXTENSION_free(extension);
}

// A certificate for `key` named `common_name`, signed by `issuer_key`; self-signed when `issuer` is null.
X509Ptr IssueCertificate(const std::string& common_name, EVP_PKEY& key, X509* issuer, EVP_PKEY& issuer_key,
                         bool is_ca) {
  static long serial = 1;
  X509Ptr certificate(X509_new());
  X509_set_version(certificate.get(), X509_VERSION_3);
  ASN1_INTEGER_set(X509_get_serialNumber(certificate.get()), serial++);
  X509_gmtime_adj(X509_getm_notBefore(certificate.get()), 0);
  X509_gmtime_adj(X509_getm_notAfter(certificate.get()), 365L * 24 * 3600);
  X509_set_pubkey(certificate.get(), &key);
  X509_NAME* name = X509_get_subject_name(certificate.get());
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(common_name.c_str()), -1,
                             -1, 0);
  X509_set_issuer_name(certificate.get(), issuer == nullptr ? name : X509_get_subject_name(issuer));
  AddExtension(*certificate, issuer, NID_basic_constraints, is_ca ? "critical,CA:TRUE" : "critical,CA:FALSE");
  AddExtension(*certificate, issuer, NID_key_usage,
               is_ca ? "critical,keyCertSign,cRLSign" : "critical,digitalSignature,nonRepudiation");
  X509_sign(certificate.get(), &issuer_key, EVP_sha256());
  return certificate;
}

void WritePrivateKey(const fs::path& path, EVP_PKEY& key) {
  BioPtr file(BIO_new_file(path.c_str(), "w"));
  PEM_write_bio_PrivateKey(file.get(), &key, nullptr, nullptr, 0, nullptr, nullptr);  // unencrypted PKCS#8
}

struct StoredCertificate {
  X509* certificate;
  std::string label;
  unsigned char id;
};

// Stores certificates on the token `token_label` with libp11, as a token maker's tool would; false on failure.
bool StoreCertificates(const std::string& token_label, const std::vector<StoredCertificate>& certificates) {
  PKCS11_CTX* context = PKCS11_CTX_new();
  if (PKCS11_CTX_load(context, kModule) != 0) return false;
  PKCS11_SLOT* slots = nullptr;
  unsigned int count = 0;
  bool stored = PKCS11_enumerate_slots(context, &slots, &count) == 0;
  for (PKCS11_SLOT& slot : std::span(slots, stored ? count : 0)) {
    if (slot.token == nullptr || token_label != slot.token->label) continue;
    stored = PKCS11_open_session(&slot, 1) == 0 && PKCS11_login(&slot, 0, kPin) == 0;
    for (StoredCertificate entry : certificates) {
      stored = stored &&
               PKCS11_store_certificate(slot.token, entry.certificate, entry.label.data(), &entry.id, 1, nullptr) == 0;
    }
  }
  if (slots != nullptr) PKCS11_release_all_slots(context, slots, count);
  PKCS11_CTX_unload(context);
  PKCS11_CTX_free(context);
  return stored;
}

class Pkcs11SigningKeyTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!SoftHsmInstalled()) return;
    char folder_template[] = "/tmp/motcua-pkcs11-XXXXXX";
    suite_ = new Suite;
    suite_->folder = mkdtemp(folder_template);
    fs::create_directory(suite_->folder / "tokens");
    std::ofstream(suite_->folder / "softhsm2.conf") << "directories.tokendir = " << (suite_->folder / "tokens").string()
                                                    << "\nobjectstore.backend = file\nlog.level = ERROR\n";
    // SoftHSM reads its configuration when the module is initialized, so this must come before any loading.
    setenv("SOFTHSM2_CONF", (suite_->folder / "softhsm2.conf").c_str(), 1);
    suite_->setup_error = MakeTokens();
  }

  static void TearDownTestSuite() {
    if (suite_ != nullptr) fs::remove_all(suite_->folder);
    delete suite_;
    suite_ = nullptr;
  }

  void SetUp() override {
    if (!SoftHsmInstalled()) GTEST_SKIP() << "SoftHSM 2 (" << kModule << ", softhsm2-util) is not installed";
    ASSERT_EQ(suite_->setup_error, "");
  }

  static Pkcs11KeyOptions Options(std::string token_label, std::string key_label = "") {
    return {kModule, std::move(token_label), std::move(key_label), kPin};
  }

  static std::unique_ptr<Pkcs11SigningKey> OpenRsa() {
    auto key = Pkcs11SigningKey::Open(Options("motcua-test"));
    EXPECT_TRUE(key.has_value()) << (key ? "" : key.error().message_en);
    return key ? std::move(*key) : nullptr;
  }

  struct Suite {
    fs::path folder;          // SoftHSM's configuration and tokens, removed at the end
    std::string setup_error;  // "" when the tokens were made
    std::string rsa_certificate, intermediate_certificate, root_certificate, ec_certificate;  // DER, as stored
  };
  static inline Suite* suite_ = nullptr;  // made once for the suite: SoftHSM and an RSA key take a while

  // Runs a softhsm2-util command line; "" on success, else what failed.
  static std::string Run(const std::string& arguments) {
    const std::string command =
        "softhsm2-util " + arguments + " >>'" + (suite_->folder / "softhsm2-util.log").string() + "' 2>&1";
    return std::system(command.c_str()) == 0 ? "" : "failed: " + command;
  }

  static std::string ImportKey(EVP_PKEY& key, const std::string& token, const std::string& label,
                               const std::string& id) {
    const fs::path pem = suite_->folder / (label + ".pem");
    WritePrivateKey(pem, key);
    return Run("--import '" + pem.string() + "' --token " + token + " --label " + label + " --id " + id + " --pin " +
               kPin);
  }

 private:
  // The two tokens the header describes; "" on success, else what failed.
  static std::string MakeTokens() {
    for (const char* label : {"motcua-test", "motcua-ec"}) {
      const std::string error =
          Run(std::string("--init-token --free --label ") + label + " --pin " + kPin + " --so-pin 5678");
      if (!error.empty()) return error;
    }
    EvpPkeyPtr root_key(EVP_EC_gen("P-256"));
    EvpPkeyPtr intermediate_key(EVP_EC_gen("P-256"));
    EvpPkeyPtr rsa_key(EVP_RSA_gen(2048));
    EvpPkeyPtr ec_key(EVP_EC_gen("P-256"));
    EvpPkeyPtr orphan_key(EVP_EC_gen("P-256"));
    X509Ptr root = IssueCertificate("Root CA", *root_key, nullptr, *root_key, true);
    X509Ptr intermediate = IssueCertificate("Intermediate CA", *intermediate_key, root.get(), *root_key, true);
    X509Ptr rsa = IssueCertificate("Nguyen Van A", *rsa_key, intermediate.get(), *intermediate_key, false);
    X509Ptr ec = IssueCertificate("Tran Thi B", *ec_key, intermediate.get(), *intermediate_key, false);
    suite_->rsa_certificate = CertificateDer(*rsa);
    suite_->intermediate_certificate = CertificateDer(*intermediate);
    suite_->root_certificate = CertificateDer(*root);
    suite_->ec_certificate = CertificateDer(*ec);
    std::string error = ImportKey(*rsa_key, "motcua-test", "official", "01");
    if (error.empty()) error = ImportKey(*ec_key, "motcua-ec", "official-ec", "02");
    if (error.empty()) error = ImportKey(*orphan_key, "motcua-ec", "orphan", "09");
    if (!error.empty()) return error;
    if (!StoreCertificates(
            "motcua-test",
            {{root.get(), "root", 0x0A}, {rsa.get(), "official", 0x01}, {intermediate.get(), "intermediate", 0x0B}}) ||
        !StoreCertificates("motcua-ec", {{ec.get(), "official-ec", 0x22}})) {
      return "storing the certificates with libp11 failed: " + TakeOpenSslError();
    }
    return "";
  }
};

TEST_F(Pkcs11SigningKeyTest, RsaSignatureVerifiesWithTheCertificateForThatDigestOnly) {
  auto key = OpenRsa();
  ASSERT_NE(key, nullptr);
  const std::string digest = Sha256("Quyết định số 12/QĐ-UBND");
  auto signature = key->SignDigest(Bytes(digest));
  ASSERT_TRUE(signature.has_value()) << signature.error().message_en;
  EXPECT_EQ(signature->size(), 256u);  // RSA-2048
  EXPECT_TRUE(Verifies(suite_->rsa_certificate, digest, *signature));
  EXPECT_FALSE(Verifies(suite_->rsa_certificate, Sha256("Quyết định số 13/QĐ-UBND"), *signature));
}

TEST_F(Pkcs11SigningKeyTest, ChainIsTheSignerThenItsCasFoundOnTheToken) {
  auto key = OpenRsa();
  ASSERT_NE(key, nullptr);
  // Stored in the order root, signer, intermediate: the chain follows issuers, not the order on the token.
  EXPECT_EQ(
      key->CertificateChain(),
      (std::vector<std::string>{suite_->rsa_certificate, suite_->intermediate_certificate, suite_->root_certificate}));
}

TEST_F(Pkcs11SigningKeyTest, EcKeyFoundByItsPublicKeyGivesADerEcdsaSignature) {
  auto key = Pkcs11SigningKey::Open(Options("motcua-ec"));
  ASSERT_TRUE(key.has_value()) << key.error().message_en;
  // The CA certificates are on the other token: this one holds the signer's alone.
  EXPECT_EQ((*key)->CertificateChain(), std::vector<std::string>{suite_->ec_certificate});
  const std::string digest = Sha256("Giấy chứng nhận");
  auto signature = (*key)->SignDigest(Bytes(digest));
  ASSERT_TRUE(signature.has_value()) << signature.error().message_en;
  const unsigned char* cursor = Bytes(*signature).data();
  ECDSA_SIG* parsed = d2i_ECDSA_SIG(nullptr, &cursor, static_cast<long>(signature->size()));
  EXPECT_NE(parsed, nullptr) << "not a DER ECDSA-Sig-Value";
  ECDSA_SIG_free(parsed);
  EXPECT_TRUE(Verifies(suite_->ec_certificate, digest, *signature));
  EXPECT_FALSE(Verifies(suite_->ec_certificate, Sha256("Giấy phép"), *signature));
}

TEST_F(Pkcs11SigningKeyTest, WrongPinIsUnavailableWithoutRepeatingThePin) {
  Pkcs11KeyOptions options = Options("motcua-test");
  options.pin = "864209";
  auto key = Pkcs11SigningKey::Open(options);
  ASSERT_FALSE(key.has_value());
  EXPECT_EQ(key.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(key.error().field, "signing_key");
  EXPECT_NE(key.error().message_en.find("PIN"), std::string::npos) << key.error().message_en;
  EXPECT_EQ(key.error().message_vi.find("864209"), std::string::npos);
  EXPECT_EQ(key.error().message_en.find("864209"), std::string::npos);
}

TEST_F(Pkcs11SigningKeyTest, MissingModuleIsNamedInTheError) {
  Pkcs11KeyOptions options = Options("motcua-test");
  options.module = "/nonexistent/libvendor-pkcs11.so";
  auto key = Pkcs11SigningKey::Open(options);
  ASSERT_FALSE(key.has_value());
  EXPECT_EQ(key.error().field, "signing_key");
  EXPECT_NE(key.error().message_vi.find("/nonexistent/libvendor-pkcs11.so"), std::string::npos);
  EXPECT_NE(key.error().message_en.find("/nonexistent/libvendor-pkcs11.so"), std::string::npos);
}

TEST_F(Pkcs11SigningKeyTest, UnknownTokenOrKeyLabelAndAKeyWithoutCertificateAreErrors) {
  struct Case {
    const char* why;
    Pkcs11KeyOptions options;
    const char* said;  // in the English message
  } cases[] = {
      {"no token has the label", Options("not-plugged-in"), "not-plugged-in"},
      {"no key has the label", Options("motcua-test", "someone-else"), "someone-else"},
      {"the key's certificate was never stored", Options("motcua-ec", "orphan"), "no certificate"},
  };
  for (const Case& c : cases) {
    auto key = Pkcs11SigningKey::Open(c.options);
    ASSERT_FALSE(key.has_value()) << c.why;
    EXPECT_EQ(key.error().code, ErrorCode::kUnavailable) << c.why;
    EXPECT_EQ(key.error().field, "signing_key") << c.why;
    EXPECT_NE(key.error().message_en.find(c.said), std::string::npos) << c.why << ": " << key.error().message_en;
  }
}

TEST_F(Pkcs11SigningKeyTest, TokenGoneAfterOpenIsUnavailable) {
  // A token of its own, deleted under the open key as if pulled out of the USB port.
  EvpPkeyPtr key_pair(EVP_EC_gen("P-256"));
  X509Ptr certificate = IssueCertificate("Le Van C", *key_pair, nullptr, *key_pair, false);
  ASSERT_EQ(Run(std::string("--init-token --free --label motcua-removable --pin ") + kPin + " --so-pin 5678"), "");
  ASSERT_EQ(ImportKey(*key_pair, "motcua-removable", "removable", "05"), "");
  ASSERT_TRUE(StoreCertificates("motcua-removable", {{certificate.get(), "removable", 0x05}}));
  auto key = Pkcs11SigningKey::Open(Options("motcua-removable"));
  ASSERT_TRUE(key.has_value()) << key.error().message_en;
  ASSERT_EQ(Run("--delete-token --token motcua-removable"), "");
  auto signature = (*key)->SignDigest(Bytes(Sha256("Biên nhận hồ sơ")));
  ASSERT_FALSE(signature.has_value());
  EXPECT_EQ(signature.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(signature.error().field, "signing_key");
}

TEST_F(Pkcs11SigningKeyTest, DigestOtherThan32BytesIsInvalidArgument) {
  auto key = OpenRsa();
  ASSERT_NE(key, nullptr);
  const std::string short_digest(31, '\x5a');
  auto signature = key->SignDigest(Bytes(short_digest));
  ASSERT_FALSE(signature.has_value());
  EXPECT_EQ(signature.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(signature.error().field, "digest");
}

TEST_F(Pkcs11SigningKeyTest, TwoThreadsSigningAtOnceAllVerify) {
  auto key = OpenRsa();
  ASSERT_NE(key, nullptr);
  std::atomic<int> verified = 0;
  auto sign_many = [&](int thread) {
    for (int i = 0; i < 50; ++i) {
      const std::string digest = Sha256("hồ sơ " + std::to_string(thread) + "-" + std::to_string(i));
      auto signature = key->SignDigest(Bytes(digest));
      if (signature && Verifies(suite_->rsa_certificate, digest, *signature)) ++verified;
    }
  };
  std::thread first(sign_many, 1);
  std::thread second(sign_many, 2);
  first.join();
  second.join();
  EXPECT_EQ(verified, 100);
}

// The whole path an official's token takes: the PDF signed on the token, accepted by pdfsig, the chain read off
// the token reaching the root the province trusts.
TEST_F(Pkcs11SigningKeyTest, ATokenSignsAPdfThatPdfSigAndTheVerifierAccept) {
  auto key = OpenRsa();
  ASSERT_NE(key, nullptr);
  auto signed_pdf = SignPdf(test_support::CairoPdf(), {.reason = "Phê duyệt", .signed_at = std::time(nullptr)}, *key);
  ASSERT_TRUE(signed_pdf.has_value()) << signed_pdf.error().message_en;
  auto reports = VerifyPdfSignatures(*signed_pdf, {suite_->root_certificate});
  ASSERT_TRUE(reports.has_value());
  ASSERT_EQ(reports->size(), 1u);
  EXPECT_TRUE((*reports)[0].intact);
  EXPECT_EQ((*reports)[0].trust, app::ChainTrust::kTrusted) << (*reports)[0].trust_problem;
  EXPECT_EQ((*reports)[0].chain.size(), 3u);
  if (!test_support::HaveTool("pdfsig")) return;
  const fs::path file = fs::temp_directory_path() / ("motcua_p11_" + std::to_string(::getpid()) + ".pdf");
  std::ofstream(file, std::ios::binary) << *signed_pdf;
  const std::string report = test_support::CommandOutput("pdfsig " + file.string() + " 2>&1");
  fs::remove(file);
  EXPECT_NE(report.find("Signature Validation: Signature is Valid."), std::string::npos) << report;
}

}  // namespace
}  // namespace motcua::sign
