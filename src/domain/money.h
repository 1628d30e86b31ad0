#pragma once
// An amount of money in Vietnamese đồng. The đồng has no subunit in use, so amounts are whole numbers;
// integer arithmetic keeps fee totals exact. Value type, thread-compatible.
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/error.h"

namespace motcua {

class Money {
 public:
  constexpr Money() = default;
  static constexpr Money Dong(std::int64_t amount) { return Money(amount); }

  constexpr std::int64_t dong() const { return dong_; }
  constexpr Money operator+(Money other) const { return Money(dong_ + other.dong_); }
  constexpr Money operator-(Money other) const { return Money(dong_ - other.dong_); }
  constexpr Money operator*(std::int64_t times) const { return Money(dong_ * times); }
  constexpr auto operator<=>(const Money&) const = default;

  // Parses a non-negative amount written as digits, optionally grouped with '.', ',' or spaces the way
  // Vietnamese documents write it ("1.500.000", "1,500,000", "1500000"), optionally followed by "đ",
  // "đồng", "VND" or "VNĐ". Rejects negatives, decimals and amounts above 10^15 đồng.
  static Result<Money> Parse(std::string_view text, std::string_view field);

  // "1.500.000 ₫" — Vietnamese grouping with dots.
  std::string Format() const;

 private:
  constexpr explicit Money(std::int64_t dong) : dong_(dong) {}
  std::int64_t dong_ = 0;
};

}  // namespace motcua
