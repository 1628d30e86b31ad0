#include "domain/time_unit.h"

namespace motcua {

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

}  // namespace motcua
