#pragma once
// Use case: the administrator sets a province's own settings of a procedure (domain/procedure_settings.h) —
// processing time per channel, workflow steps, boundaryless reception — and anyone reads them with the
// procedure. Saving needs the administrator role (PermissionDenied on "role"); the settings are validated
// (InvalidArgument naming the field) and the procedure must be in the catalogue (NotFound on "procedure_code").
// A saved setting applies to dossiers received from then on: the intake reads it each time
// (app/dossier_lifecycle.h), and a dossier keeps the time it was received with.
// Thread-safety: one instance per thread, like the Store it uses.
#include "app/clock.h"
#include "domain/account.h"
#include "domain/procedure_settings.h"
#include "store/store.h"

namespace motcua::app {

class ProcedureSettingsAdmin {
 public:
  ProcedureSettingsAdmin(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Replaces the procedure's settings with `settings` (its updated_by and updated_at are set here).
  Result<ProcedureSettings> Save(const Account& by, ProcedureSettings settings);

 private:
  store::Store& store_;
  const Clock& clock_;
};

}  // namespace motcua::app
