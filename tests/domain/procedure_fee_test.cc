#include "domain/procedure_fee.h"

#include <gtest/gtest.h>

namespace motcua {
namespace {

struct AmountsCase {
  const char* why;
  const char* text;
  std::vector<std::int64_t> amounts;
};

TEST(ProcedureFee, AmountsAreNumbersFollowedByACurrencyWord) {
  const AmountsCase cases[] = {
      {"dots group thousands", "Lệ phí: 50.000 đồng/lần", {50000}},
      {"đ stuck to the number", "1.500.000đ", {1500000}},
      {"commas and VNĐ", "100,000 VNĐ", {100000}},
      {"VND, upper case", "Phí 200.000 VND", {200000}},
      {"several amounts in order", "Cấp mới: 30.000 đồng; cấp lại: 15.000 đồng", {30000, 15000}},
      {"no currency word: an article number", "Điều 57 Luật Quản lý thuế", {}},
      {"a date is not an amount", "Thông tư số 48/2022/TT-BTC ngày 03/8/2022", {}},
      {"a percentage is not an amount", "0,5% giá trị hợp đồng", {}},
      {"a word starting with d after a number is not đồng", "05 ngày; 3 đến 5 bản", {}},
      {"plain free", "Miễn phí", {}},
      {"no separator", "Lệ phí 20000 đồng", {20000}},
  };
  for (const AmountsCase& c : cases) {
    std::vector<std::int64_t> found;
    for (const Money m : AmountsNamedIn(c.text)) found.push_back(m.dong());
    EXPECT_EQ(found, c.amounts) << c.why;
  }
}

TEST(ProcedureFee, AFreeFlagContradictsATextThatNamesAnAmount) {
  ProcedureChannel channel;
  channel.fee_free = true;
  channel.fee_text = "Miễn phí(Lệ phí: 50.000 đồng/lần)";
  EXPECT_TRUE(FreeFlagContradictsText(channel));
  channel.fee_text = "Miễn phí";
  EXPECT_FALSE(FreeFlagContradictsText(channel));
  channel.fee_free = false;
  channel.fee_text = "Lệ phí: 50.000 đồng/lần";
  EXPECT_FALSE(FreeFlagContradictsText(channel)) << "not flagged free: nothing to contradict";
}

}  // namespace
}  // namespace motcua
