#include "app/work_calendar_loader.h"

namespace motcua::app {

Result<WorkCalendar> LoadWorkCalendar(store::Store& store) {
  auto entries = store.CalendarEntries();
  if (!entries) return Fail(entries.error());
  return WorkCalendar(WorkingHours::Default(), std::move(*entries));
}

Result<Instant> ComputeDueMoment(store::Store& store, Instant from, double amount, TimeUnit unit) {
  auto calendar = LoadWorkCalendar(store);
  if (!calendar) return Fail(calendar.error());
  auto due = calendar->Add(ToLocal(from), amount, unit);
  if (!due) return Fail(due.error());
  return ToInstant(*due);
}

}  // namespace motcua::app
