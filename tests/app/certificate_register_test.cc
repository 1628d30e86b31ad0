// The register of officials' certificates through its use case, on a real SQLite store, with real certificates
// (a CA of the test's own) read by the server's reader, on a fixed clock: who sees whom, who may change what,
// the standing of each certificate and the alert 30 days ahead, and the officials who cannot sign today.
#include "app/certificate_register.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "sign/x509_certificate_reader.h"
#include "store/store_factory.h"
#include "support/sample_events.h"
#include "support/test_certificates.h"

namespace motcua::app {
namespace {

using test_support::At;
using test_support::CertificateSpec;
using test_support::KeyKind;
using test_support::TestAuthority;

long long Unix(const char* iso) { return At(iso).time_since_epoch().count(); }

Account Official(std::string login, Role role, std::vector<std::string> units, std::string name = "") {
  Account a;
  a.login = std::move(login);
  a.role = role;
  a.units = std::move(units);
  a.display_name = std::move(name);
  return a;
}

class CertificateRegisterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ReferenceCatalogue units;
    units.provinces.push_back({"25", "Tỉnh Phú Thọ", "tỉnh", "phu_tho", "210"});
    units.provinces.push_back({"04", "Tỉnh Cao Bằng", "tỉnh", "cao_bang", "206"});
    units.communes.push_back({"05152", "Xã Vân Sơn", "xã", "xa_van_son", "25"});
    units.communes.push_back({"05158", "Xã Tân Lập", "xã", "xa_tan_lap", "25"});
    units.communes.push_back({"01273", "Xã Quảng Lâm", "xã", "xa_quang_lam", "04"});
    ASSERT_TRUE(store_->SaveReferenceCatalogue(units).has_value());
    for (const Account& a : {admin_, supervisor_, supervisor_elsewhere_, director_, leader_, second_leader_,
                             specialist_, leader_tan_lap_, leader_cao_bang_}) {
      ASSERT_TRUE(store_->CreateAccount(a, "x").has_value()) << a.login;
    }
  }

  std::string Issue(const char* common_name, const char* from, const char* until,
                    std::string key_usage = "critical,digitalSignature,nonRepudiation") {
    return authority_
        .IssueSigner({.common_name = common_name,
                      .not_before = Unix(from),
                      .not_after = Unix(until),
                      .key_usage = std::move(key_usage),
                      .key_kind = KeyKind::kEc})
        .pem();
  }

  Result<RegisteredCertificate> RegisterToken(const Account& by, const Account& official, const std::string& pem) {
    return register_.Register(by, {.login = official.login, .holding = CertificateHolding::kToken, .certificate = pem});
  }

  static std::vector<std::string> Logins(const std::vector<OfficialUnableToSign>& officials) {
    std::vector<std::string> logins;
    for (const auto& o : officials) logins.push_back(o.login);
    return logins;
  }

  static std::vector<std::string> Owners(const CertificateRoster& roster) {
    std::vector<std::string> logins;
    for (const auto& c : roster.certificates) logins.push_back(c.record.login);
    return logins;
  }

  Account admin_ = Official("qt.tinh", Role::kAdministrator, {});
  Account supervisor_ = Official("gs.phutho", Role::kSupervisor, {"25"});
  Account supervisor_elsewhere_ = Official("gs.caobang", Role::kSupervisor, {"04"});
  Account director_ = Official("gd.vanson", Role::kDirector, {"05152"});
  Account leader_ = Official("ld.vanson", Role::kLeader, {"05152"}, "Nguyễn Văn Hùng");
  Account second_leader_ = Official("ld2.vanson", Role::kLeader, {"05152"}, "Trần Thị Mai");
  Account specialist_ = Official("cv.vanson", Role::kSpecialist, {"05152"});
  Account leader_tan_lap_ = Official("ld.tanlap", Role::kLeader, {"05158"});
  Account leader_cao_bang_ = Official("ld.quanglam", Role::kLeader, {"01273"});

