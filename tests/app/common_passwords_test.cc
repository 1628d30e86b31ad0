// The shipped list of common passwords (app/common_passwords.h) and the account rules that use it.
#include "app/common_passwords.h"

#include <gtest/gtest.h>

#include "domain/account.h"

namespace motcua::app {
namespace {

TEST(CommonPasswordsTest, TheListIsReadAndComparedWithoutCase) {
  EXPECT_TRUE(IsCommonPassword("anhyeuem123"));
  EXPECT_TRUE(IsCommonPassword("MatKhau123"));
  EXPECT_TRUE(IsCommonPassword("qwertyuiop"));
  EXPECT_TRUE(IsCommonPassword("Motcua@2026"));
  EXPECT_FALSE(IsCommonPassword("mật-khẩu-đủ-dài-2026"));
  EXPECT_FALSE(IsCommonPassword(""));
}

TEST(CommonPasswordsTest, DigitsAloneAreRefusedHoweverMany) {
  // A citizen ID or a phone number: twelve digits the probe found accepted.
  auto refused = ValidatePassword("123456789012", "tn.vanson");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "password");
  EXPECT_FALSE(ValidatePassword("0912345678", "tn.vanson"));
  EXPECT_TRUE(ValidatePassword("0912345678x", "tn.vanson"));
}

}  // namespace
}  // namespace motcua::app
