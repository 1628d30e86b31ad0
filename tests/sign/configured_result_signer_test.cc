// What `motcua serve` builds from its signing options: the roots read from a folder, and the signer with a seal, a
// token, both or neither — each way refused plainly when it is not there or not usable.
#include "sign/configured_result_signer.h"

#include <gtest/gtest.h>
#include <openssl/pem.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "sign/pdf_signature_verifier.h"
#include "sign/trusted_roots.h"
#include "support/sample_pdf.h"
#include "support/test_certificates.h"

namespace motcua::sign {
namespace {

namespace fs = std::filesystem;

class SigningSetupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() / ("motcua_roots_" + std::to_string(::getpid()));
    fs::remove_all(folder_);
    fs::create_directories(folder_);
  }
  void TearDown() override { fs::remove_all(folder_); }

  void Write(const std::string& name, const std::string& bytes) const {
    std::ofstream(folder_ / name, std::ios::binary) << bytes;
  }
  static std::string Pem(const test_support::IssuedCertificate& issued) {
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), issued.certificate.get());
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(length));
  }

  fs::path folder_;
  test_support::TestAuthority national_{"Root CA quốc gia (thử)", test_support::KeyKind::kEc};
  test_support::TestAuthority government_{"VGCA (thử)", test_support::KeyKind::kEc};
};

TEST_F(SigningSetupTest, RootsAreReadFromPemFilesHoldingSeveralAndFromDerFiles) {
  Write("a-national.pem", Pem(national_.root()) + Pem(government_.root()));
  Write("b-government.cer", government_.root().der());
  Write("README.txt", "not a certificate, and not read: not a certificate's file name");
  auto roots = LoadTrustedRoots(folder_.string());
  ASSERT_TRUE(roots.has_value()) << roots.error().message_en;
  EXPECT_EQ(*roots,
            (std::vector<std::string>{national_.root().der(), government_.root().der(), government_.root().der()}));
}

TEST_F(SigningSetupTest, AFileWithoutACertificateOrAMissingFolderIsNamed) {
  Write("broken.pem", "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");
  auto broken = LoadTrustedRoots(folder_.string());
  ASSERT_FALSE(broken.has_value());
  EXPECT_EQ(broken.error().field, "trust_roots");
  EXPECT_NE(broken.error().message_en.find("broken.pem"), std::string::npos);
  auto missing = LoadTrustedRoots((folder_ / "nowhere").string());
  ASSERT_FALSE(missing.has_value());
  EXPECT_NE(missing.error().message_en.find("nowhere"), std::string::npos);
}

TEST_F(SigningSetupTest, NothingConfiguredOffersNothingAndRefusesEachWay) {
  auto signer = ConfiguredResultSigner::Create({});
  ASSERT_TRUE(signer.has_value());
  EXPECT_TRUE((*signer)->Methods().empty());
  for (app::SigningMethod method : {app::SigningMethod::kSeal, app::SigningMethod::kToken}) {
    auto refused = (*signer)->Sign(method, "1234", test_support::CairoPdf(), {});
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition);
    EXPECT_EQ(refused.error().field, "method");
  }
}

TEST_F(SigningSetupTest, TheSealFileIsReadAtStartAndSignsWithItsCertificate) {
  const test_support::IssuedCertificate seal =
      national_.IssueSigner({.common_name = "UBND xã Tả Van", .key_kind = test_support::KeyKind::kEc});
  Write("seal.p12", national_.Pkcs12(seal, "mat-khau"));
  auto wrong = ConfiguredResultSigner::Create({.seal_file = (folder_ / "seal.p12").string(), .seal_password = "sai"});
  ASSERT_FALSE(wrong.has_value());
  EXPECT_EQ(wrong.error().field, "signing_key");
  auto absent = ConfiguredResultSigner::Create({.seal_file = (folder_ / "none.p12").string()});
  ASSERT_FALSE(absent.has_value());
  EXPECT_EQ(absent.error().field, "seal_file");

  auto signer =
      ConfiguredResultSigner::Create({.seal_file = (folder_ / "seal.p12").string(), .seal_password = "mat-khau"});
  ASSERT_TRUE(signer.has_value()) << signer.error().message_en;
  const std::vector<app::SigningMethodInfo> methods = (*signer)->Methods();
  ASSERT_EQ(methods.size(), 1u);
  EXPECT_EQ(methods[0].method, app::SigningMethod::kSeal);
  ASSERT_TRUE(methods[0].certificate.has_value());
  EXPECT_EQ(methods[0].certificate->common_name, "UBND xã Tả Van");
  auto signed_pdf = (*signer)->Sign(app::SigningMethod::kSeal, "", test_support::CairoPdf(),
                                    {.signer_name = "Lò Văn Minh",
                                     .reason = "Phê duyệt",
                                     .location = "UBND xã Tả Van",
                                     .at = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now())});
  ASSERT_TRUE(signed_pdf.has_value()) << signed_pdf.error().message_en;
  auto reports = PdfSignatureVerifier({national_.root().der()}).Verify(*signed_pdf);
  ASSERT_TRUE(reports.has_value());
  ASSERT_EQ(reports->size(), 1u);
  EXPECT_EQ(app::SignatureVerdict((*reports)[0]), "valid");
  EXPECT_EQ((*reports)[0].signer_name, "Lò Văn Minh");
  EXPECT_EQ(app::SignatureVerdict(PdfSignatureVerifier({government_.root().der()}).Verify(*signed_pdf)->at(0)),
            "unknown_root");
}

TEST_F(SigningSetupTest, ATokenNeedsItsModuleAtStartAndAPinForEachSignature) {
  auto missing = ConfiguredResultSigner::Create({.token = {.module = "/nonexistent/libtoken.so"}});
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().field, "token_module");
  const char* softhsm = "/usr/lib/softhsm/libsofthsm2.so";
  if (!fs::exists(softhsm)) GTEST_SKIP() << "softhsm2 is not installed";
  auto signer = ConfiguredResultSigner::Create({.token = {.module = softhsm}});
  ASSERT_TRUE(signer.has_value());
  ASSERT_EQ((*signer)->Methods().size(), 1u);
  EXPECT_TRUE((*signer)->Methods()[0].needs_pin);
  auto no_pin = (*signer)->Sign(app::SigningMethod::kToken, "", test_support::CairoPdf(), {});
  ASSERT_FALSE(no_pin.has_value());
  EXPECT_EQ(no_pin.error().field, "pin");
}

}  // namespace
}  // namespace motcua::sign
