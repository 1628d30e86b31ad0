// Reading a certificate an official hands in (sign/x509_certificate_reader.h): PEM text, the DER of a .cer file, or
// that DER as bare base64 give the same facts and the same PEM back; whether it is meant for signing comes from its
// key usage; anything else is refused naming "certificate".
#include "sign/x509_certificate_reader.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <string>

#include "support/test_certificates.h"

namespace motcua::sign {
namespace {

using test_support::KeyKind;
using test_support::TestAuthority;

std::string Base64(const std::string& bytes, bool wrapped) {
  std::string text(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int length =
      EVP_EncodeBlock(reinterpret_cast<unsigned char*>(text.data()),
                      reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
  text.resize(static_cast<std::size_t>(length));
  if (!wrapped) return text;
  std::string lines;
  for (std::size_t at = 0; at < text.size(); at += 64) lines += text.substr(at, 64) + "\r\n";
  return lines;
}

class X509CertificateReaderTest : public ::testing::Test {
 protected:
  TestAuthority authority_{"Motcua Test Root CA", KeyKind::kEc};
  X509CertificateReader reader_;
};

TEST_F(X509CertificateReaderTest, PemDerAndBase64GiveTheSameCertificate) {
  const auto issued = authority_.IssueSigner({.common_name = "Nguyễn Văn Hùng", .key_kind = KeyKind::kEc});
  const auto from_pem = reader_.Read("  " + issued.pem() + "\n");
  ASSERT_TRUE(from_pem.has_value()) << from_pem.error().message_en;
  EXPECT_EQ(from_pem->facts.common_name, "Nguyễn Văn Hùng");
  EXPECT_EQ(from_pem->facts.issuer_common_name, "Motcua Test Root CA");
  EXPECT_EQ(from_pem->pem, issued.pem());
  EXPECT_TRUE(from_pem->meant_for_signing);
  for (const std::string& text : {issued.der(), Base64(issued.der(), false), Base64(issued.der(), true)}) {
    const auto read = reader_.Read(text);
    ASSERT_TRUE(read.has_value()) << read.error().message_en;
    EXPECT_EQ(read->facts.sha256, from_pem->facts.sha256);
    EXPECT_EQ(read->pem, issued.pem());
  }
}

TEST_F(X509CertificateReaderTest, ACertificateForCertificatesIsNotMeantForSigning) {
  EXPECT_FALSE(reader_.Read(authority_.root().pem()).value().meant_for_signing);
  const auto encipherment = authority_.IssueSigner(
      {.common_name = "Mã hoá", .key_usage = "critical,keyEncipherment", .key_kind = KeyKind::kEc});
  EXPECT_FALSE(reader_.Read(encipherment.pem()).value().meant_for_signing);
  const auto non_repudiation =
      authority_.IssueSigner({.common_name = "Ký", .key_usage = "critical,nonRepudiation", .key_kind = KeyKind::kEc});
  EXPECT_TRUE(reader_.Read(non_repudiation.pem()).value().meant_for_signing);
}

TEST_F(X509CertificateReaderTest, WhatIsNotOneCertificateIsRefusedNamingTheField) {
  const auto issued = authority_.IssueSigner({.common_name = "Nguyễn Văn Hùng", .key_kind = KeyKind::kEc});
  const std::string pem = issued.pem();
  const std::string der = issued.der();
  for (const std::string& text :
       {std::string(), std::string("không phải chứng thư"), std::string("-----BEGIN CERTIFICATE-----\nAAAA\n"),
        der.substr(0, der.size() / 2), Base64(der, false).substr(1), std::string(70 * 1024, 'A'),
        std::string("-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE "
                    "KEY-----\n")}) {
    const auto refused = reader_.Read(text);
    ASSERT_FALSE(refused.has_value()) << text.substr(0, 40);
    EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(refused.error().field, "certificate");
  }
}

}  // namespace
}  // namespace motcua::sign
