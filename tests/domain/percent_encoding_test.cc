// Percent-encoding (domain/percent_encoding.h): letters and digits stay, the context's punctuation stays, every
// other byte — a space, a slash, each byte of a Vietnamese letter — becomes %XX in upper-case hex.
#include "domain/percent_encoding.h"

#include <gtest/gtest.h>

namespace motcua {
namespace {

TEST(PercentEncodingTest, KeepsLettersDigitsAndTheGivenPunctuation) {
  EXPECT_EQ(PercentEncoded("000.00.25.H52-260112-0001", "-_.!~*'()"), "000.00.25.H52-260112-0001");
  EXPECT_EQ(PercentEncoded("a-b.c", ""), "a%2Db%2Ec");
}

TEST(PercentEncodingTest, EncodesEveryByteOfAVietnameseLetterAndSeparators) {
  EXPECT_EQ(PercentEncoded("Sổ đỏ.pdf", "-."), "S%E1%BB%95%20%C4%91%E1%BB%8F.pdf");
  EXPECT_EQ(PercentEncoded("a/b?c=d&e#f", "-"), "a%2Fb%3Fc%3Dd%26e%23f");
  EXPECT_EQ(PercentEncoded(std::string_view("\0\x7f\xff", 3), ""), "%00%7F%FF");
  EXPECT_EQ(PercentEncoded("", "-"), "");
}

}  // namespace
}  // namespace motcua
