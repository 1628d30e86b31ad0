#pragma once
// One day that departs from the ordinary Monday–Friday week: a public holiday, a compensatory or swapped day
// off, a weekend inside a holiday break, a make-up working Saturday, or a proposal not yet in force. One row of
// data/reference/calendar/days_off_2024_2026.csv (columns described in data/reference/README.md).
//
// Holidays: Labour Code 2019 art. 112 (11 days); the Government fixes each year which days around Tết and
// National Day are taken off, swapped or made up (Government Office notices, cited per row in
// days_off_sources.csv). Plain values; no parsing of whole files here.
#include <optional>
#include <string>
#include <string_view>

#include "domain/civil_time.h"

namespace motcua {

enum class DayKind {
  kPublicHoliday,           // "public_holiday": a holiday of art. 112 on a weekday
  kPublicHolidayOnWeekend,  // "public_holiday_on_weekend": a holiday falling on Saturday or Sunday
  kCompensatoryDayOff,      // "compensatory_day_off": nghỉ bù for a holiday that fell on a weekend
  kSwappedDayOff,           // "swapped_day_off": a weekday off, worked on a make-up Saturday instead
  kWeekendWithinBreak,      // "weekend_within_break": a Saturday or Sunday inside a holiday break
  kMakeupWorkingDay,        // "makeup_working_day": a Saturday worked in exchange for a swapped day off
  kProposedHoliday,         // "proposed_holiday": announced but not in force; changes nothing
};

// Parses the CSV spellings listed above; nullopt for anything else (case-sensitive, no trimming).
std::optional<DayKind> ParseDayKind(std::string_view text);

// The CSV spelling, e.g. "makeup_working_day".
std::string_view DayKindName(DayKind kind);

struct CalendarEntry {
  LocalDate date;
  DayKind kind = DayKind::kPublicHoliday;
  std::string name_vi;             // e.g. "Tết Nguyên đán Bính Ngọ - Mùng 1 Tết"
  std::optional<bool> is_day_off;  // true: office closed; false: office open (make-up day);
                                   // nullopt: a proposal not in force, which changes nothing
  std::string confidence;          // "official", "statutory+library (...)", "proposed_not_in_force"...
  std::string note;                // free text, may be empty
};

}  // namespace motcua
