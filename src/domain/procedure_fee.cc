#include "domain/procedure_fee.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "domain/text_folding.h"

namespace motcua {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The currency words, folded and lower case; longest first so that "dong" is not read as "d".
constexpr std::array<std::string_view, 4> kCurrencyWords = {"dong", "vnd", "d", "vn"};

bool FollowedByCurrency(std::string_view folded, std::size_t at) {
  while (at < folded.size() && folded[at] == ' ') ++at;
  for (const std::string_view word : kCurrencyWords) {
    if (!folded.substr(at).starts_with(word)) continue;
    const std::size_t end = at + word.size();
    // The word must end there ("đ/lần", "đồng." are fine; "đến", "do" are not currency).
    const bool ends = end == folded.size() || !std::isalnum(static_cast<unsigned char>(folded[end]));
    if (ends) return true;
  }
  return false;
}

// Reads a grouped number starting at `at`; returns its digits and moves `at` past it. A group separator
// must be followed by exactly three digits ("50.000"), so "2,5" (a decimal) stops at the comma.
std::string ReadGroupedNumber(std::string_view text, std::size_t& at) {
  std::string digits;
  while (at < text.size() && IsDigit(text[at])) digits += text[at++];
  while (at + 3 < text.size() && (text[at] == '.' || text[at] == ',' || text[at] == ' ') && IsDigit(text[at + 1]) &&
         IsDigit(text[at + 2]) && IsDigit(text[at + 3]) && (at + 4 >= text.size() || !IsDigit(text[at + 4]))) {
    digits.append(text.substr(at + 1, 3));
    at += 4;
  }
  return digits;
}

}  // namespace

std::vector<Money> AmountsNamedIn(std::string_view fee_text) {
  const std::string folded = FoldVietnamese(fee_text);
  std::vector<Money> amounts;
  for (std::size_t at = 0; at < folded.size();) {
    const bool starts_number =
        IsDigit(folded[at]) && (at == 0 || !std::isalnum(static_cast<unsigned char>(folded[at - 1])));
    if (!starts_number) {
      ++at;
      continue;
    }
    const std::string digits = ReadGroupedNumber(folded, at);
    if (digits.size() > 15 || !FollowedByCurrency(folded, at)) continue;
    amounts.push_back(Money::Dong(std::stoll(digits)));
  }
  return amounts;
}

bool FreeFlagContradictsText(const ProcedureChannel& channel) {
  if (!channel.fee_free) return false;
  const std::vector<Money> amounts = AmountsNamedIn(channel.fee_text);
  return std::ranges::any_of(amounts, [](Money m) { return m > Money::Dong(0); });
}

}  // namespace motcua
