#pragma once
// The units in which the law states processing times (procedure_channels.csv: time_unit).
#include <optional>
#include <string>
#include <string_view>

namespace motcua {

enum class TimeUnit {
  kWorkingDay,   // "working_day": ngày làm việc
  kDay,          // "day": ngày (calendar days)
  kWorkingHour,  // "working_hour" (the catalogue writes "hour"): giờ làm việc
  kMonth,        // "month": tháng
};

// Accepts the catalogue's and the CLI's spellings: working_day, day, working_hour, hour, month.
std::optional<TimeUnit> ParseTimeUnit(std::string_view text);
std::string_view TimeUnitName(TimeUnit unit);  // the canonical spelling, e.g. "working_day"

// "3 ngày làm việc", "1,5 ngày": an amount of `unit` as Vietnamese text, with a decimal comma (procedure answers,
// the receipt slip).
std::string DurationVi(double amount, TimeUnit unit);

}  // namespace motcua
