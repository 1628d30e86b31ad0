// Bytes as hex text and back (store/hex_text.h): every byte value round-trips, either case reads, and text that is
// not hex is refused rather than misread.
#include "store/hex_text.h"

#include <gtest/gtest.h>

#include <string>

namespace motcua::store {
namespace {

TEST(HexTextTest, EveryByteRoundTrips) {
  std::string bytes;
  for (int value = 0; value < 256; ++value) bytes += static_cast<char>(value);
  const std::string text = HexText(bytes);
  EXPECT_EQ(text.size(), 512u);
  EXPECT_EQ(text.substr(0, 6), "000102");
  EXPECT_EQ(text.substr(508), "feff");
  EXPECT_EQ(ParseHexText(text), bytes);
  EXPECT_EQ(HexText(""), "");
  EXPECT_EQ(ParseHexText(""), std::string());
}

TEST(HexTextTest, UpperCaseReadsAndWhatIsNotHexIsRefused) {
  EXPECT_EQ(ParseHexText("C0fFeE"), std::string("\xc0\xff\xee"));
  EXPECT_FALSE(ParseHexText("abc").has_value());
  EXPECT_FALSE(ParseHexText("0g").has_value());
  EXPECT_FALSE(ParseHexText("0 ").has_value());
  EXPECT_FALSE(ParseHexText("-1").has_value());
}

}  // namespace
}  // namespace motcua::store
