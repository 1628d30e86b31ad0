#pragma once
// Dossiers as the API shows them to staff and to the applicant: the state (every field a dossier page
// needs), the view with its history (events in the JSON of docs/events-jsonl.md), and list pages.
// Times in Viet Nam time with their offset, money as integer đồng, enumerations as snake_case names with a
// Vietnamese label beside the status. Pure functions; thread-safe.
#include <nlohmann/json.hpp>

#include "app/dossier_view.h"
#include "domain/deadline_rules.h"
#include "domain/dossier_state.h"
#include "domain/work_calendar.h"
#include "store/store.h"

namespace motcua::http {

nlohmann::json DossierStateJson(const DossierState& state);
// `receipt_pin`: the PIN printed on the dossier's slip (app/receipt_pins.h).
nlohmann::json DossierViewJson(const app::DossierView& view, const std::string& receipt_pin);
// What a list's "standing", "urgency" and "overdue" are judged with (domain/dossier_standing.h).
struct Judge {
  Instant now;
  const DeadlinePolicy& policy;
  const WorkCalendar& calendar;
};

// {"items":[summary...],"next_cursor":"..."|null}.
nlohmann::json DossierPageJson(const store::DossierPage& page, const Judge& judge);

}  // namespace motcua::http