  TestAuthority authority_{"Motcua Test Root CA", KeyKind::kEc};
  FixedClock clock_{At("2026-12-08T08:00:00+07:00")};
  sign::X509CertificateReader reader_;
  std::unique_ptr<store::Store> store_ = store::OpenStore(store::StoreSpec::Sqlite(":memory:")).value();
  CertificateRegister register_{*store_, clock_, reader_};
};

TEST_F(CertificateRegisterTest, ARegisteredCertificateIsKeptWithItsFactsAndItsStanding) {
  const std::string pem = Issue("Nguyễn Văn Hùng", "2026-01-01T00:00:00+07:00", "2027-06-30T00:00:00+07:00");
  const auto added = RegisterToken(director_, leader_, pem);
  ASSERT_TRUE(added.has_value()) << added.error().message_en;
  EXPECT_EQ(added->record.login, "ld.vanson");
  EXPECT_EQ(added->record.common_name, "Nguyễn Văn Hùng");
  EXPECT_EQ(added->record.issuer, "Motcua Test Root CA");
  EXPECT_EQ(added->record.not_after, At("2027-06-30T00:00:00+07:00"));
  EXPECT_EQ(added->record.added_by, "gd.vanson");
  EXPECT_EQ(added->record.certificate, pem);
  EXPECT_EQ(added->record.sha256.size(), 64u);
  EXPECT_EQ(added->standing, CertificateStanding::kValid);
  EXPECT_FALSE(added->needs_renewal);
  EXPECT_EQ(store_->OfficialCertificates().value().at(0), added->record);
}

TEST_F(CertificateRegisterTest, ACertificateEndingWithinThirtyDaysNeedsRenewalAndOneEndedNoLongerSigns) {
  // 30 days from the clock's day is the last day of the window: expiring soon; 31 days is still valid.
  const auto soon = RegisterToken(director_, leader_,
                                  Issue("Nguyễn Văn Hùng", "2026-01-01T00:00:00+07:00", "2027-01-07T08:00:00+07:00"));
  const auto later = RegisterToken(director_, second_leader_,
                                   Issue("Trần Thị Mai", "2026-01-01T00:00:00+07:00", "2027-01-08T08:00:01+07:00"));
  ASSERT_TRUE(soon && later);
  EXPECT_EQ(soon->standing, CertificateStanding::kExpiresSoon);
  EXPECT_TRUE(soon->needs_renewal);
  EXPECT_EQ(later->standing, CertificateStanding::kValid);

  clock_.Set(At("2027-01-07T08:00:01+07:00"));  // a second after the end
  const auto roster = register_.Roster(director_).value();
  ASSERT_EQ(roster.certificates.size(), 2u);
  EXPECT_EQ(roster.certificates[0].standing, CertificateStanding::kExpired);
  EXPECT_TRUE(roster.certificates[0].needs_renewal);
  EXPECT_EQ(roster.certificates[1].standing, CertificateStanding::kExpiresSoon);
  ASSERT_EQ(roster.cannot_sign.size(), 1u);
  EXPECT_EQ(roster.cannot_sign[0].login, "ld.vanson");
  EXPECT_EQ(roster.cannot_sign[0].display_name, "Nguyễn Văn Hùng");
  EXPECT_EQ(roster.cannot_sign[0].gap, SigningGap::kExpired);
}

