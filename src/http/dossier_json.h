#pragma once
// Dossiers as the API shows them to staff and to the applicant: the state (every field a dossier page
// needs), the view with its history (events in the JSON of docs/events-jsonl.md), and list pages.
// Times in Viet Nam time with their offset, money as integer đồng, enumerations as snake_case names with a
// Vietnamese label beside the status. Pure functions; thread-safe.
#include <nlohmann/json.hpp>

#include "app/dossier_view.h"
#include "domain/dossier_state.h"
#include "store/store.h"

namespace motcua::http {

nlohmann::json DossierStateJson(const DossierState& state);
nlohmann::json DossierViewJson(const app::DossierView& view);
// {"items":[summary...],"next_cursor":"..."|null}; "overdue" of each item is judged at `now`.
nlohmann::json DossierPageJson(const store::DossierPage& page, Instant now);

}  // namespace motcua::http
