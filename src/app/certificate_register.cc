#include "app/certificate_register.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <utility>

#include "domain/dossier_access.h"
#include "domain/unit_province.h"

namespace motcua::app {
namespace {

template <typename Range, typename Value>
bool Contains(const Range& range, const Value& value) {
  return std::ranges::find(range, value) != std::ranges::end(range);
}

bool SharesUnit(const Account& a, const Account& b) {
  return std::ranges::any_of(a.units, [&](const std::string& unit) { return Contains(b.units, unit); });
}

Instant FromUnix(long long seconds) { return Instant(std::chrono::seconds(seconds)); }

Error NotYours(std::string_view login) {
  return Error::PermissionDenied("login", "bạn không được cập nhật chứng thư số của " + std::string(login),
                                 "you may not change the certificates of " + std::string(login));
}

Result<void> CheckRemoteUser(const CertificateRegistration& registration) {
  const bool remote = registration.holding == CertificateHolding::kRemote;
  if (remote && registration.remote_user.empty()) {
    return Fail(Error::InvalidArgument("remote_user",
                                       "cần tài khoản của cán bộ tại dịch vụ ký số từ xa (ví dụ số CCCD với SmartCA)",
                                       "the official's account at the remote signing service is required"));
  }
  if (!remote && !registration.remote_user.empty()) {
    return Fail(Error::InvalidArgument("remote_user", "chứng thư trên USB token không có tài khoản ký số từ xa",
                                       "a token's certificate has no remote signing account"));
  }
  if (registration.remote_user.size() > kMaxRemoteUserBytes) {
    return Fail(Error::InvalidArgument(
        "remote_user", "tài khoản ký số từ xa dài quá " + std::to_string(kMaxRemoteUserBytes) + " ký tự",
        "the remote signing account is longer than " + std::to_string(kMaxRemoteUserBytes) + " characters"));
  }
  return {};
}

}  // namespace

std::string_view SigningGapName(SigningGap gap) {
  switch (gap) {
    case SigningGap::kNoCertificate:
      return "no_certificate";
    case SigningGap::kExpired:
      return "expired";
    case SigningGap::kNotYetValid:
      break;
  }
  return "not_yet_valid";
}

Result<CertificateRoster> CertificateRegister::Roster(const Account& viewer) {
  if (viewer.role == Role::kCitizen || viewer.disabled) {
    return Fail(Error::PermissionDenied("role", "chỉ cán bộ được xem danh sách chứng thư số",
                                        "only officials may see the register of certificates"));
  }
  auto accounts = store_.ListAccounts();
  if (!accounts) return Fail(std::move(accounts.error()));
  auto records = store_.OfficialCertificates();
  if (!records) return Fail(std::move(records.error()));

  std::map<std::string, const Account*, std::less<>> seen;
  CertificateRoster roster;
  for (const Account& official : *accounts) {
    if (official.role == Role::kCitizen) continue;
    auto sees = Sees(viewer, official);
    if (!sees) return Fail(std::move(sees.error()));
    if (!*sees) continue;
    seen.emplace(official.login, &official);
    if (MayChange(viewer, official)) roster.may_register_for.push_back({official.login, official.display_name});
  }
  std::map<std::string, std::vector<CertificateStanding>, std::less<>> standings;
  for (OfficialCertificate& record : *records) {
    if (!seen.contains(record.login)) continue;
    RegisteredCertificate entry = WithStanding(std::move(record));
    if (entry.record.active()) standings[entry.record.login].push_back(entry.standing);
    roster.certificates.push_back(std::move(entry));
  }
  for (const auto& [login, official] : seen) {
    if (official->disabled || !RoleMay(official->role, DossierAction::kApproveResult)) continue;
    const std::vector<CertificateStanding>& held = standings[login];
    if (std::ranges::any_of(held, SignsToday)) continue;
    SigningGap gap = SigningGap::kNoCertificate;
    if (Contains(held, CertificateStanding::kNotYetValid)) {
      gap = SigningGap::kNotYetValid;
    } else if (!held.empty()) {
      gap = SigningGap::kExpired;
    }
    roster.cannot_sign.push_back({official->login, official->display_name, official->units, gap});
  }
  return roster;
}

Result<RegisteredCertificate> CertificateRegister::Register(const Account& by,
                                                            const CertificateRegistration& registration) {
  auto official = StaffAccount(registration.login);
  if (!official) return Fail(std::move(official.error()));
  if (!MayChange(by, *official)) return Fail(NotYours(registration.login));
  if (auto checked = CheckRemoteUser(registration); !checked) return Fail(std::move(checked.error()));
  auto read = reader_.Read(registration.certificate);
  if (!read) return Fail(std::move(read.error()));
  if (!read->meant_for_signing) {
    return Fail(Error::InvalidArgument("certificate", "chứng thư số này không dùng để ký (Key Usage)",
                                       "this certificate is not meant for signing (key usage)"));
  }
  const Instant now = clock_.Now();
  if (StandingAt(read->facts, now) == CertificateStanding::kExpired) {
    return Fail(Error::FailedPrecondition("certificate", "chứng thư số của " + read->facts.common_name + " đã hết hạn",
                                          read->facts.common_name + "'s certificate has expired"));
  }
  OfficialCertificate record;
  record.login = official->login;
  record.holding = registration.holding;
  record.remote_user = registration.remote_user;
  record.certificate = std::move(read->pem);
  record.sha256 = read->facts.sha256;
  record.serial = read->facts.serial;
  record.common_name = read->facts.common_name;
  record.issuer = read->facts.issuer_common_name;
  record.not_before = FromUnix(read->facts.not_before);
  record.not_after = FromUnix(read->facts.not_after);
  record.added_by = by.login;
  record.added_at = now;
  auto added = store_.AddOfficialCertificate(record);
  if (!added) return Fail(std::move(added.error()));
  return WithStanding(std::move(*added));
}

Result<RegisteredCertificate> CertificateRegister::Retire(const Account& by, std::int64_t id) {
  auto records = store_.OfficialCertificates();
  if (!records) return Fail(std::move(records.error()));
  const auto found = std::ranges::find(*records, id, &OfficialCertificate::id);
  if (found == records->end()) {
    return Fail(Error::NotFound("id", "không có chứng thư số số " + std::to_string(id) + " trong danh sách",
                                "no registered certificate has id " + std::to_string(id)));
  }
  auto official = store_.FindAccount(found->login);
  if (!official) return Fail(std::move(official.error()));
  const bool own = found->login == by.login && !by.disabled;
  if (!own && !(*official && MayChange(by, (*official)->account))) return Fail(NotYours(found->login));
  auto retired = store_.RetireOfficialCertificate(id, by.login, clock_.Now());
  if (!retired) return Fail(std::move(retired.error()));
  return WithStanding(std::move(*retired));
}

Result<bool> CertificateRegister::Sees(const Account& viewer, const Account& official) {
  if (viewer.login == official.login) return true;
  switch (viewer.role) {
    case Role::kAdministrator:
      return true;
    case Role::kDirector:
      return SharesUnit(viewer, official);
    case Role::kSupervisor:
      for (const std::string& unit : official.units) {
        auto province = UnitProvince(unit, [&](const std::string& commune) -> Result<std::string> {
          auto found = store_.FindCommune(commune);
          if (!found) return Fail(std::move(found.error()));
          return *found ? (*found)->province_code : std::string();
        });
        if (!province) return Fail(std::move(province.error()));
        if (Contains(viewer.units, *province)) return true;
      }
      return false;
    default:
      return false;
  }
}

bool CertificateRegister::MayChange(const Account& by, const Account& official) const {
  if (by.disabled || official.role == Role::kCitizen) return false;
  if (by.login == official.login) return by.role != Role::kCitizen;
  return by.role == Role::kAdministrator || (by.role == Role::kDirector && SharesUnit(by, official));
}

Result<Account> CertificateRegister::StaffAccount(std::string_view login) {
  auto found = store_.FindAccount(login);
  if (!found) return Fail(std::move(found.error()));
  if (!*found || (*found)->account.role == Role::kCitizen) {
    return Fail(Error::NotFound("login", "không có cán bộ có tài khoản " + std::string(login),
                                "no official has the account " + std::string(login)));
  }
  return std::move((*found)->account);
}

RegisteredCertificate CertificateRegister::WithStanding(OfficialCertificate record) const {
  const CertificateStanding standing = StandingAt(record, clock_.Now());
  const bool needs_renewal =
      record.active() && (standing == CertificateStanding::kExpired || standing == CertificateStanding::kExpiresSoon);
  return {std::move(record), standing, needs_renewal};
}

}  // namespace motcua::app
