#pragma once
// Use case: the work calendar as configured in the store (days off, make-up working days), with the
// default working hours, and the due moment of a processing time counted on it.
#include "domain/civil_time.h"
#include "domain/time_unit.h"
#include "domain/work_calendar.h"
#include "store/store.h"

namespace motcua::app {

Result<WorkCalendar> LoadWorkCalendar(store::Store& store);

// The moment a processing time of `amount` `unit` ends when counted from `from`, as for a dossier received then:
// WorkCalendar::Add, with working days read as the province's setting says (app/province_settings.h).
Result<Instant> ComputeDueMoment(store::Store& store, Instant from, double amount, TimeUnit unit);

}  // namespace motcua::app
