#pragma once
// Use case: the administrator edits the work calendar (DESIGN.md: "the calendar (add a day off, a make-up
// Saturday)"), and anyone reads it a year at a time.
//
// Saving needs the administrator role (PermissionDenied on "role" otherwise). The day is validated: a name of
// at most 300 bytes, not blank ("name"); a make-up working day or a weekend-only kind on a Saturday or Sunday,
// a weekday day off on Monday to Friday ("date"). A saved day is stored with source "admin", which a later
// reload of the reference catalogue keeps. Nothing is deleted: DayKind has no "ordinary working day", so a
// day can be re-classified but not removed.
//
// The running server counts with app/live_calendar.h, which the API reloads after a save: a saved day counts in
// deadlines from the next request.
// Thread-safety: one instance per thread, like the Store it uses.
#include <string>
#include <vector>

#include "domain/account.h"
#include "domain/calendar_entry.h"
#include "store/store.h"

namespace motcua::app {

inline constexpr std::size_t kMaxCalendarNameBytes = 300;

class CalendarAdmin {
 public:
  explicit CalendarAdmin(store::Store& store) : store_(store) {}

  // Adds the day or replaces the one with its date. `entry.is_day_off` and `confidence` are set here from
  // the kind (a make-up day is open, a proposal changes nothing, any other kind is a day off).
  Result<CalendarEntry> SaveCalendarDay(const Account& by, CalendarEntry entry);

  // The stored days of `year` (1900..9999, InvalidArgument on "year" otherwise), in date order.
  Result<std::vector<store::CalendarDayRecord>> DaysOfYear(int year);

 private:
  store::Store& store_;
};

}  // namespace motcua::app
