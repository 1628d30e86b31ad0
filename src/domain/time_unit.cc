#include "domain/time_unit.h"

#include <algorithm>
#include <cmath>

namespace motcua {
namespace {

std::string_view UnitLabelVi(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kWorkingDay:
      return "ngày làm việc";
    case TimeUnit::kDay:
      return "ngày";
    case TimeUnit::kWorkingHour:
      return "giờ làm việc";
    case TimeUnit::kMonth:
      return "tháng";
  }
  return "";
}

// "5", "1,5" (a Vietnamese decimal comma).
std::string NumberVi(double value) {
  if (value == std::floor(value)) return std::to_string(static_cast<long long>(value));
  std::string text = std::to_string(value);
  text.erase(text.find_last_not_of('0') + 1);
  std::ranges::replace(text, '.', ',');
  return text;
}

}  // namespace

std::optional<TimeUnit> ParseTimeUnit(std::string_view text) {
  if (text == "working_day") return TimeUnit::kWorkingDay;
  if (text == "day") return TimeUnit::kDay;
  if (text == "working_hour" || text == "hour") return TimeUnit::kWorkingHour;
  if (text == "month") return TimeUnit::kMonth;
  return std::nullopt;
}

std::string_view TimeUnitName(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kWorkingDay:
      return "working_day";
    case TimeUnit::kDay:
      return "day";
    case TimeUnit::kWorkingHour:
      return "working_hour";
    case TimeUnit::kMonth:
      return "month";
  }
  return "working_day";
}

std::string DurationVi(double amount, TimeUnit unit) { return NumberVi(amount) + " " + std::string(UnitLabelVi(unit)); }

}  // namespace motcua
