#pragma once
// The province's procedure settings (app/procedure_settings_admin.h):
//
//   PUT /api/v1/procedures/{code}/settings   (administrator) replaces them:
//     {"processing_times": [{"channel": "direct", "amount": 5, "unit": "working_day"}],   optional (none)
//      "steps": [{"name": "Thẩm định", "role": "specialist", "share_percent": 60}],     optional (none)
//      "boundaryless": true}                                                              optional (not set)
//     → 200 the settings as GET /api/v1/procedures/{code} shows them under "settings".
//
// Reading is part of the procedure (public_api.h). Thread-safety: handlers run on every server thread, each
// with its own store.
#include <nlohmann/json.hpp>

#include "domain/procedure_settings.h"
#include "http/router.h"
#include "http/session_api.h"

namespace motcua::http {

// {"processing_times": [...], "steps": [...], "boundaryless": true|false|null, "updated_by", "updated_at"}
nlohmann::json ProcedureSettingsJson(const ProcedureSettings& settings);

void AddProcedureSettingsApi(Router& router, const SessionApiContext& context);

}  // namespace motcua::http
