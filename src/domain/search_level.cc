#include "domain/search_level.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace motcua {
namespace {

bool IsCodeOfDigits(const std::string& unit, std::size_t digits) {
  return unit.size() == digits &&
         std::ranges::all_of(unit, [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

}  // namespace

std::optional<std::string_view> PreferredSearchLevel(const Account& account) {
  const auto any_unit_of = [&](std::size_t digits) {
    return std::ranges::any_of(account.units, [&](const std::string& unit) { return IsCodeOfDigits(unit, digits); });
  };
  if (any_unit_of(5)) return "commune";
  if (any_unit_of(2)) return "province";
  return std::nullopt;
}

}  // namespace motcua
