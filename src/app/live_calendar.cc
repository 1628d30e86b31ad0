#include "app/live_calendar.h"

#include "app/work_calendar_loader.h"

namespace motcua::app {

LiveCalendar::LiveCalendar(WorkCalendar calendar)
    : current_(std::make_shared<const WorkCalendar>(std::move(calendar))) {}

Result<void> LiveCalendar::Reload(store::Store& store) {
  auto calendar = LoadWorkCalendar(store);
  if (!calendar) return Fail(calendar.error());
  current_.store(std::make_shared<const WorkCalendar>(std::move(*calendar)));
  return {};
}

}  // namespace motcua::app
