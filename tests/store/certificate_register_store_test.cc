// The register of officials' signing certificates in the store, on both engines: ids in the order registered,
// every fact kept as given, nothing deleted (retiring keeps the row with who and when), one active row per official
// and certificate, a retired certificate may be registered again.
#include <gtest/gtest.h>

#include <string>

#include "support/sample_events.h"
#include "support/store_backends.h"

namespace motcua::store {
namespace {

using test_support::At;

OfficialCertificate Certificate(std::string login, std::string sha256, const char* at) {
  OfficialCertificate c;
  c.login = std::move(login);
  c.holding = CertificateHolding::kToken;
  c.certificate = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
  c.sha256 = std::move(sha256);
  c.serial = "1A2B";
  c.common_name = "Nguyễn Văn Hùng";
  c.issuer = "VNPT Certification Authority";
  c.not_before = At("2026-01-01T00:00:00+07:00");
  c.not_after = At("2027-01-01T00:00:00+07:00");
  c.added_by = "gd.vanson";
  c.added_at = At(at);
  return c;
}

class CertificateRegisterStoreTest : public test_support::StoreBackendTest {};

INSTANTIATE_TEST_SUITE_P(Backends, CertificateRegisterStoreTest, ::testing::ValuesIn(test_support::StoreBackends()),
                         test_support::BackendName);

TEST_P(CertificateRegisterStoreTest, CertificatesAreKeptAsGivenInTheOrderRegistered) {
  EXPECT_TRUE(store_->OfficialCertificates().value().empty());
  const auto first = store_->AddOfficialCertificate(Certificate("ld.vanson", "aa11", "2026-12-01T08:00:00+07:00"));
  ASSERT_TRUE(first.has_value()) << first.error().message_en;
  OfficialCertificate remote = Certificate("ld.tanlap", "bb22", "2026-12-01T09:00:00+07:00");
  remote.holding = CertificateHolding::kRemote;
  remote.remote_user = "025123456789";
  const auto second = store_->AddOfficialCertificate(remote).value();
  EXPECT_GT(second.id, first->id);
  const auto listed = store_->OfficialCertificates().value();
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0], *first);
  EXPECT_EQ(listed[1], second);
  EXPECT_EQ(listed[0].common_name, "Nguyễn Văn Hùng");
  EXPECT_EQ(listed[0].not_after, At("2027-01-01T00:00:00+07:00"));
  EXPECT_EQ(listed[1].holding, CertificateHolding::kRemote);
  EXPECT_EQ(listed[1].remote_user, "025123456789");
  EXPECT_TRUE(listed[1].active());
}

TEST_P(CertificateRegisterStoreTest, RetiringKeepsTheRowWithWhoAndWhen) {
  const auto added =
      store_->AddOfficialCertificate(Certificate("ld.vanson", "aa11", "2026-12-01T08:00:00+07:00")).value();
  const auto retired = store_->RetireOfficialCertificate(added.id, "qt.tinh", At("2026-12-02T10:00:00+07:00")).value();
  EXPECT_FALSE(retired.active());
  EXPECT_EQ(retired.retired_by, "qt.tinh");
  EXPECT_EQ(store_->OfficialCertificates().value().at(0), retired);

  const auto again = store_->RetireOfficialCertificate(added.id, "gd.vanson", At("2026-12-03T10:00:00+07:00"));
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(store_->OfficialCertificates().value().at(0).retired_by, "qt.tinh");
  const auto missing = store_->RetireOfficialCertificate(added.id + 100, "qt.tinh", At("2026-12-03T10:00:00+07:00"));
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().field, "id");
}

TEST_P(CertificateRegisterStoreTest, TheSameActiveCertificateOfAnOfficialIsAConflictAndARetiredOneMayComeBack) {
  const auto added =
      store_->AddOfficialCertificate(Certificate("ld.vanson", "aa11", "2026-12-01T08:00:00+07:00")).value();
  const auto twice = store_->AddOfficialCertificate(Certificate("ld.vanson", "aa11", "2026-12-01T08:05:00+07:00"));
  ASSERT_FALSE(twice.has_value());
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  EXPECT_EQ(twice.error().field, "certificate");
  // The same certificate under another login is another row (a mistake the register shows rather than hides).
  EXPECT_TRUE(store_->AddOfficialCertificate(Certificate("ld.khac", "aa11", "2026-12-01T08:06:00+07:00")));
  ASSERT_TRUE(store_->RetireOfficialCertificate(added.id, "gd.vanson", At("2026-12-02T10:00:00+07:00")));
  EXPECT_TRUE(store_->AddOfficialCertificate(Certificate("ld.vanson", "aa11", "2026-12-03T08:00:00+07:00")));
  EXPECT_EQ(store_->OfficialCertificates().value().size(), 3u);
}

}  // namespace
}  // namespace motcua::store