TEST_F(CertificateRegisterTest, OfficialsWhoApproveResultsWithoutAValidCertificateCannotSignToday) {
  // Nothing registered: every enabled leader the director sees is listed; the specialist approves nothing.
  auto roster = register_.Roster(director_).value();
  EXPECT_EQ(Logins(roster.cannot_sign), (std::vector<std::string>{"ld.vanson", "ld2.vanson"}));
  EXPECT_EQ(roster.cannot_sign[0].gap, SigningGap::kNoCertificate);
  EXPECT_EQ(roster.cannot_sign[0].units, std::vector<std::string>{"05152"});

  ASSERT_TRUE(RegisterToken(director_, leader_,
                            Issue("Nguyễn Văn Hùng", "2026-01-01T00:00:00+07:00", "2027-12-31T00:00:00+07:00")));
  // A certificate valid only from next month does not let the second leader sign today.
  ASSERT_TRUE(RegisterToken(director_, second_leader_,
                            Issue("Trần Thị Mai", "2027-01-01T00:00:00+07:00", "2028-12-31T00:00:00+07:00")));
  roster = register_.Roster(director_).value();
  EXPECT_EQ(Logins(roster.cannot_sign), std::vector<std::string>{"ld2.vanson"});
  EXPECT_EQ(roster.cannot_sign[0].gap, SigningGap::kNotYetValid);

  // A disabled leader is not waited for.
  ASSERT_TRUE(store_->SetAccountDisabled("ld2.vanson", true, clock_.Now()));
  EXPECT_TRUE(register_.Roster(director_).value().cannot_sign.empty());
}

TEST_F(CertificateRegisterTest, ARetiredCertificateNoLongerCountsButStaysListed) {
  const auto added = RegisterToken(leader_, leader_,
                                   Issue("Nguyễn Văn Hùng", "2026-01-01T00:00:00+07:00", "2027-12-31T00:00:00+07:00"));
  ASSERT_TRUE(added.has_value()) << added.error().message_en;  // an official registers its own
  const auto retired = register_.Retire(director_, added->record.id);
  ASSERT_TRUE(retired.has_value()) << retired.error().message_en;
  EXPECT_EQ(retired->record.retired_by, "gd.vanson");
  EXPECT_FALSE(retired->needs_renewal);
  const auto roster = register_.Roster(director_).value();
  ASSERT_EQ(roster.certificates.size(), 1u);
  EXPECT_FALSE(roster.certificates[0].record.active());
  EXPECT_EQ(Logins(roster.cannot_sign), (std::vector<std::string>{"ld.vanson", "ld2.vanson"}));
  EXPECT_EQ(roster.cannot_sign[0].gap, SigningGap::kNoCertificate);
}

TEST_F(CertificateRegisterTest, EachRoleSeesOnlyTheOfficialsItOversees) {
  for (const Account* official : {&leader_, &leader_tan_lap_, &leader_cao_bang_}) {
    ASSERT_TRUE(RegisterToken(
        admin_, *official, Issue(official->login.c_str(), "2026-01-01T00:00:00+07:00", "2027-12-31T00:00:00+07:00")));
  }
  EXPECT_EQ(Owners(register_.Roster(admin_).value()),
            (std::vector<std::string>{"ld.vanson", "ld.tanlap", "ld.quanglam"}));
  EXPECT_EQ(Owners(register_.Roster(supervisor_).value()), (std::vector<std::string>{"ld.vanson", "ld.tanlap"}));
  EXPECT_EQ(Owners(register_.Roster(supervisor_elsewhere_).value()), std::vector<std::string>{"ld.quanglam"});
  EXPECT_EQ(Owners(register_.Roster(director_).value()), std::vector<std::string>{"ld.vanson"});
  EXPECT_EQ(Owners(register_.Roster(leader_).value()), std::vector<std::string>{"ld.vanson"});
  EXPECT_TRUE(Owners(register_.Roster(specialist_).value()).empty());
  // Only the director's own commune's leaders are waited for on its screen.
  EXPECT_EQ(Logins(register_.Roster(director_).value().cannot_sign), std::vector<std::string>{"ld2.vanson"});

  Account citizen = Official("cong.dan", Role::kCitizen, {});
  const auto denied = register_.Roster(citizen);
  ASSERT_FALSE(denied.has_value());
  EXPECT_EQ(denied.error().code, ErrorCode::kPermissionDenied);
}

