#pragma once
// Use case: the register of the certificates officials sign with (issue 17, item 4; domain/official_certificate.h)
// — who holds which certificate, how (a USB token, or a remote signing CA and the official's account there),
// valid until when —, the alerts a director and a supervisor see on their screens 30 days before a certificate
// runs out (app/certificate_standing.h), and the officials who cannot sign today: those whose role approves
// results (domain/dossier_access.h, RoleMay) and who have no registered certificate valid now. Seed reports say
// officials "lack digital signatures, or their signature information needs updating": this is where the center
// sees it before a result waits for a signature.
//
// Who sees whom: an administrator every staff account; a supervisor the officials of the communes of its
// provinces; a director the officials who share one of its units; any other official only itself; a citizen
// nothing (PermissionDenied). Who changes the register: an administrator, a director for the officials of its
// units, and an official for itself (it holds the token, it got the certificate); a supervisor only reads.
//
// Thread-safety: one instance per thread, like the Store it uses; the reader is thread-safe.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/certificate_reader.h"
#include "app/certificate_standing.h"
#include "app/clock.h"
#include "domain/account.h"
#include "domain/official_certificate.h"
#include "store/store.h"

namespace motcua::app {

// What a person hands in to register a certificate.
struct CertificateRegistration {
  std::string login;  // the official the certificate belongs to
  CertificateHolding holding = CertificateHolding::kToken;
  std::string remote_user = {};  // kRemote: the official's account at the CA
  std::string certificate = {};  // PEM, DER or bare base64 (app/certificate_reader.h)
};

struct RegisteredCertificate {
  OfficialCertificate record;
  CertificateStanding standing = CertificateStanding::kValid;  // now
  // Active and expired or expiring within kCertificateWarningDays: what the alert on the screens lists.
  bool needs_renewal = false;
};

// Why an official who approves results cannot sign today.
enum class SigningGap {
  kNoCertificate,  // nothing registered (or everything retired)
  kExpired,        // every active certificate has expired
  kNotYetValid,    // the active ones are not valid yet (and none valid now)
};
std::string_view SigningGapName(SigningGap gap);  // "no_certificate", "expired", "not_yet_valid"

struct OfficialUnableToSign {
  std::string login;
  std::string display_name;
  std::vector<std::string> units;
  SigningGap gap = SigningGap::kNoCertificate;
};

// An official the viewer may register a certificate for (for the form's list).
struct RegistrableOfficial {
  std::string login;
  std::string display_name;
};

struct CertificateRoster {
  std::vector<RegisteredCertificate> certificates;    // of the officials the viewer sees, retired ones too, id order
  std::vector<OfficialUnableToSign> cannot_sign;      // login order; disabled accounts left out
  std::vector<RegistrableOfficial> may_register_for;  // empty: the viewer only reads
};

class CertificateRegister {
 public:
  CertificateRegister(store::Store& store, const Clock& clock, const CertificateReader& reader)
      : store_(store), clock_(clock), reader_(reader) {}

  Result<CertificateRoster> Roster(const Account& viewer);
  // The certificate registered, as the store keeps it. InvalidArgument naming "certificate" (not one, or not
  // meant for signing), "remote_user" (missing for a remote holding, given for a token, too long) or "login";
  // NotFound naming "login" for no such account; FailedPrecondition naming "certificate" for one already
  // expired (registering it would only hide the gap); PermissionDenied naming "login" for an official the
  // viewer may not register for; Conflict naming "certificate" for one registered to that official already.
  Result<RegisteredCertificate> Register(const Account& by, const CertificateRegistration& registration);
  // NotFound naming "id"; Conflict naming "id" when retired already; PermissionDenied as for Register.
  Result<RegisteredCertificate> Retire(const Account& by, std::int64_t id);

 private:
  Result<bool> Sees(const Account& viewer, const Account& official);
  bool MayChange(const Account& by, const Account& official) const;
  Result<Account> StaffAccount(std::string_view login);
  RegisteredCertificate WithStanding(OfficialCertificate record) const;

  store::Store& store_;
  const Clock& clock_;
  const CertificateReader& reader_;
};

}  // namespace motcua::app
