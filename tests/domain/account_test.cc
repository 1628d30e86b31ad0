// The account rules of domain/account.h, as tables of inputs and the field each rejects.
#include "domain/account.h"

#include <gtest/gtest.h>

namespace motcua {
namespace {

TEST(RoleTest, EveryRoleRoundTripsByName) {
  const char* names[] = {"administrator", "supervisor", "director", "receptionist", "specialist", "leader", "citizen"};
  for (const char* name : names) {
    auto role = ParseRole(name);
    ASSERT_TRUE(role.has_value()) << name;
    EXPECT_EQ(RoleName(*role), name);
    EXPECT_FALSE(RoleLabelVi(*role).empty()) << name;
  }
  EXPECT_FALSE(ParseRole("Administrator").has_value());
  EXPECT_FALSE(ParseRole("admin").has_value());
  EXPECT_FALSE(ParseRole("").has_value());
}

TEST(ValidateLoginTest, AcceptsLowerCaseNamesOf3To64Characters) {
  struct Case {
    std::string login;
    bool ok;
  } cases[] = {
      {"abc", true},       {"le.thi.binh", true},
      {"user_01-x", true}, {std::string(64, 'a'), true},
      {"ab", false},       {std::string(65, 'a'), false},
      {"Admin", false},    {"le thi", false},
      {"lê.thị", false},   {"a@b.vn", false},
      {"", false},
  };
  for (const Case& c : cases) {
    auto result = ValidateLogin(c.login);
    EXPECT_EQ(result.has_value(), c.ok) << c.login;
    if (!result) {
      EXPECT_EQ(result.error().field, "login");
    }
  }
}

TEST(ValidatePasswordTest, AppliesThePolicy) {
  struct Case {
    std::string password;
    std::string login;
    bool ok;
  } cases[] = {
      {"correct horse", "an.nguyen", true},
      {"0123456789", "an.nguyen", false},    // digits alone: a phone number, a citizen ID
      {"123456789012", "an.nguyen", false},  // the probe's accepted password
      {"0123456789x", "an.nguyen", true},
      {"mậtkhẩuđủdài", "an.nguyen", true},            // 12 characters, more bytes
      {"012345678", "an.nguyen", false},              // 9 characters
      {"mậtkhẩuđủ", "an.nguyen", false},              // 9 characters though 14 bytes
      {"aaaaaaaaaaaa", "an.nguyen", false},           // one character repeated
      {"ơơơơơơơơơơơơ", "an.nguyen", false},           // one (multi-byte) character repeated
      {"long.login.name", "long.login.name", false},  // the login itself
      {"bad\xff utf-8 text", "an.nguyen", false},
      {std::string(1025, 'x') + "y", "an.nguyen", false},  // too long
  };
  for (const Case& c : cases) {
    auto result = ValidatePassword(c.password, c.login);
    EXPECT_EQ(result.has_value(), c.ok) << c.password;
    if (!result) {
      EXPECT_EQ(result.error().field, "password") << c.password;
    }
  }
}

TEST(ValidateAccountTest, UnitsAndCitizenIdFollowTheRole) {
  struct Case {
    Role role;
    std::vector<std::string> units;
    std::string citizen_id;
    const char* bad_field;  // nullptr when valid
  } cases[] = {
      {Role::kAdministrator, {}, "", nullptr},
      {Role::kAdministrator, {"05152"}, "", "units"},
      {Role::kSupervisor, {"25"}, "", nullptr},
      {Role::kSupervisor, {}, "", "units"},
      {Role::kDirector, {"05152"}, "", nullptr},
      {Role::kReceptionist, {"05152", "05155"}, "", nullptr},
      {Role::kReceptionist, {}, "", "units"},
      {Role::kSpecialist, {"05152", "05152"}, "", "units"},
      {Role::kLeader, {""}, "", "units"},
      {Role::kCitizen, {}, "025099012345", nullptr},
      {Role::kCitizen, {}, "", "citizen_id"},
      {Role::kCitizen, {"05152"}, "025099012345", "units"},
      {Role::kSpecialist, {"05152"}, "025099012345", "citizen_id"},
  };
  for (const Case& c : cases) {
    Account account;
    account.login = "some.user";
    account.role = c.role;
    account.units = c.units;
    account.citizen_id = c.citizen_id;
    auto result = ValidateAccount(account);
    SCOPED_TRACE(std::string(RoleName(c.role)));
    if (c.bad_field == nullptr) {
      EXPECT_TRUE(result.has_value()) << result.error().message_en;
    } else {
      ASSERT_FALSE(result.has_value());
      EXPECT_EQ(result.error().field, c.bad_field);
      EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
    }
  }
}

TEST(ValidateAccountTest, AgenciesOnlyForTheRolesOfACommuneOrCenter) {
  const std::string police = "000.05.25.H52";
  const std::string committee = "000.00.25.H52";
  struct Case {
    Role role;
    std::vector<std::string> units;
    std::vector<std::string> agencies;
    std::string citizen_id;
    const char* bad_field;  // nullptr when valid
  } cases[] = {
      {Role::kDirector, {"05152"}, {police}, "", nullptr},
      {Role::kReceptionist, {"05152"}, {police, committee}, "", nullptr},
      {Role::kSpecialist, {"05152"}, {police}, "", nullptr},
      {Role::kLeader, {"05152"}, {}, "", nullptr},
      {Role::kLeader, {"05152"}, {police, police}, "", "agencies"},
      {Role::kSpecialist, {"05152"}, {""}, "", "agencies"},
      {Role::kSupervisor, {"25"}, {police}, "", "agencies"},
      {Role::kAdministrator, {}, {police}, "", "agencies"},
      {Role::kCitizen, {}, {police}, "025099012345", "agencies"},
  };
  for (const Case& c : cases) {
    Account account;
    account.login = "some.user";
    account.role = c.role;
    account.units = c.units;
    account.agencies = c.agencies;
    account.citizen_id = c.citizen_id;
    auto result = ValidateAccount(account);
    SCOPED_TRACE(std::string(RoleName(c.role)));
    EXPECT_EQ(RoleMayHaveAgencies(c.role),
              c.role != Role::kSupervisor && c.role != Role::kAdministrator && c.role != Role::kCitizen);
    if (c.bad_field == nullptr) {
      EXPECT_TRUE(result.has_value()) << result.error().message_en;
    } else {
      ASSERT_FALSE(result.has_value());
      EXPECT_EQ(result.error().field, c.bad_field);
    }
  }
}

TEST(ValidateAccountTest, ChecksTheLogin) {
  Account account;
  account.login = "X";
  account.role = Role::kAdministrator;
  auto result = ValidateAccount(account);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().field, "login");
}

}  // namespace
}  // namespace motcua
