#include "app/procedure_settings_admin.h"

#include "app/agency_registry.h"

namespace motcua::app {

Result<ProcedureSettings> ProcedureSettingsAdmin::Save(const Account& by, ProcedureSettings settings) {
  if (auto allowed = RequireAdministrator(by); !allowed) return Fail(allowed.error());
  if (auto valid = ValidateProcedureSettings(settings); !valid) return Fail(valid.error());
  settings.updated_by = by.login;
  settings.updated_at = clock_.Now();
  if (auto saved = store_.SaveProcedureSettings(settings); !saved) return Fail(saved.error());
  return settings;
}

}  // namespace motcua::app
