#include "domain/calendar_entry.h"

#include <array>
#include <utility>

namespace motcua {
namespace {

// One table for both directions, so that a new kind cannot be parsed but not named (or the reverse).
constexpr std::array<std::pair<DayKind, std::string_view>, 7> kDayKindNames{{
    {DayKind::kPublicHoliday, "public_holiday"},
    {DayKind::kPublicHolidayOnWeekend, "public_holiday_on_weekend"},
    {DayKind::kCompensatoryDayOff, "compensatory_day_off"},
    {DayKind::kSwappedDayOff, "swapped_day_off"},
    {DayKind::kWeekendWithinBreak, "weekend_within_break"},
    {DayKind::kMakeupWorkingDay, "makeup_working_day"},
    {DayKind::kProposedHoliday, "proposed_holiday"},
}};

}  // namespace

std::optional<DayKind> ParseDayKind(std::string_view text) {
  for (const auto& [kind, name] : kDayKindNames) {
    if (name == text) return kind;
  }
  return std::nullopt;
}

std::string_view DayKindName(DayKind kind) {
  for (const auto& [candidate, name] : kDayKindNames) {
    if (candidate == kind) return name;
  }
  return "public_holiday";  // unreachable for a valid enumerator
}

}  // namespace motcua
