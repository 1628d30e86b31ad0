#include "app/calendar_admin.h"

#include <chrono>

#include "app/agency_registry.h"

namespace motcua::app {
namespace {

bool IsWeekendDay(LocalDate date) {
  const std::chrono::weekday day{date};
  return day == std::chrono::Saturday || day == std::chrono::Sunday;
}

// Whether a blank name: nothing but ASCII white space.
bool IsBlank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

Result<void> CheckDayFitsKind(const CalendarEntry& entry) {
  const bool weekend = IsWeekendDay(entry.date);
  switch (entry.kind) {
    case DayKind::kMakeupWorkingDay:
    case DayKind::kPublicHolidayOnWeekend:
    case DayKind::kWeekendWithinBreak:
      if (weekend) return {};
      return Fail(Error::InvalidArgument("date",
                                         "ngày " + FormatIsoDate(entry.date) +
                                             " không phải thứ Bảy hay Chủ nhật, không hợp với loại '" +
                                             std::string(DayKindName(entry.kind)) + "'",
                                         FormatIsoDate(entry.date) + " is not a Saturday or Sunday, as kind '" +
                                             std::string(DayKindName(entry.kind)) + "' requires"));
    case DayKind::kPublicHoliday:
    case DayKind::kCompensatoryDayOff:
    case DayKind::kSwappedDayOff:
      if (!weekend) return {};
      return Fail(Error::InvalidArgument("date",
                                         "ngày " + FormatIsoDate(entry.date) + " là cuối tuần, không hợp với loại '" +
                                             std::string(DayKindName(entry.kind)) + "'",
                                         FormatIsoDate(entry.date) + " is a weekend day, which kind '" +
                                             std::string(DayKindName(entry.kind)) + "' does not allow"));
    case DayKind::kProposedHoliday:
      return {};
  }
  return {};
}

}  // namespace

Result<CalendarEntry> CalendarAdmin::SaveCalendarDay(const Account& by, CalendarEntry entry) {
  if (auto allowed = RequireAdministrator(by); !allowed) return Fail(allowed.error());
  if (IsBlank(entry.name_vi) || entry.name_vi.size() > kMaxCalendarNameBytes) {
    return Fail(Error::InvalidArgument("name", "tên ngày không được để trống và dài tối đa 300 byte",
                                       "the day's name must not be blank and is at most 300 bytes"));
  }
  if (auto fits = CheckDayFitsKind(entry); !fits) return Fail(fits.error());
  if (entry.kind == DayKind::kMakeupWorkingDay) {
    entry.is_day_off = false;
  } else if (entry.kind == DayKind::kProposedHoliday) {
    entry.is_day_off = std::nullopt;
  } else {
    entry.is_day_off = true;
  }
  entry.confidence = entry.kind == DayKind::kProposedHoliday ? "proposed_not_in_force" : "admin";
  if (auto saved = store_.SaveCalendarDay(entry); !saved) return Fail(saved.error());
  return entry;
}

Result<std::vector<store::CalendarDayRecord>> CalendarAdmin::DaysOfYear(int year) {
  if (year < 1900 || year > 9999) {
    return Fail(Error::InvalidArgument("year", "năm phải từ 1900 đến 9999", "the year must be 1900 to 9999"));
  }
  auto all = store_.CalendarDayRecords();
  if (!all) return Fail(all.error());
  std::vector<store::CalendarDayRecord> days;
  const std::chrono::year wanted{year};
  for (auto& record : *all) {
    if (std::chrono::year_month_day{record.entry.date}.year() == wanted) days.push_back(std::move(record));
  }
  return days;
}

}  // namespace motcua::app
