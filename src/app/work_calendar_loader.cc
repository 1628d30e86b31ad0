#include "app/work_calendar_loader.h"

#include "app/province_settings.h"
#include "domain/deadline_rules.h"

namespace motcua::app {

Result<WorkCalendar> LoadWorkCalendar(store::Store& store) {
  auto entries = store.CalendarEntries();
  if (!entries) return Fail(entries.error());
  return WorkCalendar(WorkingHours::Default(), std::move(*entries));
}

// As a dossier received at `from` would be given: on the province's calendar and by its reading of working days.
Result<Instant> ComputeDueMoment(store::Store& store, Instant from, double amount, TimeUnit unit) {
  auto calendar = LoadWorkCalendar(store);
  if (!calendar) return Fail(calendar.error());
  auto settings = LoadLifecycleSettings(store);
  if (!settings) return Fail(settings.error());
  auto deadline = DeadlineAtReceipt(*calendar, from, amount, unit, settings->deadline);
  if (!deadline) return Fail(deadline.error());
  return deadline->due_at;
}

}  // namespace motcua::app
