#pragma once
// The work calendar a running server counts deadlines with, replaced whole when the administrator saves a day
// off or a make-up working day, so that the day counts from the next request rather than from the next start
// (issue 15, item 11). A request takes one snapshot and uses it throughout: a dossier's appointment is never
// computed half on the old calendar and half on the new. Thread-safe.
#include <atomic>
#include <memory>

#include "domain/work_calendar.h"
#include "store/store.h"

namespace motcua::app {

class LiveCalendar {
 public:
  explicit LiveCalendar(WorkCalendar calendar);

  std::shared_ptr<const WorkCalendar> Current() const { return current_.load(); }

  // Reads the calendar from `store` again and puts it in place; on an error the current one stays.
  Result<void> Reload(store::Store& store);

 private:
  std::atomic<std::shared_ptr<const WorkCalendar>> current_;
};

}  // namespace motcua::app
