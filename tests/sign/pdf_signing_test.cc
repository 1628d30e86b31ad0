// Signing PDFs and reading the signatures back, checked by the tools a recipient uses: poppler's pdfsig and
// `openssl cms -verify` must accept what is signed and refuse it once a byte changes; a second signature must keep
// the first valid; a certificate that cannot sign now is refused before anything is written.
#include "sign/pdf_signing.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>

#include "sign/pdf_signature_verifier.h"
#include "sign/pkcs12_signing_key.h"
#include "support/pdf_tools.h"
#include "support/qpdf_rewrite.h"
#include "support/sample_pdf.h"
#include "support/test_certificates.h"

namespace motcua::sign {
namespace {

using test_support::CommandOutput;
using test_support::HaveTool;

class PdfSigningTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ =
        std::filesystem::temp_directory_path() / ("motcua_sign_" + std::to_string(::getpid()) + "_" +
                                                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(directory_);
    authority_.WriteRootPem(Path("root.pem"));
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  std::string Path(const std::string& name) const { return (directory_ / name).string(); }
  void Write(const std::string& name, const std::string& bytes) const {
    std::ofstream(Path(name), std::ios::binary) << bytes;
  }

  std::unique_ptr<Pkcs12SigningKey> KeyOf(const test_support::IssuedCertificate& signer) const {
    auto key = Pkcs12SigningKey::FromBytes(authority_.Pkcs12(signer, "secret"), "secret");
    EXPECT_TRUE(key.has_value());
    return key ? std::move(*key) : nullptr;
  }

  static SignatureDetails Details(std::string reason = "Phê duyệt kết quả giải quyết hồ sơ") {
    return {.signer_name = "",
            .reason = std::move(reason),
            .location = "UBND xã Tả Van, tỉnh Lào Cai",
            .signed_at = static_cast<long long>(std::time(nullptr))};
  }

  std::string Signed(const std::string& pdf, const test_support::IssuedCertificate& signer) const {
    Result<std::string> signed_pdf = SignPdf(pdf, Details(), *KeyOf(signer));
    EXPECT_TRUE(signed_pdf.has_value()) << (signed_pdf ? "" : signed_pdf.error().message_en);
    return signed_pdf.value_or("");
  }

  // pdfsig's report of the file.
  std::string PdfSig(const std::string& pdf) const {
    Write("checked.pdf", pdf);
    return CommandOutput("pdfsig " + Path("checked.pdf") + " 2>&1");
  }

  // Whether `openssl cms -verify` accepts the signature `index` (0 first) against the test CA: its CMS taken from
  // /Contents, its content the byte ranges — as a recipient without a PDF reader would check it.
  bool OpenSslAccepts(const std::string& pdf, int index) const {
    std::size_t search_from = 0;
    std::size_t range_at = 0;
    for (int i = 0; i <= index; ++i) {
      range_at = pdf.find("/ByteRange [", search_from);
      search_from = range_at + 1;
    }
    long long a = 0, b = 0, c = 0, d = 0;
    std::sscanf(pdf.c_str() + range_at, "/ByteRange [%lld %lld %lld %lld]", &a, &b, &c, &d);
    std::string hex = pdf.substr(static_cast<std::size_t>(b) + 1, static_cast<std::size_t>(c - b - 2));
    std::string der;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
      der += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    Write("signature.der", der);
    Write("content.bin", pdf.substr(0, static_cast<std::size_t>(b)) +
                             pdf.substr(static_cast<std::size_t>(c), static_cast<std::size_t>(d)));
    const std::string command = "openssl cms -verify -binary -inform DER -in " + Path("signature.der") + " -content " +
                                Path("content.bin") + " -CAfile " + Path("root.pem") +
                                " -purpose any -out /dev/null 2>&1";
    return CommandOutput(command + "; echo exit=$?").find("exit=0") != std::string::npos;
  }

  std::vector<app::SignatureReport> Reports(const std::string& pdf) const {
    Result<std::vector<app::SignatureReport>> reports = VerifyPdfSignatures(pdf, {authority_.root().der()});
    EXPECT_TRUE(reports.has_value());
    return reports.value_or(std::vector<app::SignatureReport>{});
  }

  std::filesystem::path directory_;
  test_support::TestAuthority authority_;
  test_support::IssuedCertificate official_ = authority_.IssueSigner({.common_name = "Nguyễn Văn Bình"});
};

TEST_F(PdfSigningTest, PdfSigAndOpenSslAcceptASignedCairoPdf) {
  if (!HaveTool("pdfsig")) GTEST_SKIP() << "poppler-utils is not installed";
  const std::string pdf = test_support::CairoPdf();
  const std::string signed_pdf = Signed(pdf, official_);
  ASSERT_FALSE(signed_pdf.empty());
  EXPECT_EQ(signed_pdf.substr(0, pdf.size()), pdf) << "an incremental update leaves the original bytes alone";
  const std::string report = PdfSig(signed_pdf);
  EXPECT_NE(report.find("Signature Validation: Signature is Valid."), std::string::npos) << report;
  EXPECT_NE(report.find("Signer Certificate Common Name: Nguyễn Văn Bình"), std::string::npos) << report;
  EXPECT_NE(report.find("Signature Type: ETSI.CAdES.detached"), std::string::npos) << report;
  EXPECT_NE(report.find("Total document signed"), std::string::npos) << report;
  EXPECT_TRUE(OpenSslAccepts(signed_pdf, 0));
}

TEST_F(PdfSigningTest, OneChangedByteMakesBothVerifiersRefuse) {
  if (!HaveTool("pdfsig")) GTEST_SKIP() << "poppler-utils is not installed";
  std::string signed_pdf = Signed(test_support::CairoPdf("KET QUA 123"), official_);
  const std::size_t text = signed_pdf.find("/Producer");
  ASSERT_NE(text, std::string::npos);
  signed_pdf[text + 2] = signed_pdf[text + 2] == 'r' ? 'R' : 'r';
  const std::string report = PdfSig(signed_pdf);
  EXPECT_EQ(report.find("Signature is Valid"), std::string::npos) << report;
  EXPECT_NE(report.find("Signature Validation: Digest Mismatch."), std::string::npos) << report;
  EXPECT_FALSE(OpenSslAccepts(signed_pdf, 0));
  const std::vector<app::SignatureReport> reports = Reports(signed_pdf);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_FALSE(reports[0].intact);
}

TEST_F(PdfSigningTest, ASecondSignatureKeepsTheFirstValid) {
  if (!HaveTool("pdfsig")) GTEST_SKIP() << "poppler-utils is not installed";
  const test_support::IssuedCertificate leader = authority_.IssueSigner({.common_name = "Trần Thị Lan"});
  const std::string once = Signed(test_support::CairoPdf(), official_);
  const std::string twice = Signed(once, leader);
  ASSERT_FALSE(twice.empty());
  const std::string report = PdfSig(twice);
  EXPECT_NE(report.find("Signature #1"), std::string::npos);
  EXPECT_NE(report.find("Signature #2"), std::string::npos) << report;
  std::size_t valid = 0;
  for (std::size_t at = report.find("Signature is Valid"); at != std::string::npos;
       at = report.find("Signature is Valid", at + 1)) {
    ++valid;
  }
  EXPECT_EQ(valid, 2u) << report;
  EXPECT_TRUE(OpenSslAccepts(twice, 0));
  EXPECT_TRUE(OpenSslAccepts(twice, 1));
  const std::vector<app::SignatureReport> reports = Reports(twice);
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_EQ(reports[0].field_name, "Signature1");
  EXPECT_EQ(reports[1].field_name, "Signature2");
  EXPECT_TRUE(reports[0].intact);
  EXPECT_FALSE(reports[0].covers_whole_file);
  EXPECT_TRUE(reports[1].intact);
  EXPECT_TRUE(reports[1].covers_whole_file);
  EXPECT_EQ(reports[1].signer_name, "Trần Thị Lan");
}

TEST_F(PdfSigningTest, APdfWithObjectStreamsAndAnEcKeySignsToo) {
  if (!HaveTool("pdfsig")) GTEST_SKIP() << "poppler-utils is not installed";
  const test_support::IssuedCertificate seal = authority_.IssueSigner(
      {.common_name = "Trung tâm Phục vụ hành chính công", .key_kind = test_support::KeyKind::kEc});
  const std::string pdf =
      test_support::RewrittenPdf(test_support::CairoPdf("x", 3), test_support::Rewrite::kObjectStreams);
  ASSERT_NE(pdf.find("/ObjStm"), std::string::npos) << "the sample must use object streams";
  const std::string signed_pdf = Signed(pdf, seal);
  const std::string report = PdfSig(signed_pdf);
  EXPECT_NE(report.find("Signature Validation: Signature is Valid."), std::string::npos) << report;
  EXPECT_TRUE(OpenSslAccepts(signed_pdf, 0));
  EXPECT_EQ(CommandOutput("pdfinfo " + Path("checked.pdf") + " | grep Pages"), "Pages:           3\n");
}

TEST_F(PdfSigningTest, TheReportNamesSignerChainTimeAndIntegrity) {
  const long long before = static_cast<long long>(std::time(nullptr));
  const std::vector<app::SignatureReport> reports = Reports(Signed(test_support::CairoPdf(), official_));
  ASSERT_EQ(reports.size(), 1u);
  const app::SignatureReport& report = reports[0];
  EXPECT_EQ(report.problem, "");
  EXPECT_EQ(report.sub_filter, "ETSI.CAdES.detached");
  EXPECT_EQ(report.signer_name, "Nguyễn Văn Bình");
  EXPECT_EQ(report.reason, "Phê duyệt kết quả giải quyết hồ sơ");
  EXPECT_EQ(report.location, "UBND xã Tả Van, tỉnh Lào Cai");
  ASSERT_TRUE(report.signing_time.has_value());
  EXPECT_GE(*report.signing_time, before);
  EXPECT_LE(*report.signing_time, before + 60);
  EXPECT_TRUE(report.intact);
  EXPECT_TRUE(report.covers_whole_file);
  EXPECT_TRUE(report.certificate_bound);
  EXPECT_TRUE(report.certificate_valid_at_signing);
  EXPECT_EQ(report.trust, app::ChainTrust::kTrusted) << report.trust_problem;
  ASSERT_EQ(report.chain.size(), 2u);
  EXPECT_EQ(report.chain[0].common_name, "Nguyễn Văn Bình");
  EXPECT_EQ(report.chain[0].issuer_common_name, "Motcua Test Root CA");
  EXPECT_EQ(report.chain[1].common_name, "Motcua Test Root CA");
  EXPECT_FALSE(report.has_timestamp);
  EXPECT_FALSE(report.has_revocation_data);
}

TEST_F(PdfSigningTest, AnUnconfiguredRootIsReportedAsUnknownNotTrusted) {
  const std::string signed_pdf = Signed(test_support::CairoPdf(), official_);
  const test_support::TestAuthority other("Another Root");
  Result<std::vector<app::SignatureReport>> reports = VerifyPdfSignatures(signed_pdf, {other.root().der()});
  ASSERT_TRUE(reports.has_value());
  ASSERT_EQ(reports->size(), 1u);
  EXPECT_TRUE((*reports)[0].intact);
  EXPECT_EQ((*reports)[0].trust, app::ChainTrust::kUnknownRoot);
  EXPECT_FALSE((*reports)[0].trust_problem.empty());
}

TEST_F(PdfSigningTest, AnExpiredCertificateIsRefusedWithADateAndNothingIsSigned) {
  const long long now = static_cast<long long>(std::time(nullptr));
  const test_support::IssuedCertificate expired = authority_.IssueSigner(
      {.common_name = "Lê Văn Cũ", .not_before = now - 3 * 365 * 86400, .not_after = now - 10 * 86400});
  Result<std::string> result = SignPdf(test_support::CairoPdf(), Details(), *KeyOf(expired));
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(result.error().field, "certificate");
  EXPECT_NE(result.error().message_vi.find("Lê Văn Cũ đã hết hạn từ"), std::string::npos) << result.error().message_vi;
  EXPECT_NE(result.error().message_en.find("expired"), std::string::npos);
}

TEST_F(PdfSigningTest, ACertificateNotYetValidOrNotForSigningIsRefused) {
  const long long now = static_cast<long long>(std::time(nullptr));
  const test_support::IssuedCertificate future =
      authority_.IssueSigner({.common_name = "Tương Lai", .not_before = now + 86400, .not_after = now + 400 * 86400});
  Result<std::string> early = SignPdf(test_support::CairoPdf(), Details(), *KeyOf(future));
  ASSERT_FALSE(early.has_value());
  EXPECT_NE(early.error().message_vi.find("chỉ có hiệu lực từ"), std::string::npos);
  const test_support::IssuedCertificate encipher =
      authority_.IssueSigner({.common_name = "Mã Hóa", .key_usage = "critical,keyEncipherment"});
  Result<std::string> wrong_use = SignPdf(test_support::CairoPdf(), Details(), *KeyOf(encipher));
  ASSERT_FALSE(wrong_use.has_value());
  EXPECT_EQ(wrong_use.error().field, "certificate");
  EXPECT_NE(wrong_use.error().message_vi.find("không dùng để ký"), std::string::npos);
}

TEST_F(PdfSigningTest, ASignatureFromAnotherKeyIsRefusedAtCompletion) {
  Result<PendingSignature> pending = Prepare(test_support::CairoPdf(), Details(), {official_.der()});
  ASSERT_TRUE(pending.has_value());
  EXPECT_EQ(pending->digest_to_sign.size(), 32u);
  const test_support::IssuedCertificate impostor = authority_.IssueSigner({.common_name = "Giả Mạo"});
  const auto digest = std::span(reinterpret_cast<const unsigned char*>(pending->digest_to_sign.data()), 32);
  Result<std::string> forged = KeyOf(impostor)->SignDigest(digest);
  ASSERT_TRUE(forged.has_value());
  Result<std::string> refused = Complete(*pending, *forged);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().field, "signature");
  Result<std::string> garbage = Complete(*pending, std::string(256, 'x'));
  EXPECT_FALSE(garbage.has_value());
  Result<std::string> genuine = KeyOf(official_)->SignDigest(digest);
  ASSERT_TRUE(genuine.has_value());
  Result<std::string> completed = Complete(*pending, *genuine);
  ASSERT_TRUE(completed.has_value());
  const std::vector<app::SignatureReport> reports = Reports(*completed);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_TRUE(reports[0].intact);
}

TEST_F(PdfSigningTest, WhatIsNotAPlainPdfIsRefusedNamingTheFile) {
  const std::string cases[] = {
      "not a pdf at all",
      test_support::RewrittenPdf(test_support::CairoPdf(), test_support::Rewrite::kEncrypted),
      test_support::CairoPdf().substr(0, 400),
  };
  for (const std::string& bytes : cases) {
    Result<std::string> result = SignPdf(bytes, Details(), *KeyOf(official_));
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().field, "file");
    EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
  }
}

