#include "domain/money.h"

#include <gtest/gtest.h>

namespace motcua {
namespace {

struct ParseCase {
  const char* text;
  std::int64_t dong;
};

constexpr ParseCase kValid[] = {
    {"0", 0},
    {"8000", 8000},
    {"1.500.000", 1500000},
    {"1,500,000", 1500000},
    {"1 500 000", 1500000},
    {"200.000 đồng", 200000},
    {"200.000đ", 200000},
    {"50.000 VNĐ", 50000},
    {"50000 VND", 50000},
    {"140,000,000", 140000000},
    {"  100.000 ₫ ", 100000},
};

TEST(MoneyTest, ParsesVietnameseWritings) {
  for (const auto& c : kValid) {
    SCOPED_TRACE(c.text);
    auto money = Money::Parse(c.text, "fee");
    ASSERT_TRUE(money.has_value()) << money.error().message_en;
    EXPECT_EQ(money->dong(), c.dong);
  }
}

constexpr const char* kInvalid[] = {
    "",
    "đồng",
    "-5000",
    "1.5",
    "12,5",
    "1.50.000",
    "1500.000",
    "10.000,50",
    "abc",
    "1e6",
    "1..000",
    "9.999.999.999.999.999",  // above 10^15
};

TEST(MoneyTest, RejectsNegativesDecimalsAndMisplacedSeparators) {
  for (const char* text : kInvalid) {
    SCOPED_TRACE(text);
    auto money = Money::Parse(text, "fee");
    ASSERT_FALSE(money.has_value());
    EXPECT_EQ(money.error().field, "fee");
    EXPECT_EQ(money.error().code, ErrorCode::kInvalidArgument);
  }
}

TEST(MoneyTest, FormatsWithDotGrouping) {
  EXPECT_EQ(Money::Dong(0).Format(), "0 ₫");
  EXPECT_EQ(Money::Dong(999).Format(), "999 ₫");
  EXPECT_EQ(Money::Dong(1000).Format(), "1.000 ₫");
  EXPECT_EQ(Money::Dong(1500000).Format(), "1.500.000 ₫");
  EXPECT_EQ(Money::Dong(-25000).Format(), "-25.000 ₫");
}

TEST(MoneyTest, ArithmeticIsExact) {
  const Money fee = Money::Dong(8000);
  EXPECT_EQ((fee * 3 + Money::Dong(1)).dong(), 24001);
  EXPECT_EQ((fee - Money::Dong(8000)).dong(), 0);
  EXPECT_LT(Money::Dong(1), Money::Dong(2));
}

}  // namespace
}  // namespace motcua