TEST_F(CertificateRegisterTest, OnlyTheOfficialItsDirectorOrAnAdministratorChangesItsCertificates) {
  const std::string pem = Issue("Lê Văn Tân", "2026-01-01T00:00:00+07:00", "2027-12-31T00:00:00+07:00");
  for (const Account* by : {&director_, &supervisor_, &leader_, &specialist_}) {
    const auto denied = RegisterToken(*by, leader_tan_lap_, pem);
    ASSERT_FALSE(denied.has_value()) << by->login;
    EXPECT_EQ(denied.error().code, ErrorCode::kPermissionDenied) << by->login;
    EXPECT_EQ(denied.error().field, "login");
  }
  const auto own = RegisterToken(leader_tan_lap_, leader_tan_lap_, pem);
  ASSERT_TRUE(own.has_value());
  const auto not_by_other_director = register_.Retire(director_, own->record.id);
  ASSERT_FALSE(not_by_other_director.has_value());
  EXPECT_EQ(not_by_other_director.error().code, ErrorCode::kPermissionDenied);
  EXPECT_TRUE(register_.Retire(admin_, own->record.id).has_value());
  EXPECT_EQ(store_->OfficialCertificates().value().at(0).retired_by, std::optional<std::string>("qt.tinh"));

  // Who may register for whom is what the form offers.
  std::vector<std::string> offered;
  const CertificateRoster director_roster = register_.Roster(director_).value();
  for (const auto& o : director_roster.may_register_for) offered.push_back(o.login);
  std::ranges::sort(offered);
  EXPECT_EQ(offered, (std::vector<std::string>{"cv.vanson", "gd.vanson", "ld.vanson", "ld2.vanson"}));
  const auto supervisor_offered = register_.Roster(supervisor_).value().may_register_for;  // itself only
  ASSERT_EQ(supervisor_offered.size(), 1u);
  EXPECT_EQ(supervisor_offered[0].login, "gs.phutho");
}

TEST_F(CertificateRegisterTest, WhatCannotBeRegisteredIsRefusedNamingTheField) {
  const std::string valid = Issue("Nguyễn Văn Hùng", "2026-01-01T00:00:00+07:00", "2027-12-31T00:00:00+07:00");
  const auto expect_refused = [&](const CertificateRegistration& registration, ErrorCode code, const char* field) {
    const auto refused = register_.Register(director_, registration);
    ASSERT_FALSE(refused.has_value()) << field;
    EXPECT_EQ(refused.error().code, code) << field;
    EXPECT_EQ(refused.error().field, field);
  };
  expect_refused({.login = "ld.vanson", .certificate = "not a certificate"}, ErrorCode::kInvalidArgument,
                 "certificate");
  expect_refused({.login = "ld.vanson",
                  .certificate = Issue("CA thử", "2026-01-01T00:00:00+07:00", "2027-12-31T00:00:00+07:00",
                                       "critical,keyCertSign,cRLSign")},
                 ErrorCode::kInvalidArgument, "certificate");
  expect_refused(
      {.login = "ld.vanson", .certificate = Issue("Cũ", "2024-01-01T00:00:00+07:00", "2026-12-01T00:00:00+07:00")},
      ErrorCode::kFailedPrecondition, "certificate");
  expect_refused({.login = "ld.vanson", .holding = CertificateHolding::kRemote, .certificate = valid},
                 ErrorCode::kInvalidArgument, "remote_user");
  expect_refused({.login = "ld.vanson", .remote_user = "025123456789", .certificate = valid},
                 ErrorCode::kInvalidArgument, "remote_user");
  expect_refused({.login = "khong.co", .certificate = valid}, ErrorCode::kNotFound, "login");
  EXPECT_TRUE(store_->OfficialCertificates().value().empty());

  ASSERT_TRUE(register_.Register(director_, {.login = "ld.vanson",
                                             .holding = CertificateHolding::kRemote,
                                             .remote_user = "025123456789",
                                             .certificate = valid}));
  expect_refused({.login = "ld.vanson", .certificate = valid}, ErrorCode::kConflict, "certificate");
}

}  // namespace
}  // namespace motcua::app