// Found by the pdf_signatures fuzzer: a signing time whose time zone is not digits threw from std::stoi. Such a
// date is unreadable (no signing time, so not valid at signing), and the file is judged, not the server crashed.
TEST_F(PdfSigningTest, ASigningTimeWithAMalformedTimeZoneReadsAsNoTime) {
  std::string signed_pdf = Signed(test_support::CairoPdf(), official_);
  const std::size_t zone = signed_pdf.find("+07'00')");
  ASSERT_NE(zone, std::string::npos);
  for (const std::string& broken :
       {std::string("+x7'00'"), std::string("+07'x0'"), std::string("+99'00'"), std::string("+07;00'")}) {
    signed_pdf.replace(zone, broken.size(), broken);
    const std::vector<app::SignatureReport> reports = Reports(signed_pdf);
    ASSERT_EQ(reports.size(), 1u) << broken;
    EXPECT_FALSE(reports[0].signing_time.has_value()) << broken;
    EXPECT_FALSE(reports[0].intact) << "the date is inside the signed bytes: " << broken;
    EXPECT_FALSE(reports[0].certificate_valid_at_signing) << broken;
  }
}

TEST_F(PdfSigningTest, AnUnsignedPdfHasNoSignaturesAndGarbageIsAnError) {
  EXPECT_TRUE(Reports(test_support::CairoPdf()).empty());
  EXPECT_FALSE(VerifyPdfSignatures("garbage", {}).has_value());
}

TEST_F(PdfSigningTest, AWrongPkcs12PasswordIsAClearError) {
  Result<std::unique_ptr<Pkcs12SigningKey>> key =
      Pkcs12SigningKey::FromBytes(authority_.Pkcs12(official_, "secret"), "wrong");
  ASSERT_FALSE(key.has_value());
  EXPECT_EQ(key.error().field, "signing_key");
  Result<std::unique_ptr<Pkcs12SigningKey>> not_a_file = Pkcs12SigningKey::FromBytes("junk", "secret");
  EXPECT_FALSE(not_a_file.has_value());
}

TEST(PdfDateTest, IsVietnamTime) {
  EXPECT_EQ(PdfDate(0), "D:19700101070000+07'00'");
  // 2026-12-07 17:30:00 UTC is 00:30 the next day in Hà Nội.
  EXPECT_EQ(PdfDate(1796664600), "D:20261208003000+07'00'");
}

}  // namespace
}  // namespace motcua::sign
