// The receipt PIN (app/receipt_pins.h): HMAC-SHA256 of the dossier code under the server's secret, as six digits.
#include "app/receipt_pins.h"

#include <gtest/gtest.h>

#include <set>

namespace motcua::app {
namespace {

TEST(ReceiptPinsTest, IsTheHmacOfTheCodeAsSixDigits) {
  // RFC 4231 test case 2: HMAC-SHA256("Jefe", "what do ya want for nothing?") = 5bdcc146bf60754e…; its first eight
  // bytes, 0x5bdcc146bf60754e = 6619830467474257230, end in 427726.
  const ReceiptPins pins("Jefe");
  EXPECT_EQ(pins.PinOf("what do ya want for nothing?"), "427726");
}

TEST(ReceiptPinsTest, DiffersByCodeAndBySecretAndKeepsLeadingZeros) {
  const ReceiptPins pins(std::string(32, '\x5a'));
  std::set<std::string> seen;
  bool leading_zero = false;
  for (int n = 1; n <= 2000; ++n) {
    const std::string pin = pins.PinOf("000.00.25.H52-260112-" + std::to_string(n));
    ASSERT_EQ(pin.size(), kReceiptPinDigits);
    ASSERT_EQ(pin.find_first_not_of("0123456789"), std::string::npos) << pin;
    leading_zero |= pin[0] == '0';
    seen.insert(pin);
  }
  EXPECT_GT(seen.size(), 1990u) << "PINs of consecutive codes look random";
  EXPECT_TRUE(leading_zero) << "about one PIN in ten starts with 0";
  EXPECT_NE(ReceiptPins("a").PinOf("X-1"), ReceiptPins("b").PinOf("X-1"));
}

TEST(ReceiptPinsTest, MatchesOnlyTheExactPin) {
  const ReceiptPins pins("secret");
  const std::string pin = pins.PinOf("X-1");
  EXPECT_TRUE(pins.Matches("X-1", pin));
  EXPECT_FALSE(pins.Matches("X-2", pin));
  EXPECT_FALSE(pins.Matches("X-1", ""));
  EXPECT_FALSE(pins.Matches("X-1", pin + "0"));
  std::string wrong = pin;
  wrong[5] = wrong[5] == '9' ? '0' : static_cast<char>(wrong[5] + 1);
  EXPECT_FALSE(pins.Matches("X-1", wrong));
}

}  // namespace
}  // namespace motcua::app
