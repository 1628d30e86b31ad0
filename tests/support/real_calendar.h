#pragma once
// The work calendar of the shipped reference data (days off 2024–2026) with the default working hours,
// built once, for tests and benchmarks of deadline arithmetic.
#include "app/reference_files.h"
#include "app/reference_loader.h"
#include "domain/work_calendar.h"

namespace motcua::test_support {

inline const WorkCalendar& RealCalendar() {
  static const WorkCalendar calendar(WorkingHours::Default(),
                                     app::LoadReferenceCatalogue(app::BuiltInReferenceFiles()).catalogue.calendar);
  return calendar;
}

}  // namespace motcua::test_support
