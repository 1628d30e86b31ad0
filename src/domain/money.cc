#include "domain/money.h"

#include <algorithm>
#include <array>

namespace motcua {
namespace {

constexpr std::int64_t kMaxDong = 1'000'000'000'000'000;  // 10^15 đồng: far above any fee or fine

// Removes a trailing currency word and surrounding spaces.
std::string_view StripCurrency(std::string_view text) {
  constexpr std::array<std::string_view, 7> kSuffixes{"đồng", "VNĐ", "VND", "vnđ", "vnd", "đ", "₫"};
  auto trim = [](std::string_view t) {
    while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
    while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
    return t;
  };
  text = trim(text);
  for (auto suffix : kSuffixes) {
    if (text.ends_with(suffix)) return trim(text.substr(0, text.size() - suffix.size()));
  }
  return text;
}

Error BadAmount(std::string_view field, std::string_view text, std::string_view why_vi, std::string_view why_en) {
  return Error::InvalidArgument(std::string(field), "số tiền '" + std::string(text) + "' " + std::string(why_vi),
                                "amount '" + std::string(text) + "' " + std::string(why_en));
}

}  // namespace

Result<Money> Money::Parse(std::string_view text, std::string_view field) {
  const std::string_view body = StripCurrency(text);
  if (body.empty()) return Fail(BadAmount(field, text, "trống", "is empty"));
  if (body.front() == '-') return Fail(BadAmount(field, text, "không được âm", "must not be negative"));
  // Groups after a separator must have exactly three digits, so "1.5" (a decimal) is not read as 15.
  std::int64_t amount = 0;
  int digits_in_group = 0;
  bool grouped = false;
  for (char c : body) {
    if (c == '.' || c == ',' || c == ' ') {
      if (digits_in_group == 0 || (grouped ? digits_in_group != 3 : digits_in_group > 3)) {
        return Fail(
            BadAmount(field, text, "có dấu phân cách hàng nghìn sai chỗ", "has a misplaced thousands separator"));
      }
      grouped = true;
      digits_in_group = 0;
      continue;
    }
    if (c < '0' || c > '9') {
      return Fail(
          BadAmount(field, text, "chỉ gồm chữ số đồng (không có phần lẻ)", "must be whole đồng written in digits"));
    }
    amount = amount * 10 + (c - '0');
    ++digits_in_group;
    if (amount > kMaxDong) return Fail(BadAmount(field, text, "quá lớn", "is too large"));
  }
  if (digits_in_group == 0 || (grouped && digits_in_group != 3)) {
    return Fail(BadAmount(field, text, "có dấu phân cách hàng nghìn sai chỗ", "has a misplaced thousands separator"));
  }
  return Money(amount);
}

std::string Money::Format() const {
  std::string digits = std::to_string(dong_ < 0 ? -dong_ : dong_);
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += '.';
    grouped += digits[i];
  }
  return (dong_ < 0 ? "-" : "") + grouped + " ₫";
}

}  // namespace motcua
