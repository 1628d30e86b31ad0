// The level an account's searches rank first, read from its units.
#include <gtest/gtest.h>

#include "domain/search_level.h"

namespace motcua {
namespace {

Account WithUnits(Role role, std::vector<std::string> units) {
  Account account;
  account.login = "someone";
  account.role = role;
  account.units = std::move(units);
  return account;
}

TEST(PreferredSearchLevel, ACommunesStaffPreferCommuneProceduresAProvincesProvinceOnes) {
  EXPECT_EQ(PreferredSearchLevel(WithUnits(Role::kReceptionist, {"05152"})), "commune");
  EXPECT_EQ(PreferredSearchLevel(WithUnits(Role::kSpecialist, {"05152", "05158"})), "commune");
  EXPECT_EQ(PreferredSearchLevel(WithUnits(Role::kSupervisor, {"25"})), "province");
  // A commune among the units wins: the counter is a commune's.
  EXPECT_EQ(PreferredSearchLevel(WithUnits(Role::kDirector, {"25", "05152"})), "commune");
}

TEST(PreferredSearchLevel, AnAccountOfNoUnitPrefersNone) {
  EXPECT_EQ(PreferredSearchLevel(WithUnits(Role::kAdministrator, {})), std::nullopt);
  EXPECT_EQ(PreferredSearchLevel(WithUnits(Role::kCitizen, {})), std::nullopt);
  // Codes of other shapes are not levels.
  EXPECT_EQ(PreferredSearchLevel(WithUnits(Role::kReceptionist, {"0515", "051520", "0515a", "2"})), std::nullopt);
}

}  // namespace
}  // namespace motcua
