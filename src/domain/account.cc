#include "domain/account.h"

#include <algorithm>
#include <array>
#include <cstddef>

namespace motcua {
namespace {

struct RoleInfo {
  Role role;
  std::string_view name;
  std::string_view label_vi;
};

constexpr std::array<RoleInfo, 7> kRoles{{
    {Role::kAdministrator, "administrator", "Quản trị hệ thống"},
    {Role::kSupervisor, "supervisor", "Giám sát"},
    {Role::kDirector, "director", "Giám đốc trung tâm"},
    {Role::kReceptionist, "receptionist", "Tiếp nhận"},
    {Role::kSpecialist, "specialist", "Chuyên viên xử lý"},
    {Role::kLeader, "leader", "Lãnh đạo phê duyệt"},
    {Role::kCitizen, "citizen", "Công dân"},
}};

const RoleInfo& InfoOf(Role role) { return kRoles[static_cast<std::size_t>(role)]; }

Error BadLogin(std::string vi, std::string en) { return Error::InvalidArgument("login", std::move(vi), std::move(en)); }
Error BadPassword(std::string vi, std::string en) {
  return Error::InvalidArgument("password", std::move(vi), std::move(en));
}
Error BadUnits(std::string vi, std::string en) { return Error::InvalidArgument("units", std::move(vi), std::move(en)); }

bool IsLoginChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

// Splits UTF-8 text into its characters; nullopt when it is not valid UTF-8.
std::optional<std::vector<std::string_view>> Utf8Characters(std::string_view text) {
  std::vector<std::string_view> characters;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80           ? 1
                               : (lead >> 5) == 0x6  ? 2
                               : (lead >> 4) == 0xE  ? 3
                               : (lead >> 3) == 0x1E ? 4
                                                     : 0;
    if (length == 0 || i + length > text.size()) return std::nullopt;
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return std::nullopt;
    }
    characters.push_back(text.substr(i, length));
    i += length;
  }
  return characters;
}

Result<void> ValidateUnits(const Account& account) {
  const auto& units = account.units;
  if (!RoleNeedsUnits(account.role)) {
    if (units.empty()) return {};
    return Fail(BadUnits("vai trò " + std::string(RoleName(account.role)) + " không gắn với đơn vị nào",
                         "the role " + std::string(RoleName(account.role)) + " works for no unit"));
  }
  if (units.empty()) {
    return Fail(BadUnits("vai trò " + std::string(RoleName(account.role)) + " cần ít nhất một đơn vị",
                         "the role " + std::string(RoleName(account.role)) + " needs at least one unit"));
  }
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (units[i].empty()) return Fail(BadUnits("mã đơn vị trống", "a unit code is empty"));
    if (std::find(units.begin(), units.begin() + static_cast<std::ptrdiff_t>(i), units[i]) !=
        units.begin() + static_cast<std::ptrdiff_t>(i)) {
      return Fail(BadUnits("đơn vị " + units[i] + " bị lặp", "the unit " + units[i] + " is repeated"));
    }
  }
  return {};
}

Error BadAgencies(std::string vi, std::string en) {
  return Error::InvalidArgument("agencies", std::move(vi), std::move(en));
}

Result<void> ValidateAgencies(const Account& account) {
  const auto& agencies = account.agencies;
  if (agencies.empty()) return {};
  if (!RoleMayHaveAgencies(account.role)) {
    return Fail(BadAgencies("vai trò " + std::string(RoleName(account.role)) + " không giới hạn theo cơ quan",
                            "the role " + std::string(RoleName(account.role)) + " is not limited to agencies"));
  }
  for (auto it = agencies.begin(); it != agencies.end(); ++it) {
    if (it->empty()) return Fail(BadAgencies("mã cơ quan trống", "an agency ID is empty"));
    if (std::find(agencies.begin(), it, *it) != it) {
      return Fail(BadAgencies("cơ quan " + *it + " bị lặp", "the agency " + *it + " is repeated"));
    }
  }
  return {};
}

}  // namespace

std::optional<Role> ParseRole(std::string_view name) {
  for (const RoleInfo& info : kRoles) {
    if (info.name == name) return info.role;
  }
  return std::nullopt;
}

std::string_view RoleName(Role role) { return InfoOf(role).name; }
std::string_view RoleLabelVi(Role role) { return InfoOf(role).label_vi; }
bool RoleNeedsUnits(Role role) { return role != Role::kAdministrator && role != Role::kCitizen; }
bool RoleMayHaveAgencies(Role role) { return RoleNeedsUnits(role) && role != Role::kSupervisor; }

Result<void> ValidateLogin(std::string_view login) {
  if (login.size() < 3 || login.size() > 64) {
    return Fail(BadLogin("tên đăng nhập phải dài từ 3 đến 64 ký tự", "the login must be 3 to 64 characters long"));
  }
  if (!std::ranges::all_of(login, IsLoginChar)) {
    return Fail(BadLogin("tên đăng nhập chỉ gồm chữ thường a-z, chữ số và . _ -",
                         "the login may only hold lower-case letters a-z, digits and . _ -"));
  }
  return {};
}

Result<void> ValidatePassword(std::string_view password, std::string_view login) {
  if (password.size() > 1024) return Fail(BadPassword("mật khẩu quá dài", "the password is too long"));
  auto characters = Utf8Characters(password);
  if (!characters) return Fail(BadPassword("mật khẩu không phải UTF-8 hợp lệ", "the password is not valid UTF-8"));
  if (characters->size() < 10) {
    return Fail(BadPassword("mật khẩu phải có ít nhất 10 ký tự", "the password must have at least 10 characters"));
  }
  // Digits alone are a phone number, a date or a citizen ID: guessable from what is known of the person.
  if (std::ranges::all_of(password, [](char c) { return c >= '0' && c <= '9'; })) {
    return Fail(BadPassword("mật khẩu không được chỉ gồm chữ số (dễ đoán như số điện thoại, số định danh)",
                            "the password must not be digits alone (as guessable as a phone number or a citizen ID)"));
  }
  if (std::ranges::all_of(*characters, [&](std::string_view c) { return c == characters->front(); })) {
    return Fail(
        BadPassword("mật khẩu không được chỉ lặp lại một ký tự", "the password must not be one character repeated"));
  }
  if (password == login) {
    return Fail(BadPassword("mật khẩu không được trùng tên đăng nhập", "the password must not be the login"));
  }
  return {};
}

Result<void> ValidateAccount(const Account& account) {
  if (auto login = ValidateLogin(account.login); !login) return login;
  if (auto units = ValidateUnits(account); !units) return units;
  if (auto agencies = ValidateAgencies(account); !agencies) return agencies;
  const bool citizen = account.role == Role::kCitizen;
  if (citizen && account.citizen_id.empty()) {
    return Fail(Error::InvalidArgument("citizen_id", "tài khoản công dân cần số định danh cá nhân",
                                       "a citizen account needs a citizen ID"));
  }
  if (!citizen && !account.citizen_id.empty()) {
    return Fail(Error::InvalidArgument("citizen_id", "chỉ tài khoản công dân mới có số định danh",
                                       "only a citizen account has a citizen ID"));
  }
  return {};
}

}  // namespace motcua
