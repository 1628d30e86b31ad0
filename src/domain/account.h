#pragma once
// Who may use motcua: accounts, their roles and the units they work for, and the pure rules a login name and
// a password must follow. Passwords themselves never appear here beyond validation: hashing, sessions and
// lock-out live in app/accounts.h, storage in store/store.h.
// Pure functions and values; safe to share between threads.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/civil_time.h"
#include "domain/error.h"

namespace motcua {

// The roles around a one-stop center (Decree 118/2025/ND-CP on the one-stop mechanism): the administrator,
// the provincial supervisor, the center's director and receptionists, the specialists and leaders of the
// competent units, and the citizen.
enum class Role { kAdministrator, kSupervisor, kDirector, kReceptionist, kSpecialist, kLeader, kCitizen };

// "administrator" … "citizen"; nullopt for any other text (exact, lower-case).
std::optional<Role> ParseRole(std::string_view name);
std::string_view RoleName(Role role);
// "Quản trị hệ thống", "Giám sát", … for display.
std::string_view RoleLabelVi(Role role);
// Whether the role works for units: every staff role except the administrator. A supervisor's unit is a
// province code; the others' are commune codes.
bool RoleNeedsUnits(Role role);
// Whether an account of the role may be limited to some agencies of its units: the roles that work in a
// commune or a center (director, receptionist, specialist, leader), not a province's supervisor.
bool RoleMayHaveAgencies(Role role);

struct Account {
  std::string login;         // 3–64 characters of [a-z0-9._-]
  std::string display_name;  // may be empty
  Role role = Role::kCitizen;
  // The units the account works for: commune codes, a province code for a supervisor, empty for an
  // administrator and a citizen.
  std::vector<std::string> units;
  // The agencies of those units the account works for (e.g. a commune police officer: only the police's
  // dossiers); empty means every agency of its units. Only for RoleMayHaveAgencies roles.
  std::vector<std::string> agencies;
  std::string citizen_id;  // the 12-digit number, for a citizen; empty otherwise
  bool disabled = false;
  int failed_attempts = 0;              // consecutive failed logins since the last success or lock
  std::optional<Instant> locked_until;  // no login before this instant
  Instant created_at{};
};

// Login names: 3–64 characters, lower-case ASCII letters, digits, '.', '_' and '-'. InvalidArgument on "login".
Result<void> ValidateLogin(std::string_view login);

// The password policy: at least 10 characters (Unicode code points), at most 1024 bytes, valid UTF-8, not one
// character repeated, not the login itself. InvalidArgument on "password".
Result<void> ValidatePassword(std::string_view password, std::string_view login);

// The account's shape: a valid login, units present exactly for the roles that need them (no empty code, no
// duplicate), agencies only for the roles that may have them (no empty ID, no duplicate), a citizen ID for a
// citizen and none for staff. InvalidArgument on "login", "units", "agencies" or "citizen_id". Whether the
// unit codes and agencies exist (and each agency belongs to one of the units) and the citizen ID is
// well-formed is checked by the use case, which has the store and the clock.
Result<void> ValidateAccount(const Account& account);

}  // namespace motcua
